-- Cases assigned to an account that was deactivated before V250 stayed with that account: it could no longer log in,
-- and nobody answered the survivor. Since V250 a deactivation returns the account's open cases to the unassigned queue
-- (AccountRepository#returnOpenCases); this does the same, once, for the accounts that were already inactive: every
-- case not closed goes back to the queue, remembers the account it came back from (so the returned view lists it), and
-- gets its own audit row with the detail a deactivation writes ('assignee:none inactive account:<id>'). The actor is
-- the migration itself ('V256 migration', a name no account can take: usernames have no spaces), shown by its label
-- in the audit log; nobody pressed anything. Closed cases keep their assignee and history, as a deactivation leaves
-- them. Once: Flyway runs it under its lock, whichever replica starts first, and since V250 no case can be assigned to
-- an inactive account (CaseService refuses it), so nothing of this kind can appear again.
with returned as (
    update intake i set returned_from = i.assignee_id, assignee_id = null
    from account a
    where a.id = i.assignee_id and not a.active and i.status <> 'closed'
    returning i.id, i.returned_from
)
insert into audit_event (at, actor, action, intake_id, detail, actor_account_id)
select now(), 'V256 migration', 'assign', id, 'assignee:none inactive account:' || returned_from, null
from returned order by id;
