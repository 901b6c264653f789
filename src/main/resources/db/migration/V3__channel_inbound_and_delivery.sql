-- Raw platform updates, stored before they are acknowledged. The webhook does exactly one insert;
-- everything else happens after the commit. Unique per platform id, so retries are absorbed.
create sequence inbound_update_seq increment by 50;
create table inbound_update (
    id               bigint primary key default nextval('inbound_update_seq'),
    channel          varchar(16)  not null,
    provider_id      varchar(160) not null,
    sequence_no      bigint       not null,
    contact_hash     bytea,
    kind             varchar(32)  not null,
    payload          bytea        not null,
    status           varchar(16)  not null,
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz,
    received_at      timestamptz  not null,
    processed_at     timestamptz,
    failure_reason   varchar(200),
    constraint inbound_update_provider_uq unique (channel, provider_id)
);
create index inbound_update_pending_idx on inbound_update (contact_hash, sequence_no, id) where status = 'PENDING';
comment on column inbound_update.payload is 'AES-256-GCM ciphertext of the raw update JSON';
comment on column inbound_update.contact_hash is 'blind index of the sender; orders processing per contact';

-- Delivery bookkeeping for the outbox.
alter table chat_message add column lease_until timestamptz;
alter table chat_message add column possible_duplicate boolean not null default false;
alter table chat_message add column edit_of bigint references chat_message (id);
create index chat_message_sent_idx on chat_message (contact_id, sent_at) where direction = 'OUT' and sent_at is not null;
create index chat_message_provider_idx on chat_message (channel, provider_message_id) where provider_message_id is not null;

-- The person's last message (WhatsApp's 24-hour window) and whether the platform refuses delivery.
alter table contact add column last_inbound_at timestamptz;

-- An upload fetched for an inbound update is stored once, even if processing is retried.
alter table media add column source_ref varchar(160);
create unique index media_source_ref_uq on media (source_ref) where source_ref is not null;
