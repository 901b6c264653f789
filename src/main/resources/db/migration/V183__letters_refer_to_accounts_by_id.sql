-- The assignment letter's team and the limited meeting's attendees refer to accounts by id, not by username: a
-- username is a code, and a record naming people must follow the account whatever it is called later. Shown by the
-- person's name (People). Every stored username names an account (accounts are deactivated, never deleted); one
-- that does not is left out, and the list keeps its order.
alter table case_assignment_letter rename column team to team_account_ids;
update case_assignment_letter l set team_account_ids = coalesce((select string_agg(a.id::text, ',' order by t.ord)
    from unnest(string_to_array(l.team_account_ids, ',')) with ordinality as t(username, ord)
    join account a on a.username = t.username), '');

alter table case_meeting rename column attendees to attendee_account_ids;
update case_meeting m set attendee_account_ids = coalesce((select string_agg(a.id::text, ',' order by t.ord)
    from unnest(string_to_array(m.attendee_account_ids, ',')) with ordinality as t(username, ord)
    join account a on a.username = t.username), '');
