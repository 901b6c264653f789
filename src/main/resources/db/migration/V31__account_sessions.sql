-- Inbox sessions, checked on every request (SessionIdentityProvider): a session cookie names one row here, so
-- logout, a password change or reset, a deactivation and "log out everywhere" end sessions at once, whatever
-- cookies are still around. The id is stored only as its SHA-256 hash. last_action_at counts what a person did
-- (not the page's background refresh) and drives the idle timeout.
create table account_session (
    id_hash         bytea        primary key,
    account_id      bigint       not null references account (id),
    created_at      timestamptz  not null,
    last_action_at  timestamptz  not null,
    ended_at        timestamptz,
    end_reason      varchar(32)
);
create index account_session_open_idx on account_session (account_id) where ended_at is null;
