-- Issue 16, eleventh round: a transcript line no longer costs PostgreSQL a key check on its contact.
--
-- chat_message_contact_id_fkey made every inserted line run PostgreSQL's referential check at the commit: one query
-- per row (select 1 from only contact where id = $1 for key share), about a fifth of PostgreSQL's time in the backlog
-- drain. A round writes its lines while it holds its contacts' rows locked (for update), so the check never found a
-- contact gone; it is one query per line all the same. What the key guaranteed, and what keeps it now:
--
-- 1. No line outlives its contact. Contact rows are never deleted: an erasure unlinks the contact (hashes replaced,
--    identity emptied, id.ruangaman.intake.ReporterErasure) and keeps the row, and no code deletes one. The triggers
--    below make that a rule of the database: deleting or truncating contact is refused, whatever the statement, so
--    the lines' contact_id can never point at a removed row (the other keys onto contact stay as they are).
-- 2. No line names a contact that was never there. Every line is written (by the round, id.ruangaman.transcript.
--    RoundLines, or by Hibernate) with the id of a contact entity of the same transaction, found and locked or created
--    there by ContactRepository; a contact created in a transaction is inserted by it, and if that transaction rolls
--    back, its lines go with it. For chat_message the database no longer checks this point itself: that is the cost
--    this migration removes, weighed against a writer that could only get it wrong by inventing an id. The other
--    tables that name a contact keep their keys (a session, a report, a file, a referral: one row each, not one a line).
--
-- Erasure is unchanged: it empties the lines' content and the contact's identity; it never relied on the key.
alter table chat_message drop constraint chat_message_contact_id_fkey;

create function contact_rows_are_kept() returns trigger language plpgsql as $$
begin
    raise exception 'contact rows are never deleted (% refused): an erasure unlinks the contact and keeps the row', tg_op;
end;
$$;

create trigger contact_no_delete before delete on contact
    for each statement execute function contact_rows_are_kept();
create trigger contact_no_truncate before truncate on contact
    for each statement execute function contact_rows_are_kept();
