-- The retention (RawPayloadPurge) now empties the blind indexes of a person's ids (inbound_update.contact_hash,
-- subject_hash) together with the raw payload: a processed update past the retention keeps no key of anyone, and an
-- erasure (ReporterErasure) needs only the updates that still hold a payload, which partial indexes cover, instead of
-- scanning every update the service ever received. Nothing reads the hashes of a processed, emptied update: the queue
-- orders the waiting ones by inbound_pending, a redelivery is recognised by (channel, provider_id) alone.
-- Here the same for the updates the retention emptied before this version. Pending updates keep theirs (the queue orders
-- them by contact_hash); closing an emptied one clears them (InboundProcessor.MARK_PROCESSED). The WhatsApp rows this
-- leaves with nothing but their platform id are deleted by the next purge (inbound_update_shell_idx, V180).
update inbound_update set contact_hash = null, subject_hash = null
 where payload is null and status <> 'PENDING' and (contact_hash is not null or subject_hash is not null);
