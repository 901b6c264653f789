-- WhatsApp message ids (wamids) are base64 of a record that embeds a phone number. They are no longer
-- stored as they are: where they are looked up (deduplication of inbound updates, delivery statuses,
-- edits) a keyed hash is stored (ProviderIds, 'h1:' + base64url HMAC-SHA256); where they are read back,
-- AES-256-GCM ciphertext. Rows written before this version are re-keyed at start-up (PlainIdRekeying),
-- which then empties the old plain column; it is dropped in a later version.
alter table chat_message add column provider_message_key varchar(64);
alter table chat_message add column provider_message bytea;
create index chat_message_provider_key_idx on chat_message (channel, provider_message_key)
    where provider_message_key is not null;
comment on column chat_message.provider_message_key is 'lookup key of the platform message id (blind index for WhatsApp)';
comment on column chat_message.provider_message is 'AES-256-GCM ciphertext of the platform message id';
comment on column chat_message.provider_message_id is 'deprecated plain id, emptied at start-up; do not use';

-- The person an update is about (sender of a message, recipient of a delivery status), as the contact's
-- blind index: erasure finds every raw update of a person through it, statuses included.
alter table inbound_update add column subject_hash bytea;
create index inbound_update_subject_idx on inbound_update (channel, subject_hash) where payload is not null;
update inbound_update set subject_hash = contact_hash where contact_hash is not null;

-- Erasure (/hapus or a coordinator) and the retention purge empty raw payloads; the row stays for deduplication.
alter table inbound_update alter column payload drop not null;
create index inbound_update_purge_idx on inbound_update (processed_at) where payload is not null and status <> 'PENDING';

-- An erased contact keeps no platform id: only the case shells and codes prove the case existed.
alter table contact alter column external_id drop not null;
alter table contact add column erased_at timestamptz;

-- The last message to an erased person (the /hapus confirmation) carries its own encrypted recipient,
-- emptied as soon as the message is delivered or given up.
alter table chat_message add column recipient bytea;
comment on column chat_message.recipient is 'AES-256-GCM ciphertext of the platform id, only on a message queued after erasure, until delivered';
