-- Issue 15: the SOP's stages after verification (seed 001: SOP Pemeriksaan/Verifikasi, Penyusunan Kesimpulan dan
-- Rekomendasi, Pengenaan Sanksi Administratif, Investigasi dan Pendampingan). Everything a person wrote about a
-- person is encrypted (bytea, AES-GCM by EncryptedStringConverter); codes and dates stay plain for the workflow,
-- the deadline job and the counts-only leadership report.

-- The new role: leadership (pimpinan) sees concluded cases' conclusion, recommendation and decision only.
alter table account drop constraint account_role_check;
alter table account add constraint account_role_check check (role in ('counsellor', 'coordinator', 'pimpinan'));

-- When each stage was reached (for the deadline and the report); written with the status change.
create table case_stage (
    intake_id            bigint primary key references intake (id),
    verified_at          timestamptz,
    examination_started_at timestamptz,
    concluded_at         timestamptz,
    decided_at           timestamptz,
    closed_at            timestamptz
);

-- Assessment awal (verification component 6): condition, emergency services, risks, mitigation.
create table case_assessment (
    intake_id            bigint primary key references intake (id),
    condition            varchar(32)  not null,
    emergency_services   varchar(200) not null default '',
    risk_level           varchar(16)  not null,
    condition_notes      bytea,
    risks                bytea        not null,
    mitigation           bytea        not null,
    recorded_by          varchar(64)  not null,
    recorded_at          timestamptz  not null
);

-- Rapat terbatas: the closed meeting on the verified report, and the path the victim chose.
create sequence case_meeting_seq increment by 50;
create table case_meeting (
    id                   bigint primary key default nextval('case_meeting_seq'),
    intake_id            bigint       not null references intake (id),
    held_on              date         not null,
    attendees            varchar(1000) not null,
    options_explained    bytea        not null,
    victim_choice        varchar(32)  not null,
    choice_notes         bytea,
    recorded_by          varchar(64)  not null,
    recorded_at          timestamptz  not null
);
create index case_meeting_intake_idx on case_meeting (intake_id, id);

-- Surat tugas: leadership's assignment of the team to establish the facts.
create table case_assignment_letter (
    intake_id            bigint primary key references intake (id),
    letter_number        varchar(100) not null,
    issued_on            date         not null,
    signatory_name       bytea        not null,
    signatory_title      varchar(200) not null,
    team                 varchar(1000) not null,
    recorded_by          varchar(64)  not null,
    recorded_at          timestamptz  not null
);

-- Parties: victim, reporter, witnesses, terlapor. A party who is a task-force member may be linked to their
-- account, which then cannot open the case (conflict of interest).
create sequence case_party_seq increment by 50;
create table case_party (
    id                   bigint primary key default nextval('case_party_seq'),
    intake_id            bigint       not null references intake (id),
    role                 varchar(16)  not null check (role in ('victim', 'reporter', 'witness', 'terlapor')),
    name                 bytea        not null,
    campus_status        varchar(16)  not null,
    account_id           bigint references account (id),
    created_by           varchar(64)  not null,
    created_at           timestamptz  not null
);
create index case_party_intake_idx on case_party (intake_id, id);

-- Interviews (pemeriksaan) per party; minutes become the berita acara pemeriksaan. A recording or photo is kept
-- only when the interviewee's consent to it was recorded first.
create sequence case_interview_seq increment by 50;
create table case_interview (
    id                   bigint primary key default nextval('case_interview_seq'),
    intake_id            bigint       not null references intake (id),
    party_id             bigint       not null references case_party (id),
    held_at              timestamptz  not null,
    channel              varchar(16)  not null,
    place                bytea        not null,
    attendees            bytea        not null,
    summary              bytea,
    recording_consent    boolean      not null default false,
    consent_recorded_by  varchar(64),
    consent_recorded_at  timestamptz,
    attachment           bytea,
    attachment_type      varchar(100),
    created_by           varchar(64)  not null,
    created_at           timestamptz  not null
);
create index case_interview_intake_idx on case_interview (intake_id, held_at);

