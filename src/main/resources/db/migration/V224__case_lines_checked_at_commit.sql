-- A report's lines and files point at its case (chat_message.intake_id, media.intake_id, V20). The step that submits
-- the report creates the case and files its replies and kept files under it in one transaction, and Hibernate writes
-- the new case only at the commit, after the round's transcript lines (written as one batch). Until now the case was
-- forced out first by a flush of the whole transaction at every submission, which also sent the round's other steps'
-- writes one by one (issue 16). These references are now checked when the transaction commits, as PostgreSQL does for
-- a deferred constraint: a line or file can never be committed pointing at a case that does not exist; only the
-- order of the statements inside the transaction no longer matters.
alter table chat_message alter constraint chat_message_intake_id_fkey deferrable initially deferred;
alter table media alter constraint media_intake_id_fkey deferrable initially deferred;
