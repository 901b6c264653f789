-- Replies held outside WhatsApp's 24-hour window (status HELD) are rare, and a step used to look for them with an
-- update on every WhatsApp message. This index holds those rows only (almost always none), so reading a contact can
-- say whether it has any (Contact.heldReplies, a subquery on this index) and the update runs only when it does.
create index chat_message_held_idx on chat_message (contact_id) where status = 'HELD';
