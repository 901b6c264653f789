-- The name of the person who uses an account, for the documents that must name people (the surat tugas's team, the
-- limited meeting's attendees, who recorded or printed what): a coordinator sets it on the accounts page. Personal data,
-- so encrypted like every other name (id.ruangaman.security.crypto.EncryptedStringConverter). Empty for the accounts
-- that exist: their username is shown until a coordinator writes the name.
alter table account add column full_name bytea;
