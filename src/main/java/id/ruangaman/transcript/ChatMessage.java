package id.ruangaman.transcript;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import id.ruangaman.security.crypto.EncryptedStringConverter;

/**
 * One message of a transcript. Outbound rows double as the outbox: the sender of their channel
 * delivers {@link Status#PENDING} rows and records the outcome. {@code body} is encrypted JSON.
 */
@Entity
@Table(name = "chat_message")
public class ChatMessage {

    public enum Direction { IN, OUT }

    public enum Status { RECEIVED, PENDING, SENDING, SENT, FAILED, HELD, ERASED }

    @Id
    @LineIds.LineId
    public Long id;

    @Column(name = "contact_id", nullable = false)
    public Long contactId;

    /**
     * The case (intake) this line belongs to, set when it is written: a thread message or reply to that case. Null
     * for a line written while no case exists (the conversation that may lead to a report): such a line belongs to the
     * report that takes over its {@link #conversation} number when it is submitted, and is never rewritten.
     */
    @Column(name = "intake_id")
    public Long intakeId;

    /** The contact's {@link Contact#conversation} number when this line was written; see {@link #intakeId}. */
    @Column(nullable = false)
    public int conversation;

    /** For an outbound line a counsellor wrote in the inbox: their account. Null for the bot and the survivor. */
    @Column(name = "author_account_id")
    public Long authorAccountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 3)
    public Direction direction;

    @Column(nullable = false, length = 16)
    public String kind;

    /**
     * The {@link #kind} of an incoming press of a button that was no longer current (an earlier prompt's, or the same
     * button again right after it was taken): kept in the transcript, since the person did press it, but it is not a
     * message for the counsellor. It counts as no unread message and notifies no one.
     */
    public static final String KIND_STALE_BUTTON = "stale_button";

    @Convert(converter = EncryptedStringConverter.class)
    public String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Status status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    /**
     * The platform's id of this message, encrypted (a WhatsApp wamid embeds a phone number). Set it with
     * {@link #identify}; look messages up by {@link #providerMessageKey}, never by this field.
     */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "provider_message")
    public String providerMessage;

    /** Lookup key of the platform's id: {@link ProviderIds#key} (a blind index for WhatsApp). */
    @Column(name = "provider_message_key", length = 64)
    public String providerMessageKey;

    /** Only on a message queued after its contact was erased: where to deliver it; emptied once it is settled. */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "recipient")
    public String recipient;

    @Column(name = "failure_reason", length = 200)
    public String failureReason;

    /** While SENDING: until when this row is reserved by the sender that claimed it. */
    @Column(name = "lease_until")
    public Instant leaseUntil;

    /** The platform may have received this message twice (a retry after an unknown outcome). */
    @Column(name = "possible_duplicate", nullable = false)
    public boolean possibleDuplicate;

    /** The platform's latest report on an outbound message: sent, delivered, read or failed. Never moves back. */
    @Column(name = "delivery_status", length = 16)
    public String deliveryStatus;

    /** The platform's error for a failed delivery, as code and title (no content). */
    @Column(name = "delivery_error", length = 200)
    public String deliveryError;

    /**
     * A routine acknowledgement queued with a delay ({@code next_attempt_at}: when it may go, V262): withdrawn
     * ({@link Outbox#withdrawDeferred}) when the person writes again first, released ({@link Outbox#releaseDeferred})
     * when anything else is queued to the chat after it.
     */
    @Column(name = "deferred", nullable = false)
    public boolean deferred;

    /** For an inbound edit: the message it edits. */
    @Column(name = "edit_of")
    public Long editOf;

    /**
     * For an incoming line that quotes an earlier message of the same chat (WhatsApp {@code messages[].context.id},
     * Telegram {@code message.reply_to_message}): that message's line (V271). Null when it quotes nothing, or a message
     * not recorded.
     */
    @Column(name = "replies_to")
    public Long repliesTo;

    /**
     * For an incoming typed line of an intake: the answer key it was kept under (V264), so an edit of the line changes
     * that answer and no other. Null for any other line.
     */
    @Column(name = "answer_key", length = 100)
    public String answerKey;

    /** With {@link #answerKey}, for an answer made of parts: the line's first part (0-based); null for a whole text answer. */
    @Column(name = "answer_part")
    public Integer answerPart;

    /** With {@link #answerKey}: how many parts the line became (a line longer than the question's length is split). */
    @Column(name = "answer_parts")
    public Integer answerParts;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** Records the platform's id of this message: encrypted, plus its lookup key. */
    public void identify(ProviderIds ids, String providerId) {
        providerMessage = providerId;
        providerMessageKey = ids.key(channel, providerId);
    }
}
