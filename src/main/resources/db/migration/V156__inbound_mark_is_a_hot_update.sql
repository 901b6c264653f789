-- Marking a round's updates processed (status, processed_at) was a full new row version of inbound_update with an
-- entry in each of its indexes: status was in the predicates of the two pending indexes and of the purge index, and
-- processed_at was the purge index's key (issue 16, tenth round; docs/benchmark.md "A round's fixed cost"). Now no
-- index of inbound_update covers either column, so the mark is a HOT update when the row's page has room:
--   * which updates wait, per contact and in order, is kept in a narrow table of its own (inbound_pending), filled by
--     the same insert trigger that keeps inbound_queue and emptied by the statement that marks the updates processed;
--     inbound_update.status stays the record of an update's state (the round still checks it under the row's lock);
--   * the purge finds old payloads by received_at (never changed after the insert; an update is processed after it
--     was received, so everything processed before the cut-off was received before it);
--   * new pages keep 40% free, so the processed version of a row fits beside it (rows already stored keep their pages).

create table inbound_pending (
    id            bigint       primary key,
    channel       varchar(16)  not null,
    contact_hash  bytea,
    sequence_no   bigint       not null
);
create index inbound_pending_order_idx on inbound_pending (channel, contact_hash, sequence_no, id);
comment on table inbound_pending is 'the inbound_update rows still PENDING (same id), in the order a contact''s updates are taken';
comment on column inbound_pending.contact_hash is 'blind index of the sender, as in inbound_update; null: updates about no sender';

insert into inbound_pending (id, channel, contact_hash, sequence_no)
select id, channel, contact_hash, sequence_no from inbound_update where status = 'PENDING';

create or replace function inbound_queue_add() returns trigger language plpgsql as $$
begin
    insert into inbound_pending (id, channel, contact_hash, sequence_no)
    select id, channel, contact_hash, sequence_no from added where status = 'PENDING';
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

drop index inbound_update_pending_idx;
drop index inbound_update_pending_nobody_idx;
drop index inbound_update_purge_idx;
create index inbound_update_purge_idx on inbound_update (received_at) where payload is not null;

alter table inbound_update set (fillfactor = 60);
