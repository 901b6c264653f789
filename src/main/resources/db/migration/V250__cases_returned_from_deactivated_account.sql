-- Deactivating an account left its open cases assigned to someone who could no longer log in: nobody was told, and the
-- survivor's first answer (3x24 hours) could be missed. Now deactivating returns them to the unassigned queue, and the
-- case keeps which account it came back from until someone is assigned, so the accounts page can say how many wait and
-- the case list can show exactly those ("view=returned"). Closed cases are never touched.
alter table intake add column returned_from bigint references account(id);
create index intake_returned_from_idx on intake (returned_from) where returned_from is not null;
