package id.ruangaman.channel.outbound;

import java.time.Instant;

import id.ruangaman.conversation.Output;

/**
 * One outbox message as a {@link ChannelSender} sends it: read with its claim, decrypted, nothing more.
 *
 * @param messageId     the outbox row ({@code chat_message.id})
 * @param contactId     the person's contact row
 * @param kind          the row's kind ({@code chat_message.kind}: a reply, {@code template}, or one of the outbox's
 *                      actions such as a deletion)
 * @param createdAt     when the row was queued
 * @param recipient     the platform's id of the chat (Telegram chat id, WhatsApp number): the contact's, or the one the
 *                      row carries when the person's data was erased after it was queued
 * @param language      the person's language code, or null
 * @param lastInboundAt when the person last wrote, or null (WhatsApp's 24-hour window)
 * @param body          what to send
 */
public record Outgoing(long messageId, long contactId, String kind, Instant createdAt, String recipient, String language,
        Instant lastInboundAt, Output.Message body) {
}
