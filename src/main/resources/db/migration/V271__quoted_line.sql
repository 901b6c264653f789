-- A line that quotes an earlier message of the same chat (WhatsApp messages[].context.id, Telegram
-- message.reply_to_message): the quoted line's id, so the case's transcript shows which message a "ya" answered
-- ("Membalas: Apakah aman chat di HP ini?", a counsellor's question). Only an id of a line of the same person's chat:
-- no personal data; emptied with the line's content when the person's lines are erased
-- (ChatMessageRepository.eraseContent). Null for a line that quotes nothing, or a message the service never recorded.
-- A nullable column without a default: added without rewriting the table.
alter table chat_message add column replies_to bigint;
