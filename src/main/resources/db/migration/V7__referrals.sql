-- Referral directory: crisis centres, legal aid institutes, psychologists, hospitals. Public directory
-- data, so plain text; loaded from conversations/_providers.yaml (source 'file') or managed in the inbox.
create sequence referral_provider_seq increment by 50;
create table referral_provider (
    id               bigint primary key default nextval('referral_provider_seq'),
    provider_key     varchar(64)  not null unique,
    name             varchar(200) not null,
    services         varchar(300) not null,
    region           varchar(100) not null,
    city             varchar(100) not null,
    address          varchar(300),
    contact_channels varchar(500),
    opening_hours    varchar(200),
    languages        varchar(100),
    accessibility    varchar(500),
    cost             varchar(8)   not null check (cost in ('free', 'paid')),
    accepts_minors   boolean      not null default false,
    active           boolean      not null default true,
    source           varchar(8)   not null check (source in ('file', 'inbox')),
    updated_at       timestamptz  not null
);
create index referral_provider_region_idx on referral_provider (lower(region), lower(city)) where active;

-- A referral of one case to one provider for one service. Shared parts are separate choices (nothing by
-- default). The consent record says who consented (the survivor in the chat, or a guardian recorded by
-- a coordinator), to which parts, to whom (provider_id), when, and through which inbound message.
create sequence referral_seq increment by 50;
create table referral (
    id                         bigint primary key default nextval('referral_seq'),
    intake_id                  bigint       not null references intake (id),
    contact_id                 bigint       not null references contact (id),
    provider_id                bigint       not null references referral_provider (id),
    service                    varchar(32)  not null,
    share_identity             boolean      not null default false,
    share_contact              boolean      not null default false,
    share_chronology           boolean      not null default false,
    share_evidence             boolean      not null default false,
    share_needs                boolean      not null default false,
    status                     varchar(24)  not null check (status in ('draft', 'awaiting_consent', 'consented', 'declined',
                                   'sent', 'accepted', 'declined_by_provider', 'completed', 'revoked')),
    created_by                 varchar(64)  not null,
    created_at                 timestamptz  not null,
    status_changed_at          timestamptz  not null,
    consent_asked_at           timestamptz,
    consent_answered_at        timestamptz,
    consent_by                 varchar(16)  check (consent_by in ('survivor', 'guardian')),
    consented_parts            varchar(100),
    consent_message_id         bigint,
    consent_provider_message   bytea,
    override_by                varchar(64),
    override_reason            bytea,
    sent_at                    timestamptz,
    accepted_at                timestamptz,
    completed_at               timestamptz,
    revoked_at                 timestamptz,
    revoked_by                 varchar(64)
);
create index referral_intake_idx on referral (intake_id, id);
create index referral_contact_idx on referral (contact_id, status);
create index referral_open_idx on referral (provider_id, created_at)
    where status not in ('declined', 'declined_by_provider', 'completed', 'revoked');
