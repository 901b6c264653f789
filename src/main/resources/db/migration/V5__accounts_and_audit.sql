-- Inbox accounts. Passwords are bcrypt hashes in modular crypt format (checked by LockingIdentityProvider); never plaintext.
create sequence account_seq increment by 50;
create table account (
    id              bigint primary key default nextval('account_seq'),
    username        varchar(64)  not null unique,
    password_hash   varchar(100) not null,
    role            varchar(16)  not null check (role in ('counsellor', 'coordinator')),
    active          boolean      not null default true,
    failed_logins   integer      not null default 0,
    locked_until    timestamptz,
    created_at      timestamptz  not null,
    password_set_at timestamptz  not null
);

-- Who did what, when, to which case. Codes only: never message content, names or platform ids.
create table audit_event (
    id          bigserial primary key,
    at          timestamptz  not null default now(),
    actor       varchar(64)  not null,
    action      varchar(32)  not null,
    intake_id   bigint,
    detail      varchar(200)
);
create index audit_event_at_idx on audit_event (at desc);
create index audit_event_intake_idx on audit_event (intake_id, id);
create index audit_event_actor_idx on audit_event (actor, id);

-- Append-only: the database itself refuses to change or remove an audit row.
create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only (% refused)', tg_op;
end;
$$;
create trigger audit_event_no_update_or_delete before update or delete on audit_event
    for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_append_only();
