-- A surat tugas's number and leadership's decision number take 200 characters in their forms (CaseworkService.MAX_SHORT,
-- the inputs' maxlength), as the certificate number does (V139); their columns held 100, so a number of 101 to 200
-- characters was accepted by the form and then failed to save (an error page that lost what was typed). Widening a
-- varchar in PostgreSQL changes only the catalogue: no table rewrite.
alter table case_assignment_letter alter column letter_number type varchar(200);
alter table case_decision alter column decision_number type varchar(200);
