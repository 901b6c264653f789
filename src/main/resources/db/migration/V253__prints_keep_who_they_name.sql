-- A print names the staff who did something as they were named when they did it, as the letters do since V245: renaming
-- an account later must not rewrite a signed record. Each record that a print names someone from keeps the name a
-- coordinator had written for the account then (encrypted; null when none was written, or for a record made before
-- this: the print then names the account as it is named now, never by its username).
-- The berita acara pemeriksaan: who recorded the consent to record.
alter table case_interview add column consent_recorded_name bytea;
-- The formulir penanganan awal: the meeting's attendees, one name a line in the order of attendee_account_ids.
alter table case_meeting add column attendee_names bytea;
-- The formulir penanganan awal and the verified report: who recorded the initial assessment.
alter table case_assessment add column recorded_name bytea;
-- The verified report: who recorded each part's finding, and who ticked each part of the checklist.
alter table case_verification_finding add column recorded_name bytea;
alter table case_check add column checked_name bytea;
