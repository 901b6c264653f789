-- Surat pemanggilan get their own number series, one per year ("007/PGL/SATGAS/2026"), instead of the surat tugas's
-- number followed by the party's internal id. A summons is numbered the first time it is printed for an examination
-- and keeps that number when printed again.
create table case_summons_counter (
    year     integer primary key,
    last_seq integer not null
);

create table case_summons (
    interview_id bigint primary key references case_interview (id) on delete cascade,
    year         integer not null,
    seq          integer not null,
    numbered_at  timestamptz not null,
    unique (year, seq)
);
