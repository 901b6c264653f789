-- When the team was warned that a case's 72-hour first-response deadline is near (once per case).
alter table intake add column deadline_warned_at timestamptz;
