package id.ruangaman.intake;

/**
 * Fired in the transaction that filed something the person sent under a case after the report (a message, or a
 * file kept as evidence), so the team can be told without content. {@code messageId} is null for a kept file;
 * {@code danger}: the message says danger now (the flow's words of danger, as in the chat: the bot answers it with the
 * emergency numbers and the case is marked in danger), so the team's notice says so and is not held back.
 */
public record ThreadMessageReceived(long intakeId, Long messageId, boolean danger) {

    /** Something filed under the case that says nothing of danger. */
    public ThreadMessageReceived(long intakeId, Long messageId) {
        this(intakeId, messageId, false);
    }
}
