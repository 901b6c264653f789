-- SOP Pengenaan Sanksi 8-9: a decision heavier than the task force's recommendation records the leadership's reason
-- (encrypted free text; emptied with the case's other casework text on the reporter's erasure).
alter table case_decision add column heavier_reason bytea;
-- SOP Pengenaan Sanksi 4-6: after a light or medium sanction's educational programme, the institution issues a statement
-- (surat keterangan) that the sanction was carried out: its number and date (kept after erasure, like other letters'
-- numbers) and who issued it (encrypted, emptied on erasure). Required before such a case is closed as resolved.
alter table case_sanction_execution add column certificate_number varchar(200);
alter table case_sanction_execution add column certificate_on date;
alter table case_sanction_execution add column certificate_issuer bytea;
