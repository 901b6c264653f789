-- The per-contact work queue (issue 16): one row per contact with updates waiting, so a worker finds the next due
-- contact through one index instead of scanning every pending update. Kept by a trigger on inbound_update, so the
-- webhooks know nothing of it and a multi-row insert stays one statement (one row upserted per contact per statement).
-- Updates about no sender (a WhatsApp "errors" notice) share the lane with the empty hash, taken in order.
create table inbound_queue (
    channel       varchar(16)  not null,
    contact_hash  bytea        not null,
    pending       integer      not null,
    due_at        timestamptz  not null,
    leased_until  timestamptz,
    primary key (channel, contact_hash)
);
create index inbound_queue_due_idx on inbound_queue (due_at);
comment on table inbound_queue is 'contacts with PENDING inbound updates: how many, and when the first may be taken';
comment on column inbound_queue.contact_hash is 'blind index of the sender (inbound_update.contact_hash), empty for none';
comment on column inbound_queue.due_at is 'never later than when the contact''s first pending update is due';
comment on column inbound_queue.leased_until is 'a worker has claimed the contact until then (a crashed worker''s claim runs out)';

create function inbound_queue_add() returns trigger language plpgsql as $$
begin
    -- Sorted, so two concurrent multi-row inserts take the queue rows in the same order and never deadlock.
    insert into inbound_queue as q (channel, contact_hash, pending, due_at)
    select channel, coalesce(contact_hash, '\x'::bytea), count(*), min(coalesce(next_attempt_at, received_at))
    from added
    where status = 'PENDING'
    group by channel, coalesce(contact_hash, '\x'::bytea)
    order by 1, 2
    on conflict (channel, contact_hash) do update
        set pending = q.pending + excluded.pending, due_at = least(q.due_at, excluded.due_at);
    return null;
end
$$;

create trigger inbound_update_queued after insert on inbound_update
    referencing new table as added for each statement execute function inbound_queue_add();

-- Whatever is waiting now joins the queue.
insert into inbound_queue (channel, contact_hash, pending, due_at)
select channel, coalesce(contact_hash, '\x'::bytea), count(*), min(coalesce(next_attempt_at, received_at))
from inbound_update where status = 'PENDING'
group by channel, coalesce(contact_hash, '\x'::bytea);

-- The lane of updates about no sender is read by this index; the per-contact one is inbound_update_pending_idx.
create index inbound_update_pending_nobody_idx on inbound_update (channel, sequence_no, id)
    where status = 'PENDING' and contact_hash is null;
