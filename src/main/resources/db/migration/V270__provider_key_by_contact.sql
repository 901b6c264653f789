-- A person's reply that quotes an earlier message (WhatsApp context.id, Telegram reply_to_message), and an edit of a
-- line, are looked up by the platform id's key within the person's own chat. Telegram numbers messages per chat, so
-- one key ("57") is shared by every chat that has reached that many messages: the lookup now goes straight to the
-- person's row instead of reading the key's rows of every chat. Same columns first, so lookups by channel and key alone
-- (WhatsApp delivery statuses) use it as before; it replaces the old index rather than adding a second one (inserts
-- keep the same number of indexes to write).
create index chat_message_provider_key_contact_idx on chat_message (channel, provider_message_key, contact_id)
    where provider_message_key is not null;
drop index if exists chat_message_provider_key_idx;
