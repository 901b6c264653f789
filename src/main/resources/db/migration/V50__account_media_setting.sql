-- Counsellor wellbeing (issue 14): evidence photos and videos are blurred in the inbox until clicked, unless the
-- account chose to see them unblurred. Default: blurred.
alter table account add column show_media_unblurred boolean not null default false;
