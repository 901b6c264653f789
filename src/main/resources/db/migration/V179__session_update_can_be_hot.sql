-- A step's update of its session can be a HOT update (issue 16, twelfth round).
--
-- Every step updates its conversation_session row, and last_input_at changes at every step. It was a key column of
-- both idle-sweep indexes, so no such update could be HOT: each wrote a new row version with an entry in every index
-- of the table (primary key, contact_id, reference_code and the two idle indexes). The idle sweep now finds idle
-- sessions by a ten-minute bucket of last_input_at instead, a stored generated column that stays the same for the
-- steps of a conversation within those ten minutes; the sweep still compares last_input_at itself, so no session is
-- reminded or paused a moment early or late.
--
-- The bucket is in UTC (timezone(text, timestamptz) and date_bin on a timestamp are immutable, as a generated column
-- needs). Adding the column rewrites the table once, leaving room on each page (fillfactor, set first) for the new
-- version of a row, which a HOT update must place on the row's own page: 30% of a page is 2.4 kB, room for one new
-- version of the largest row kept inline (TOAST moves a state above about 2 kB out of the row).
alter table conversation_session set (fillfactor = 70);
alter table conversation_session add column idle_bucket timestamp
    generated always as (date_bin('10 minutes', last_input_at at time zone 'UTC', timestamp '2000-01-01')) stored;

drop index conversation_session_idle_idx;
drop index conversation_session_holding_idx;
create index conversation_session_idle_idx on conversation_session (status, idle_bucket);
create index conversation_session_holding_idx on conversation_session (idle_bucket) where holding_files;
