-- Where a typed line of an intake went in the report, so an edit of that line (Telegram edited_message, WhatsApp
-- edit) changes the answer it made and no other: matched by the platform's id of the line (provider_message_key),
-- not by its words. Before, an edit changed every answer part reading the same words (two identical lines both
-- changed) and never found a line the handler had split into several parts.
--   answer_key:   the flow's answer key the line was kept under (a code of the flow, no personal data)
--   answer_part:  for an answer made of parts (a story, the notes beside the evidence): the line's first part;
--                 null for a whole text answer
--   answer_parts: how many parts the line became (a line longer than the question's length is split)
-- Null for every other line (a choice, a command, a thread message, a line written before this column existed).
alter table chat_message
    add column answer_key varchar(100),
    add column answer_part integer,
    add column answer_parts integer;
