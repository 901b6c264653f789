-- Issue 12/13: transcript lines and evidence belong to a case, not only to a person. A person with two reports has
-- two transcripts; a counsellor sees only the lines and files of the case they may open.
alter table chat_message add column intake_id bigint references intake (id);
alter table chat_message add column author_account_id bigint references account (id);
alter table media add column intake_id bigint references intake (id);
create index chat_message_intake_idx on chat_message (intake_id, id) where intake_id is not null;
-- The case list's unread count: the survivor's lines of one case since it was last read.
create index chat_message_intake_inbound_idx on chat_message (intake_id, created_at) where direction = 'IN';
create index media_intake_idx on media (intake_id) where intake_id is not null;

-- When the team was last told (without content) that a survivor wrote to this case; at most once per quiet period.
alter table intake add column thread_notified_at timestamptz;

-- Backfill. Counsellor replies are known exactly: each one has an audit row "message:<id>" naming case and author.
update chat_message m set intake_id = a.intake_id, author_account_id = acc.id
from audit_event a left join account acc on acc.username = a.actor
where a.action = 'reply' and a.detail = 'message:' || m.id and a.intake_id is not null;

-- Everything else of a contact by time: a line belongs to the first report submitted at or after it (the intake
-- conversation that led to it), and lines after the last report belong to that last report (its thread). With
-- one report per person, as almost always so far, this is exact.
update chat_message m set intake_id = coalesce(
    (select i.id from intake i where i.contact_id = m.contact_id and i.received_at >= m.created_at
     order by i.received_at limit 1),
    (select i.id from intake i where i.contact_id = m.contact_id order by i.received_at desc limit 1))
where m.intake_id is null;

update media md set intake_id = coalesce(
    (select i.id from intake i where i.contact_id = md.contact_id and i.received_at >= md.created_at
     order by i.received_at limit 1),
    (select i.id from intake i where i.contact_id = md.contact_id order by i.received_at desc limit 1))
where md.claimed and md.intake_id is null;
