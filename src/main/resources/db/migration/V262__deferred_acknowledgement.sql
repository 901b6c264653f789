-- A story's routine acknowledgement ("Tersimpan. Tulis lagi atau tekan Selesai") after its first line is queued with a
-- delay (ruangaman.conversation.story-ack-delay) and marked here: withdrawn (deleted, never sent, never shown) when the
-- same person's next line comes first, sent at once when anything else is queued to the chat after it. Its
-- next_attempt_at is the time it may go; the outbound queue holds the chat's later messages behind it until then, or
-- until it is released. No content: a flag, decided by erasure as the row's other plain columns are.
alter table chat_message add column deferred boolean not null default false;
comment on column chat_message.deferred is 'a routine acknowledgement waiting for the person to pause: withdrawn if they write again first';
