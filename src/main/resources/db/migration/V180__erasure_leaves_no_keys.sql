-- Erasure leaves no lookup key of the person's platform ids (ReporterErasure). Service versions before this one kept, for
-- a person already erased: the lookup key of each message's platform id (chat_message.provider_message_key: for WhatsApp a
-- keyed hash of the wamid, which embeds the number), and the hashes of their ids on the raw updates from and about them
-- (inbound_update.contact_hash, subject_hash). Both are emptied here; from now on erasure empties them itself.

-- Every line of an erased contact, the /hapus confirmation sent after the erasure included. The deprecated plain id
-- (V30) goes too, so the start-up re-keying (PlainIdRekeying) never makes a key of it again.
update chat_message set provider_message_key = null, provider_message_id = null
 where (provider_message_key is not null or provider_message_id is not null)
   and contact_id in (select id from contact where erased_at is not null);

-- A closed, emptied update whose hashes belong to no contact: the erased person's (an erased contact's own hashes were
-- replaced by random bytes), or someone the service never had a conversation with. Pending updates keep theirs (the queue
-- orders them by contact_hash); closing an emptied update clears them (InboundProcessor.MARK_PROCESSED).
update inbound_update u set contact_hash = null, subject_hash = null
 where u.payload is null and u.status <> 'PENDING' and (u.contact_hash is not null or u.subject_hash is not null)
   and not exists (select 1 from contact c where c.channel = u.channel
                   and (c.external_id_hash in (u.contact_hash, u.subject_hash) or c.user_id_hash in (u.contact_hash, u.subject_hash)));

-- What RawPayloadPurge deletes after the retention: WhatsApp updates that keep nothing but their platform id, a keyed
-- hash of a wamid (or of a status about one), needed only while Meta may redeliver the update. Neither status nor
-- processed_at is in the index, so closing an update stays a HOT update (V156).
create index inbound_update_shell_idx on inbound_update (received_at)
 where channel = 'WHATSAPP' and payload is null and contact_hash is null and subject_hash is null;
