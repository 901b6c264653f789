-- The audit log keeps who did it by account as well as by username. The username stays as it was written: what was
-- true at the time (the login name the person used). Beside it, actor_account_id names the account, so the log still
-- names the person after an operator corrects the username, and a filter by person finds the rows of both usernames.
-- Written by AuditLog from the username at the moment of the row (then certainly that account's); null for a system
-- actor ("survivor-chat", "unknown", "anonymous") or a typed username that names no account.
alter table audit_event add column actor_account_id bigint references account (id);
create index audit_event_actor_account_idx on audit_event (actor_account_id, id);

-- Rows written before this migration are not changed: the log is append-only (V5's trigger, and the runtime role may
-- not update it). Instead, which account each username named when the column was added is kept here, once, and never
-- changed; a row without actor_account_id is read through it (AuditEvent.actorAccount). A username no account had
-- then (a system actor, or an account renamed before this release) has no row here and is shown as written.
create table audit_actor_before_v206 (
    username   varchar(64) primary key,
    account_id bigint      not null references account (id)
);
insert into audit_actor_before_v206 (username, account_id) select username, id from account;
create trigger audit_actor_before_v206_fixed before update or delete on audit_actor_before_v206
    for each row execute function audit_event_append_only();
create trigger audit_actor_before_v206_no_truncate before truncate on audit_actor_before_v206
    for each statement execute function audit_event_append_only();
