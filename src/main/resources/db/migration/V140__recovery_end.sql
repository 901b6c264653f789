-- SOP Investigasi dan Pendampingan 2.1 and 3: the victim's recovery runs for the period leadership's decision sets, and
-- only with the victim's (or a parent's or guardian's) consent. When it ends otherwise (finished, consent withdrawn, or
-- consent never given), the task force records when and why; a case whose recovery is still running is not closed as
-- resolved before that. The note is free text: encrypted, and emptied with the case's other casework text on erasure.
create table case_recovery_end (
    intake_id            bigint primary key references intake (id),
    ended_on             date         not null,
    reason               varchar(32)  not null check (reason in ('completed', 'consent_withdrawn', 'consent_not_given', 'other')),
    note                 bytea,
    recorded_by          varchar(64)  not null,
    recorded_at          timestamptz  not null
);
