-- Leadership may correct a recorded decision (a wrong decree number or date, a sanction entered by mistake) while the
-- case is decided and not closed: never a silent overwrite. Each correction keeps here the decision as it stood before,
-- with why it was corrected, by whom and when; the case's decision row then holds the corrected one. Free text (the
-- decision's text, the heavier-sanction reason, the correction's reason) is encrypted and emptied on the reporter's
-- erasure like the decision's own (CaseworkRepository.ERASED_COLUMNS); numbers, dates and codes stay, as they do there.
create table case_decision_correction (
    id                   bigserial    primary key,
    intake_id            bigint       not null references intake (id),
    decision_number      varchar(200) not null,
    decided_on           date         not null,
    sanction_tier        varchar(8),
    sanction_measure     varchar(32),
    good_name_restored   boolean      not null,
    recovery_until       date,
    text                 bytea,
    heavier_reason       bytea,
    recorded_by_account_id bigint     references account (id),
    recorded_by          varchar(64),
    recorded_at          timestamptz  not null,
    reason               bytea,
    corrected_by_account_id bigint    references account (id),
    corrected_at         timestamptz  not null
);
create index case_decision_correction_case on case_decision_correction (intake_id, corrected_at);
