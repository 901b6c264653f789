-- A printed letter is a record: a reprint says what was true when it was issued, not what the rows say now.
-- The surat tugas keeps its team as issued: each member's name and role when the letter was recorded (encrypted, one
-- member a line), so a member made pimpinan later still prints as the member they were. The berita acara keeps the
-- examined party as the minutes were recorded: role, name (encrypted) and campus status, so a later correction of the
-- party does not rewrite signed minutes. Rows recorded before this keep printing from the current rows (null here).
alter table case_assignment_letter add column team_as_issued bytea;
alter table case_interview add column minutes_party_role varchar(16);
alter table case_interview add column minutes_party_name bytea;
alter table case_interview add column minutes_party_status varchar(16);
