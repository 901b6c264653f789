-- A summons names the day, time and place of an examination. When the examination is rescheduled, the summons already
-- numbered (and perhaps sent) no longer says what is true: the next print is a new letter with a new number, and the
-- old one stays on record as replaced (replaced_at), never deleted, so an auditor can follow which letter was in force.
-- Each row keeps the day and time it summoned to (held_at). One summons in force per examination.
alter table case_summons drop constraint case_summons_pkey;
alter table case_summons add column id bigserial primary key;
alter table case_summons add column held_at timestamptz;
alter table case_summons add column replaced_at timestamptz;
update case_summons s set held_at = i.held_at from case_interview i where i.id = s.interview_id;
alter table case_summons alter column held_at set not null;
create unique index case_summons_in_force on case_summons (interview_id) where replaced_at is null;
create index case_summons_interview on case_summons (interview_id);
