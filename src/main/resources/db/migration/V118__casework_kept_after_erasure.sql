-- Erasure keeps the SOP casework's skeleton (walkthrough 8, finding 1): when a reporter erases their data (/hapus or a
-- coordinator's "Hapus data pelapor"), every casework row stays with its codes, dates, numbers and who recorded it,
-- and loses every free-text and identity column (CaseworkRepository.eraseContent). Those columns become nullable;
-- the forms still require them, and a row of an erased case (intake.deleted_by_reporter_at) shows them as
-- "dihapus oleh pelapor".
alter table case_assessment alter column risks drop not null;
alter table case_assessment alter column mitigation drop not null;
alter table case_meeting alter column options_explained drop not null;
alter table case_assignment_letter alter column signatory_name drop not null;
alter table case_assignment_letter alter column signatory_title drop not null;
alter table case_party alter column name drop not null;
alter table case_interview alter column place drop not null;
alter table case_interview alter column attendees drop not null;
alter table case_conclusion alter column party_identity drop not null;
alter table case_conclusion alter column violence_form drop not null;
alter table case_decision alter column text drop not null;
alter table case_recovery_plan alter column plan drop not null;
alter table case_recovery_checkin alter column note drop not null;
