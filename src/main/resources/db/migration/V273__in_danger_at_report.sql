-- Whether the report itself made the case in danger (BAHAYA): the danger question answered yes, or danger words
-- written during the intake ("dia di depan pintu" at another question, a forwarded threat). Kept apart from
-- danger_said_at (danger written in the case's thread after the report), which sets in_danger too: before this column,
-- a case flagged by danger words during the report and then by danger in the thread kept no sign of the first, and
-- the case page and the verified report showed only the thread's time. Set at submission (IntakeService), never by
-- the thread; cleared on erasure as in_danger is (ReporterErasure). A column with a constant default is added
-- without rewriting the table.
alter table intake add column in_danger_at_report boolean not null default false;

-- Backfill what SQL can tell: a case in danger where danger was never written in the thread was flagged by its report.
-- A case in danger whose thread also said danger (danger_said_at) cannot be told apart here from one whose report
-- said none; it is left false, and the case page still says "answered while reporting" from its answers when the
-- danger question was answered yes.
update intake set in_danger_at_report = true
 where in_danger and danger_said_at is null and deleted_by_reporter_at is null;
