-- What counsellors add to a case: assignment, deadlines, the team's read marker (messages after
-- last_read_at, or after received_at if nobody opened the case yet, count as unread).
alter table intake
    add column assignee_id               bigint references account (id),
    add column first_response_at         timestamptz,
    add column verification_started_at   timestamptz,
    add column examination_due_on        date,
    add column status_changed_at         timestamptz,
    add column last_read_at              timestamptz;

-- The case list: open cases, most urgent first (danger, then awaiting a first reply by deadline,
-- overdue ones having the earliest deadlines). The ORDER BY of CaseListQuery matches this index.
create index intake_open_urgency_idx on intake
    (in_danger desc, (first_response_at is null) desc, first_response_due_at, id)
    where status <> 'closed';
create index intake_assignee_idx on intake (assignee_id, first_response_due_at) where status <> 'closed';
create index intake_status_idx on intake (status, first_response_due_at);
create index chat_message_inbound_idx on chat_message (contact_id, created_at) where direction = 'IN';

-- The SOP's six verification components, each ticked by someone at some time.
create table case_check (
    intake_id   bigint       not null references intake (id),
    component   varchar(32)  not null,
    checked_by  varchar(64)  not null,
    checked_at  timestamptz  not null,
    primary key (intake_id, component)
);

-- Private notes: never sent to the person; encrypted like everything written about them.
create sequence case_note_seq increment by 50;
create table case_note (
    id          bigint primary key default nextval('case_note_seq'),
    intake_id   bigint       not null references intake (id),
    author      varchar(64)  not null,
    body        bytea        not null,
    created_at  timestamptz  not null
);
create index case_note_intake_idx on case_note (intake_id, id);

-- Live-update feed of the inbox. Ids are the SSE event ids a reconnecting page replays from.
-- Rows say only which case changed and how, never any content.
create table inbox_event (
    id           bigserial primary key,
    type         varchar(16)  not null,
    intake_id    bigint       not null,
    assignee_id  bigint,
    created_at   timestamptz  not null default now()
);
