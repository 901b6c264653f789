-- The per-contact outbound work queue (issue 16): one row per contact with unsent outbound messages (PENDING or
-- SENDING), so a channel's sender finds the next due contacts through one index instead of checking, for every
-- unsent message, that no earlier one of its contact exists and how many were sent to it lately.
--
-- Who keeps it:
--   * a message becoming unsent (an insert of an OUT PENDING row; a HELD reply released) joins its contact to the
--     queue: triggers below, so every path that queues a message is covered;
--   * a contact whose unsent messages were all erased (/hapus, a coordinator's erasure) leaves it: trigger below;
--   * the sender's own steps (claim, then sent / retry later / unreachable / failed / held) are kept by the Java code
--     (channel.outbound.OutboundQueue), after the outcome is committed, in its own short transaction.
--
-- Locking, so no transaction ever waits in a cycle:
--   * joining never updates a row that exists: it inserts the row, or takes FOR KEY SHARE on it, a shared lock held
--     to the end of the (possibly long) transaction that queued the message. A row is deleted only under FOR UPDATE,
--     which that lock blocks, so a row cannot vanish under a message that is not committed yet; and the claim's FOR
--     NO KEY UPDATE does not conflict with it, so queuing never holds a contact back from being sent to;
--   * the claim and the deletions take their locks with SKIP LOCKED and never wait.
-- Row-level triggers with WHEN, not statement-level ones: the conditions are checked without calling any function,
-- so an inbound message (the workers' most frequent insert) costs nothing here.
create table outbound_queue (
    contact_id    bigint       primary key,
    channel       varchar(16)  not null,
    due_at        timestamptz  not null,
    leased_until  timestamptz
);
create index outbound_queue_due_idx on outbound_queue (channel, due_at);
comment on table outbound_queue is 'contacts with unsent outbound messages (PENDING or SENDING), and when the next may be claimed';
comment on column outbound_queue.due_at is 'not before then: the first unsent message''s next attempt, the contact''s rate window, or the lease';
comment on column outbound_queue.leased_until is 'a sender holds the contact''s first message until then (a crashed sender''s lease runs out)';

create function outbound_queue_join() returns trigger language plpgsql as $$
declare
    due timestamptz := coalesce(new.next_attempt_at, now());
begin
    loop
        insert into outbound_queue (contact_id, channel, due_at) values (new.contact_id, new.channel, due)
        on conflict (contact_id) do nothing;
        if found then
            return null;
        end if;
        -- Queued already: keep the row until this transaction ends (see above).
        perform 1 from outbound_queue where contact_id = new.contact_id for key share;
        if found then
            if tg_op = 'UPDATE' then
                -- A released reply goes before everything queued after it, so the contact is due when it is (unless a
                -- sender holds it: its release sets the next due time).
                update outbound_queue set due_at = due
                where contact_id = new.contact_id and due_at > due and (leased_until is null or leased_until < now());
            end if;
            return null;
        end if;
        -- deleted meanwhile by a claim that found nothing unsent: insert it again
    end loop;
end
$$;

create trigger chat_message_outbound_queued after insert on chat_message
    for each row when (new.direction = 'OUT' and new.status = 'PENDING')
    execute function outbound_queue_join();

-- PENDING again from a settled state (a HELD reply released when the person writes within WhatsApp's window). A retry
-- (SENDING -> PENDING) is the sender's own step and kept by it.
create trigger chat_message_outbound_requeued after update of status on chat_message
    for each row when (new.direction = 'OUT' and new.status = 'PENDING' and old.status not in ('PENDING', 'SENDING'))
    execute function outbound_queue_join();

create function outbound_queue_erased() returns trigger language plpgsql as $$
begin
    -- Not while a sender holds the contact (its release tidies up), nor while another transaction is queuing to it.
    perform 1 from outbound_queue where contact_id = old.contact_id
        and (leased_until is null or leased_until < now()) for update skip locked;
    if found then
        delete from outbound_queue q where contact_id = old.contact_id and not exists (select 1 from chat_message m
            where m.contact_id = q.contact_id and m.direction = 'OUT' and m.status in ('PENDING', 'SENDING'));
    else
        -- whatever comes next is not kept waiting by the erased message's back-off
        update outbound_queue set due_at = now()
        where contact_id = old.contact_id and due_at > now() and (leased_until is null or leased_until < now());
    end if;
    return null;
end
$$;

create trigger chat_message_outbound_erased after update of status on chat_message
    for each row when (new.direction = 'OUT' and new.status = 'ERASED' and old.status in ('PENDING', 'SENDING'))
    execute function outbound_queue_erased();

-- Whatever is unsent now joins the queue; the first claim sets each contact's real due time.
insert into outbound_queue (contact_id, channel, due_at)
select contact_id, min(channel), now() from chat_message
where direction = 'OUT' and status in ('PENDING', 'SENDING')
group by contact_id;

-- Only the old claim read these (unsent messages by channel, and by due time); the queue replaces both. The head of a
-- contact is read through chat_message_unsent_contact_idx, its recent sends through chat_message_sent_idx.
drop index chat_message_unsent_idx;
drop index chat_message_outbox_idx;
