-- Issue 18: the contact carries whether its conversation asks for files, so a channel decides at its edge whether
-- to download one without calling into the conversation. Kept by the intake after every step; false until the next
-- step of a running conversation (the locked step still asks for the file then, so nothing is lost).
alter table contact add column expects_files boolean not null default false;
