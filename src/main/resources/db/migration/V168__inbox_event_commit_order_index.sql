-- Live pages read the inbox events in commit-safe order, by transaction and then id (InboxEventFeed.Cursor): reading
-- on by id alone lost an event whose transaction took its id early and committed after a later event's transaction.
create index inbox_event_tx_id on inbox_event (tx, id);
