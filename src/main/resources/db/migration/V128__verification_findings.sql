-- What the counsellor's verification of each part of the verified report found (SOP Pemeriksaan/Verifikasi,
-- components 1-6): a short note per part and, for part 3, the documents/evidence examined. Both encrypted (free text
-- that may name people); emptied with the case's other free text on the reporter's erasure, the row (who, when) kept.
create table case_verification_finding (
    intake_id    bigint      not null references intake (id),
    component    varchar(32) not null,
    note         bytea,
    examined     bytea,
    recorded_by  varchar(64) not null,
    recorded_at  timestamptz not null,
    primary key (intake_id, component)
);
