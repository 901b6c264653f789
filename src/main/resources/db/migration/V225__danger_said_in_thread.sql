-- When the survivor last wrote danger now ("dia di depan pintu", "aku diancam") in a case's thread after the report.
-- The case is then in danger (in_danger), as a report whose danger question was answered yes; the case page shows
-- the time. Null when never said in the thread.
alter table intake add column danger_said_at timestamptz;
