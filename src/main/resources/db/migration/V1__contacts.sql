-- A person who writes to the bot, on one channel. Their platform id (Telegram chat id,
-- WhatsApp phone number) is stored only encrypted, plus a keyed hash for lookup.
create sequence contact_seq increment by 50;

create table contact (
    id                bigint primary key default nextval('contact_seq'),
    channel           varchar(16)  not null,
    external_id_hash  bytea        not null,
    external_id       bytea        not null,
    display_name      bytea,
    language          varchar(8),
    unreachable_at    timestamptz,
    created_at        timestamptz  not null default now(),
    constraint contact_channel_external_uq unique (channel, external_id_hash)
);

comment on column contact.external_id is 'AES-256-GCM ciphertext of the platform id';
comment on column contact.external_id_hash is 'HMAC-SHA256 blind index of the platform id';
comment on column contact.display_name is 'AES-256-GCM ciphertext of the platform display name, if any';
