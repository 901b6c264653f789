package id.ruangaman.inbox;

/**
 * Something of a case that another package keeps changed (a referral's status: the survivor's consent in the chat, a
 * withdrawal, a coordinator's step): fired synchronously inside that change's transaction, so the inbox records a
 * {@code case} event and the case's open pages follow it live ({@link InboxEventRecorder}). {@code intakeId}: the case's
 * id (intake.id).
 */
public record CaseChanged(long intakeId) {
}
