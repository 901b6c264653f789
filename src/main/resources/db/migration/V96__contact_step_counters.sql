-- Fewer statements per conversation step (issue 16): what a step used to count or look for, kept on the contact.

-- The flood limit (FloodGuard): messages in the current window and when it began, instead of counting the
-- transcript at every message; and when the last flood notice went out, instead of looking for it.
alter table contact add column flood_window_started_at timestamptz;
alter table contact add column flood_count integer not null default 0;
alter table contact add column flood_noticed_at timestamptz;

-- Whether the contact may have staged (fetched, not yet kept) uploads: a step looks for them only then.
alter table contact add column staged_media boolean not null default false;
update contact set staged_media = true where id in (select contact_id from media where claimed = false);
