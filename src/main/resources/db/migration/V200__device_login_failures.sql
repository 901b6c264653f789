-- Failed logins of a browser that holds a valid device cookie for the account (OWASP's "device cookie" scheme,
-- security/DeviceCookies, LockingIdentityProvider). Such a browser is counted and locked on its own, so a stranger's
-- wrong passwords, which lock the account for untrusted clients (account.failed_logins, locked_until), never lock out
-- the counsellor's own browser. A row exists only while a cookie has failures in a row: a successful login with the
-- cookie deletes it, and rows of expired cookies are deleted as the account's next failures are counted. The cookie's
-- nonce is stored only as its SHA-256 hash; the cookie itself names nothing but the account id.
create table device_login_failure (
    nonce_hash      bytea        primary key,
    account_id      bigint       not null references account (id) on delete cascade,
    failed_logins   integer      not null,
    locked_until    timestamptz,
    expires_at      timestamptz  not null
);
create index device_login_failure_account_idx on device_login_failure (account_id);
