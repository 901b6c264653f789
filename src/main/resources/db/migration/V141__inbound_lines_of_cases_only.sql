-- Issue 16, eighth round: an index entry only for the lines it is read for.
--
-- chat_message_intake_inbound_idx (V20) serves one read: a case's unread inbound lines ("intake_id = <case> and
-- direction = 'IN'", the case list's unread count). It indexed every inbound line, although while a conversation runs
-- most of them belong to no case yet (intake_id null) and were never looked up there: every inbound line of every step
-- paid an index insert for nothing. An equality on intake_id implies it is not null, so the planner still uses the
-- partial index for that read (checked with EXPLAIN on a seeded database: the same plan; 0.3 MB instead of 4.9 MB for
-- 228,000 inbound lines of which 10,000 are filed). Lines filed later (attachUnfiled sets intake_id) get their entry
-- then, as any update of an indexed column does.
drop index chat_message_intake_inbound_idx;
create index chat_message_intake_inbound_idx on chat_message (intake_id, created_at)
    where direction = 'IN' and intake_id is not null;
