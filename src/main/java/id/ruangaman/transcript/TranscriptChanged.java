package id.ruangaman.transcript;

/**
 * Fired in the transaction that added a transcript row or changed its delivery status, so the inbox
 * can record a live-update event for that row's case ({@code intakeId}, null when the row belongs to
 * no case yet). Carries ids only, never content.
 */
public record TranscriptChanged(long contactId, Long intakeId) {
}
