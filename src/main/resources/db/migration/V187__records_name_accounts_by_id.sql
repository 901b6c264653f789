-- Who ticked a verification item, recorded a finding or the initial assessment, recorded a recording consent, and who
-- made, overrode (guardian's consent) or revoked a referral: kept by account id, not by username, as the surat tugas's
-- team is since V183. These names are printed (the verified report, the initial handling form, the minutes, the referral
-- letter): they must follow the account whatever its username becomes. Shown by the person's name (security.People).
-- A stored username that names no account (a system actor such as "survivor-chat", or an account that never existed
-- here) stays in the old column as the readable fallback; a username that names an account is cleared there, so each
-- row keeps exactly one of the two.
alter table case_check add column checked_by_account_id bigint references account (id);
alter table case_check alter column checked_by drop not null;
update case_check t set checked_by_account_id = a.id, checked_by = null from account a where a.username = t.checked_by;

alter table case_verification_finding add column recorded_by_account_id bigint references account (id);
alter table case_verification_finding alter column recorded_by drop not null;
update case_verification_finding t set recorded_by_account_id = a.id, recorded_by = null from account a
    where a.username = t.recorded_by;

alter table case_assessment add column recorded_by_account_id bigint references account (id);
alter table case_assessment alter column recorded_by drop not null;
update case_assessment t set recorded_by_account_id = a.id, recorded_by = null from account a where a.username = t.recorded_by;

alter table case_interview add column consent_recorded_by_account_id bigint references account (id);
update case_interview t set consent_recorded_by_account_id = a.id, consent_recorded_by = null from account a
    where a.username = t.consent_recorded_by;

alter table referral add column created_by_account_id bigint references account (id);
alter table referral alter column created_by drop not null;
update referral t set created_by_account_id = a.id, created_by = null from account a where a.username = t.created_by;
alter table referral add column override_by_account_id bigint references account (id);
update referral t set override_by_account_id = a.id, override_by = null from account a where a.username = t.override_by;
alter table referral add column revoked_by_account_id bigint references account (id);
update referral t set revoked_by_account_id = a.id, revoked_by = null from account a where a.username = t.revoked_by;
