-- Issue 16, fifth round: a conversation's lines are filed under its report without rewriting them at submission.
-- Each contact counts its submitted conversations (contact.conversation); a transcript line is written with the
-- contact's current number; a report takes that number over when it is submitted (intake.conversation) and the contact
-- moves on to the next. A report's lines are then those filed under it (intake_id: its thread) and the contact's
-- unfiled lines (intake_id null) of its conversation. Before, submission set intake_id on every earlier line of the
-- conversation (about 30 rows whose indexed column changed, plus the foreign key's check: 29% of PostgreSQL's time in
-- the drain benchmark).
--
-- Existing rows: unfiled lines get 0, as every contact does, so the next report takes them over exactly as the old
-- update would have filed them; reports submitted before have no number (null) and keep the lines filed under them.
-- Constant defaults: no table is rewritten.
alter table contact add column conversation integer not null default 0;
alter table chat_message add column conversation integer not null default 0;
alter table intake add column conversation integer;
