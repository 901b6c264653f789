-- WhatsApp business-scoped user ids (BSUID, "US.1349..."): a person who hides their number behind a username is
-- known by this id only. Kept like the phone number: ciphertext plus a blind index in the same index domain, so a
-- person is found by either.
alter table contact add column user_id bytea;
alter table contact add column user_id_hash bytea;
create index contact_user_id_hash_idx on contact (channel, user_id_hash) where user_id_hash is not null;

comment on column contact.user_id is 'AES-256-GCM ciphertext of the WhatsApp business-scoped user id (BSUID), if known';
comment on column contact.user_id_hash is 'HMAC-SHA256 blind index of the BSUID (same domain as external_id_hash)';

-- An upload the conversation asked for, but that was prepared without fetching the file (the quick look before the
-- contact's lock said no). The next attempt fetches it; the update is never answered "received" without the file.
alter table inbound_update add column fetch_file boolean not null default false;
