-- Issue 16, eighth round: a new person's first line and session are checked against their contact at the commit.
--
-- A processing round is one transaction over several people. Hibernate orders a transaction's inserts by entity, for
-- batching, and knows no dependency from chat_message.contact_id or conversation_session.contact_id (plain columns) to
-- contact, so a new person's contact could be inserted after lines or sessions that name it. Until now every new
-- contact was therefore flushed on its own the moment it was created (one more flush of the whole round, with its
-- statements, per new person). Checked at the commit instead, the order inside the transaction no longer matters and
-- the new contacts are inserted with the rest of the round; the guarantee is the same: no line and no session is ever
-- committed without its contact.
alter table chat_message alter constraint chat_message_contact_id_fkey deferrable initially deferred;
alter table conversation_session alter constraint conversation_session_contact_id_fkey deferrable initially deferred;
