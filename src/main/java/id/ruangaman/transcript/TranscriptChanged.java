package id.ruangaman.transcript;

/**
 * Fired in the transaction that added a transcript row or changed its delivery status, so the inbox
 * can record a live-update event for that row's case ({@code intakeId}, null when the row belongs to
 * no case yet). {@code fromPerson}: the row is a new line the person sent (not a reply, a status or a
 * flow's message), which open case lists count when the case is not shown. Carries ids only, never content.
 */
public record TranscriptChanged(long contactId, Long intakeId, boolean fromPerson) {

    /** A change that is not a new line from the person. */
    public TranscriptChanged(long contactId, Long intakeId) {
        this(contactId, intakeId, false);
    }
}
