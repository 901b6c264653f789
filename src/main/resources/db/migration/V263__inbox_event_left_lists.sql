-- A case that leaves someone's list must reach that list too. The feed lets a counsellor read events of cases that
-- are, when read, unassigned or theirs; a case reassigned from counsellor A to B was then B's only, and A's open list
-- kept showing it as A's until a reload (and A could start a reply to a case no longer theirs). Each event now says
-- whose list the case left: the account it was assigned to before the change (previous_assignee_id), or that it left
-- the unassigned queue every counsellor sees (left_queue). Only account ids and a flag: never any content.
alter table inbox_event add column previous_assignee_id bigint;
alter table inbox_event add column left_queue boolean not null default false;
