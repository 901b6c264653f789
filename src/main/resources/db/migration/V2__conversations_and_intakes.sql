-- Every distinct content of a flow file, so a session pinned to a revision can finish on it
-- even after the file changed and the service restarted. Flow texts are public, not sensitive.
create table flow_revision (
    flow_id          varchar(64)  not null,
    revision         varchar(80)  not null,
    file_name        varchar(200) not null,
    content          bytea        not null,
    first_loaded_at  timestamptz  not null default now(),
    primary key (flow_id, revision)
);

-- One conversation per contact. The engine state (answers included) is encrypted JSON; the
-- columns beside it hold only what scheduling and lookups need.
create sequence conversation_session_seq increment by 50;
create table conversation_session (
    id              bigint primary key default nextval('conversation_session_seq'),
    contact_id      bigint       not null unique references contact (id),
    flow_id         varchar(64)  not null,
    flow_revision   varchar(80)  not null,
    status          varchar(16)  not null,
    reference_code  varchar(16)  unique,
    state           bytea        not null,
    last_input_at   timestamptz  not null,
    reminded        boolean      not null default false,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null
);
create index conversation_session_idle_idx on conversation_session (status, last_input_at);

-- A submitted report. Category columns (role, services, flags) are plain so the inbox can sort and
-- filter without decrypting; everything the person wrote is in the encrypted answers.
create sequence intake_seq increment by 50;
create table intake (
    id                     bigint primary key default nextval('intake_seq'),
    reference_code         varchar(16)  not null unique,
    contact_id             bigint       not null references contact (id),
    channel                varchar(16)  not null,
    flow_id                varchar(64)  not null,
    flow_revision          varchar(80)  not null,
    language               varchar(8),
    reporter_role          varchar(32),
    victim_minor           varchar(16),
    in_danger              boolean      not null default false,
    services               varchar(300),
    status                 varchar(32)  not null,
    received_at            timestamptz  not null,
    first_response_due_at  timestamptz  not null,
    answers                bytea,
    deleted_by_reporter_at timestamptz,
    closed_reason          varchar(32)
);
create index intake_status_due_idx on intake (status, first_response_due_at);
create index intake_contact_idx on intake (contact_id);

-- The transcript, both directions. Outbound rows are also the outbox: a sender delivers pending
-- rows and records the outcome. The body is encrypted JSON and is erased on the person's request.
create sequence chat_message_seq increment by 50;
create table chat_message (
    id                   bigint primary key default nextval('chat_message_seq'),
    contact_id           bigint       not null references contact (id),
    channel              varchar(16)  not null,
    direction            varchar(3)   not null check (direction in ('IN', 'OUT')),
    kind                 varchar(16)  not null,
    body                 bytea,
    status               varchar(16)  not null,
    attempts             integer      not null default 0,
    next_attempt_at      timestamptz,
    provider_message_id  varchar(128),
    failure_reason       varchar(200),
    created_at           timestamptz  not null,
    sent_at              timestamptz
);
create index chat_message_contact_idx on chat_message (contact_id, id);
create index chat_message_outbox_idx on chat_message (next_attempt_at) where direction = 'OUT' and status = 'PENDING';

-- Evidence a person uploaded with consent. Content is encrypted; size and type are plain metadata.
create sequence media_seq increment by 50;
create table media (
    id          bigint primary key default nextval('media_seq'),
    contact_id  bigint       not null references contact (id),
    kind        varchar(16)  not null,
    mime_type   varchar(100),
    size_bytes  bigint       not null,
    content     bytea        not null,
    claimed     boolean      not null default false,
    created_at  timestamptz  not null
);
create index media_contact_idx on media (contact_id);
comment on column media.claimed is 'false while staged: an upload no answer took is deleted at the next step';
