package id.ruangaman.intake;

/**
 * Fired in the transaction that filed something the person sent under a case after the report (a message, or a
 * file kept as evidence), so the team can be told without content. {@code messageId} is null for a kept file.
 */
public record ThreadMessageReceived(long intakeId, Long messageId) {
}
