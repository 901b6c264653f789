-- Event ids are taken when a row is inserted, but transactions commit in their own order: a page that
-- has seen event 11 could miss event 10 if 10's transaction commits later. Each event now records its
-- transaction, and readers only take events whose transactions have all finished (see InboxEventFeed).
alter table inbox_event add column tx xid8 not null default pg_current_xact_id();
