-- A case thread holds files (staged, encrypted) while the person is asked whether the task force may keep them.
-- The idle job drops them when no answer came within the pause period; this flag lets it find such sessions
-- without decrypting every session's state.
alter table conversation_session add column holding_files boolean not null default false;
create index conversation_session_holding_idx on conversation_session (last_input_at) where holding_files;
