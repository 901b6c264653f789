package id.ruangaman.intake;

/** Fired in the transaction that created (or re-submitted) an intake, so the inbox can announce it. */
public record IntakeReceived(long intakeId) {
}
