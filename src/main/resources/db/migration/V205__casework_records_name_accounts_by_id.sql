-- As V187 and V188, for the rest of the SOP records: who recorded a recovery plan, a recovery check-in and the end of
-- recovery (the SOP page names them), a limited meeting, a surat tugas and a leadership decision, who added a party or
-- an interview, who last updated the sanction's execution, and who marked a conflict of interest. Kept by account id,
-- not by username: a username is a code an operator may correct later. Shown by the person's name (security.People).
-- A stored username that names no account stays in the old column as the readable fallback; a username that names an
-- account is cleared there, so each row keeps exactly one of the two.
alter table case_recovery_plan add column recorded_by_account_id bigint references account (id);
alter table case_recovery_plan alter column recorded_by drop not null;
update case_recovery_plan t set recorded_by_account_id = a.id, recorded_by = null from account a where a.username = t.recorded_by;

alter table case_recovery_checkin add column recorded_by_account_id bigint references account (id);
alter table case_recovery_checkin alter column recorded_by drop not null;
update case_recovery_checkin t set recorded_by_account_id = a.id, recorded_by = null from account a where a.username = t.recorded_by;

alter table case_recovery_end add column recorded_by_account_id bigint references account (id);
alter table case_recovery_end alter column recorded_by drop not null;
update case_recovery_end t set recorded_by_account_id = a.id, recorded_by = null from account a where a.username = t.recorded_by;

alter table case_meeting add column recorded_by_account_id bigint references account (id);
alter table case_meeting alter column recorded_by drop not null;
update case_meeting t set recorded_by_account_id = a.id, recorded_by = null from account a where a.username = t.recorded_by;

alter table case_assignment_letter add column recorded_by_account_id bigint references account (id);
alter table case_assignment_letter alter column recorded_by drop not null;
update case_assignment_letter t set recorded_by_account_id = a.id, recorded_by = null from account a where a.username = t.recorded_by;

alter table case_decision add column recorded_by_account_id bigint references account (id);
alter table case_decision alter column recorded_by drop not null;
update case_decision t set recorded_by_account_id = a.id, recorded_by = null from account a where a.username = t.recorded_by;

alter table case_party add column created_by_account_id bigint references account (id);
alter table case_party alter column created_by drop not null;
update case_party t set created_by_account_id = a.id, created_by = null from account a where a.username = t.created_by;

alter table case_interview add column created_by_account_id bigint references account (id);
alter table case_interview alter column created_by drop not null;
update case_interview t set created_by_account_id = a.id, created_by = null from account a where a.username = t.created_by;

alter table case_sanction_execution add column updated_by_account_id bigint references account (id);
alter table case_sanction_execution alter column updated_by drop not null;
update case_sanction_execution t set updated_by_account_id = a.id, updated_by = null from account a where a.username = t.updated_by;

alter table case_conflict add column marked_by_account_id bigint references account (id);
alter table case_conflict alter column marked_by drop not null;
update case_conflict t set marked_by_account_id = a.id, marked_by = null from account a where a.username = t.marked_by;
