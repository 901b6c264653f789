package id.ruangaman.transcript;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.Formula;

import id.ruangaman.security.crypto.EncryptedStringConverter;

/**
 * One person on one channel. The platform id is encrypted; its blind index finds the row.
 *
 * <p>Updated with only the columns that changed ({@link DynamicUpdate}): every intake step touches the contact (when
 * the person last wrote, the flood window), and a full-row update would encrypt the platform id, user id and display
 * name again each time (a fresh random IV, so new ciphertext for the same value) and write them back. Hibernate
 * compares these attributes by their decrypted values, so an untouched one is not written.
 *
 * <p>Hibernate sends such updates one at a time (it batches only updates of the same columns), so a round of steps
 * over many contacts would cost one UPDATE per contact. The columns every step touches (when the person last wrote,
 * whether they can be reached, the flood window, whether files are asked for) are therefore written for the whole
 * round in one batch ({@link ContactTouches}, by {@link PreloadedContacts#writeTouches}), and Hibernate writes a
 * contact only when something else changed (issue 16, eighth round).
 */
@Entity
@DynamicUpdate
@Table(name = "contact")
public class Contact {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contact_seq")
    @SequenceGenerator(name = "contact_seq", sequenceName = "contact_seq", allocationSize = 50)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Channel channel;

    @Column(name = "external_id_hash", nullable = false)
    public byte[] externalIdHash;

    @Convert(converter = EncryptedStringConverter.class)
    /** The platform id (Telegram chat id, WhatsApp number); null once the person's data was erased. */
    @Column(name = "external_id")
    public String externalId;

    /** WhatsApp business-scoped user id (BSUID), if the platform named one; the external id may be the same. */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "user_id")
    public String userId;

    @Column(name = "user_id_hash")
    public byte[] userIdHash;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "display_name")
    public String displayName;

    @Column(length = 8)
    public String language;

    @Column(name = "unreachable_at")
    public Instant unreachableAt;

    /** When the person last wrote; WhatsApp only allows free-form replies within 24 hours of it. */
    @Column(name = "last_inbound_at")
    public Instant lastInboundAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Discreet mode (issue 17): every message to this chat goes out without a notification sound where possible. */
    @Column(nullable = false)
    public boolean discreet;

    /**
     * Whether the conversation's current question asks for files (evidence uploads, or a file in the case's thread
     * awaiting a keep-or-delete answer). Kept by the intake after every step, so a channel can decide at its edge
     * whether a file is worth downloading without asking the conversation. A hint only: the locked step decides.
     */
    @Column(name = "expects_files", nullable = false)
    public boolean expectsFiles;

    /** The flood limit's current window: when it began and how many messages came in it (FloodGuard). */
    @Column(name = "flood_window_started_at")
    public Instant floodWindowStartedAt;

    @Column(name = "flood_count", nullable = false)
    public int floodCount;

    /** When the last flood notice was queued; one per window. */
    @Column(name = "flood_noticed_at")
    public Instant floodNoticedAt;

    /**
     * How many of this person's conversations became reports: the number written on each new transcript line
     * ({@link ChatMessage#conversation}) and taken over by the next report submitted, which then moves it on.
     */
    @Column(nullable = false)
    public int conversation;

    /**
     * Whether uploads may be staged for this contact (fetched, not yet kept by an answer): set when one is staged,
     * cleared by the step that settles them, so a step that has none does not look for them.
     */
    @Column(name = "staged_media", nullable = false)
    public boolean stagedMedia;

    /**
     * Whether replies to this contact are held outside WhatsApp's 24-hour window (outbox rows with status HELD), read
     * with the contact by a subquery on an index of held rows only (V100), never written: a step releases them
     * ({@link Outbox#releaseHeld}) only when there are some, instead of an update on every step.
     */
    @Formula("(exists (select 1 from chat_message m where m.contact_id = id and m.status = 'HELD'))")
    public boolean heldReplies;

    /** When the person's data was erased (/hapus or a coordinator); the platform id is gone from then on. */
    @Column(name = "erased_at")
    public Instant erasedAt;

    /**
     * Not stored: the platform id an erasure removed, kept in memory for the rest of that transaction so the
     * confirmation queued after it can still be delivered (it travels encrypted on that message only).
     */
    @Transient
    public String farewellRecipient;
}
