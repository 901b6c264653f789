-- Issue 16, tenth round: a round's transcript lines are written by the round itself, as one JDBC batch, before
-- Hibernate's flush inserts the round's other rows (id.ruangaman.transcript.RoundLines). A line may name the report
-- its step submitted (intake_id), or an earlier line it edits (edit_of), before that row is inserted in the same
-- transaction. Checked at the commit instead, as the line's contact already is (V142): the guarantee is the same, no
-- line is ever committed naming a report or a line that does not exist.
alter table chat_message alter constraint chat_message_intake_id_fkey deferrable initially deferred;
alter table chat_message alter constraint chat_message_edit_of_fkey deferrable initially deferred;
