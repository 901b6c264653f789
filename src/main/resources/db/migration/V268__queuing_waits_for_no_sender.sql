-- Queuing a reply no longer waits for a sender of the same person (issue 16, twenty-ninth round).
--
-- outbound_queue_join (V97) inserted the person's queue row with ON CONFLICT DO NOTHING first, and took FOR KEY SHARE
-- on it only when it existed. An insert that meets a unique key whose row another transaction is updating waits for
-- that transaction to end, whatever the update touches: a sender's claim or the recording of a delivered message
-- (each updates due_at and leased_until, and commits durably) held up the whole round of processing that queued the
-- next reply to that person. That was half of the time of `insert into chat_message` under load.
--
-- FOR KEY SHARE does not wait for an update that leaves the key alone (PostgreSQL's heap_lock_tuple follows the update
-- chain instead), so it now comes first: a person already queued (most replies, since a step queues several) is joined
-- without waiting. The insert runs only when no row exists. The locking rules of V97 are unchanged: the row is kept by
-- FOR KEY SHARE to the end of the queuing transaction, a deletion under FOR UPDATE still waits for it, and a row deleted
-- meanwhile is inserted again.
create or replace function outbound_queue_join() returns trigger language plpgsql as $$
declare
    due timestamptz := coalesce(new.next_attempt_at, now());
begin
    loop
        -- Queued already: keep the row until this transaction ends (see V97).
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
        insert into outbound_queue (contact_id, channel, due_at) values (new.contact_id, new.channel, due)
        on conflict (contact_id) do nothing;
        if found then
            return null;
        end if;
        -- inserted meanwhile by another transaction queuing to the same person: take FOR KEY SHARE on it
    end loop;
end
$$;
