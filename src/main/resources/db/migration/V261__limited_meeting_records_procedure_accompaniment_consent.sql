-- The rapat terbatas (SOP Pemeriksaan/Verifikasi 5) decides the next steps with the victim: the alternatives, the
-- procedure, the consequences and the accompaniment needed. Until now one text held all of it and the record said only
-- the path chosen. It now keeps each part, who attended by role, and who consented to the path chosen.
-- The procedure and the consequences explained (free text about the case: encrypted, emptied by an erasure).
alter table case_meeting add column procedure_consequences bytea;
-- The accompaniment agreed: codes, comma-separated, in the SOP's order (medical, psychological, legal, spiritual: social and spiritual guidance);
-- empty when none was agreed.
alter table case_meeting add column accompaniment_agreed varchar(200) not null default '';
-- Who of the case attended besides the task force: codes (victim, reporter, guardian, companion); empty when none.
alter table case_meeting add column present_parties varchar(200) not null default '';
-- The attending accounts' roles when the meeting was recorded, one code each in the order of attendee_account_ids (null
-- for a meeting recorded before this: shown with the accounts' roles now).
alter table case_meeting add column attendee_roles varchar(200);
-- Who consented to the path chosen: the victim, or a parent or guardian where the victim cannot consent (SOP
-- Investigasi dan Pendampingan); null when nobody has yet (a meeting recorded before this, or the victim undecided).
alter table case_meeting add column consent_by varchar(16) check (consent_by in ('victim', 'guardian'));
