-- The case list filtered by one status (closed cases above all, which intake_open_urgency_idx leaves out) is read
-- in the same urgency order as the open list, so a page is the first rows of an index range rather than a sort of
-- every case in that status (at 100,000 cases, a full scan of the table on every render).
create index intake_status_urgency_idx on intake
    (status, in_danger desc, (first_response_at is null) desc, first_response_due_at, id);

-- The reference search is a prefix match (reference_code like 'RA-7K%'); text_pattern_ops lets it use an index
-- whatever the database collation, where the unique index on reference_code only serves equality.
create index intake_reference_prefix_idx on intake (reference_code text_pattern_ops);
