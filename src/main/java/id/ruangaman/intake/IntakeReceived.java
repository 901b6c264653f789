package id.ruangaman.intake;

/**
 * Fired in the transaction that created an intake, so the inbox can announce it. The intake is not written yet when
 * this fires (Hibernate writes it at the commit): observers take what they need from here instead of reading it back.
 *
 * @param intakeId      the new case's id
 * @param referenceCode its reference code ({@code RA-XXXXX}), as the person was told it
 */
public record IntakeReceived(long intakeId, String referenceCode) {
}