-- Kesimpulan: terbukti or tidak terbukti, with each part the SOP requires.
create table case_conclusion (
    intake_id            bigint primary key references intake (id),
    outcome              varchar(16)  not null check (outcome in ('proven', 'not_proven')),
    party_identity       bytea        not null,
    violence_form        bytea        not null,
    accompaniment        bytea,
    protection           bytea,
    examination_summary  bytea,
    not_proven_statement bytea,
    recorded_by          varchar(64)  not null,
    recorded_at          timestamptz  not null
);

-- Rekomendasi to leadership.
create table case_recommendation (
    intake_id            bigint primary key references intake (id),
    sanction_tier        varchar(8) check (sanction_tier in ('ringan', 'sedang', 'berat')),
    sanction_measure     varchar(32),
    recovery             bytea,
    sanction_details     bytea,
    prevention           bytea,
    good_name            bytea,
    aggravating          varchar(200) not null default '',
    recorded_by          varchar(64)  not null,
    recorded_at          timestamptz  not null
);

-- Keputusan Pemimpin Perguruan Tinggi: may be heavier than recommended.
create table case_decision (
    intake_id            bigint primary key references intake (id),
    decision_number      varchar(100) not null,
    decided_on           date         not null,
    sanction_tier        varchar(8) check (sanction_tier in ('ringan', 'sedang', 'berat')),
    sanction_measure     varchar(32),
    good_name_restored   boolean      not null default false,
    recovery_until       date,
    text                 bytea        not null,
    recorded_by          varchar(64)  not null,
    recorded_at          timestamptz  not null
);

-- Sanction execution: for ringan and sedang, the educational programme/counselling and its completion report.
create table case_sanction_execution (
    intake_id            bigint primary key references intake (id),
    programme            bytea,
    institution          bytea,
    state                varchar(16)  not null check (state in ('planned', 'in_progress', 'completed')),
    completion_report_on date,
    notes                bytea,
    updated_by           varchar(64)  not null,
    updated_at           timestamptz  not null
);

-- Recovery (pemulihan), only with the victim's (or guardian's) consent; providers from the directory.
create table case_recovery_plan (
    intake_id            bigint primary key references intake (id),
    consent_by           varchar(16)  not null check (consent_by in ('victim', 'guardian')),
    consent_on           date         not null,
    victim_status        varchar(16)  not null,
    plan                 bytea        not null,
    provider_ids         varchar(500) not null default '',
    recorded_by          varchar(64)  not null,
    recorded_at          timestamptz  not null
);
create sequence case_recovery_checkin_seq increment by 50;
create table case_recovery_checkin (
    id                   bigint primary key default nextval('case_recovery_checkin_seq'),
    intake_id            bigint       not null references intake (id),
    checked_on           date         not null,
    with_whom            varchar(16)  not null check (with_whom in ('victim', 'provider')),
    provider_id          bigint,
    note                 bytea        not null,
    recorded_by          varchar(64)  not null,
    recorded_at          timestamptz  not null
);
create index case_recovery_checkin_intake_idx on case_recovery_checkin (intake_id, checked_on);

-- Conflict of interest: this account may not open this case.
create table case_conflict (
    intake_id            bigint       not null references intake (id),
    account_id           bigint       not null references account (id),
    source               varchar(16)  not null check (source in ('party', 'coordinator')),
    marked_by            varchar(64)  not null,
    marked_at            timestamptz  not null,
    primary key (intake_id, account_id)
);
create index case_conflict_account_idx on case_conflict (account_id);

-- The examination-deadline notices sent (5 and 1 working days before), once per deadline.
create table case_deadline_notice (
    intake_id            bigint       not null references intake (id),
    due_on               date         not null,
    days_before          integer      not null,
    sent_at              timestamptz  not null,
    primary key (intake_id, due_on, days_before)
);
