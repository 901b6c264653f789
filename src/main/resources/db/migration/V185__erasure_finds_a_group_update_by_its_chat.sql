-- Erasure (ReporterErasure.ERASE_RAW_UPDATES) finds the raw updates from or about a person by subject_hash through
-- inbound_update_subject_idx (V30), and those whose chat is the person while the update is about someone else (a
-- Telegram group's update, when the erased contact is the group) through this one. Only such updates have an entry here
-- (in a private chat and on WhatsApp the chat is the person), so the insert path gains almost no index work; the
-- erasure's predicate repeats this one word for word, so neither of its halves scans the table.
create index inbound_update_chat_idx on inbound_update (channel, contact_hash)
 where payload is not null and contact_hash is not null and (subject_hash is null or contact_hash <> subject_hash);
