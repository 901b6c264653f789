-- A survivor's correction of an answer of their submitted report: an edit (Telegram edited_message, WhatsApp edit),
-- sent after the report, of a line typed during the intake that made an answer. The report's answers (intake.answers)
-- are what the pelapor handed over and what the counsellor verifies; a correction never overwrites them. The case page
-- and the intake form print show it: before the answer's part of the report is verified, as the answer with the words
-- it replaced; after, beside the verified text.
--   intake_id:     the case
--   answer_key:    the flow's answer key of the corrected answer (a code of the flow, no personal data)
--   answer_part:   for an answer made of parts (a story, the notes beside the evidence): the line's first part;
--                  null for a whole text answer (as chat_message.answer_part, V264)
--   answer_parts:  how many parts the line was in the report
--   body:          the new words, encrypted as chat_message.body; deleted with the row on the pelapor's erasure
--   created_at:    when the correction arrived
--   message_id:    the edit's own line in the transcript (chat_message.kind 'edit', edit_of the original line);
--                  checked at the commit, as the lines themselves are (V159): a round writes its lines with plain JDBC
create table answer_correction (
    id            bigserial    primary key,
    intake_id     bigint       not null references intake (id),
    answer_key    varchar(100) not null,
    answer_part   integer,
    answer_parts  integer      not null,
    body          bytea        not null,
    created_at    timestamptz  not null,
    message_id    bigint       not null references chat_message (id) deferrable initially deferred
);
create index answer_correction_case on answer_correction (intake_id, id);
