package id.ruangaman.intake;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import id.ruangaman.audit.AuditAction;
import id.ruangaman.audit.AuditLog;
import id.ruangaman.transcript.ChatMessageRepository;
import id.ruangaman.transcript.Contact;
import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.transcript.MediaRepository;

/**
 * Erases a person: everything they sent and everything that identifies them, in the caller's transaction,
 * for {@code /hapus} in the chat or on a coordinator's recorded request. Table by table:
 * <ul>
 * <li>{@code inbound_update}: the raw payload of every update from or about the person (their messages, and
 * delivery statuses of messages to them) is emptied, and so are the hashes of the person's ids it was found by
 * ({@code contact_hash}, {@code subject_hash}; a pending update's once it is closed). The row (the platform's id of the
 * update, for WhatsApp a keyed hash, and its status) stays for deduplication while the platform may still redeliver
 * it; {@code RawPayloadPurge} deletes it after the retention;</li>
 * <li>{@code chat_message}: bodies in and out, the encrypted platform ids and their lookup keys are emptied; messages
 * not yet delivered are not delivered;</li>
 * <li>{@code intake}: the case stays as a closed shell marked {@value #CLOSED_REASON}, holding only what the
 * institution's SOP record needs and nothing that describes the pelapor: it keeps the reference code, the contact row
 * it hangs on (itself unlinked below), the channel, flow and language the report came through, the dates (received,
 * first-reply due and done, verification started, examination due, status changed, last read) and the institution's
 * acts (assignee, the team's thread and deadline markers). Everything taken from the answers is emptied: the answers
 * (chronology included), the reporter's role, whether the victim is a minor, the services asked for (the SOP's
 * inventory of needs), the violence types; and the flags derived from them are cleared (in danger, urgent medical, child
 * victim, child online, statistics consent). Leadership's statistics leave erased cases out, so they need none of it;
 * the SOP record's own skeleton (parties' roles, decisions) lives in the casework tables. {@code ErasedShell} in the
 * tests checks every column of the table against this list;</li>
 * <li>{@code media}: uploads, claimed and staged, are deleted;</li>
 * <li>{@code answer_correction}: the pelapor's corrections of their reports' answers ({@link AnswerCorrection}) are
 * deleted, words and all;</li>
 * <li>{@code contact}: the platform id, the WhatsApp user id and display name are emptied and the lookup hashes
 * replaced by random bytes (every channel alike, the dev chat's too), so the person writing again is a new contact
 * with nothing of the old one;</li>
 * <li>referrals are revoked and their consent message id emptied, and the SOP casework keeps its skeleton without its
 * text ({@link ReporterErased} observers);</li>
 * <li>memory: the session state kept decrypted between steps is dropped on this replica ({@link ReporterErased}) and,
 * once the erasure commits, on every other one ({@link ErasureListener});</li>
 * <li>one audit row per case of the person (codes only: the reason and how many cases) records the erasure, so each
 * case's SOP timeline shows it ({@link #auditEachCase}, for {@code /hapus} and the coordinator's action alike).</li>
 * </ul>
 * Raw updates are found by the contact's hashes both as the chat ({@code contact_hash}) and as the person the update
 * is from or about ({@code subject_hash}): a message the person sent in a group is found by its sender.
 * The {@code /hapus} confirmation queued after the erasure is the one message that still carries the
 * platform id, encrypted on that message alone and emptied once it is delivered or given up.
 */
@ApplicationScoped
public class ReporterErasure {

    private static final Logger LOG = Logger.getLogger(ReporterErasure.class);
    public static final String CLOSED_REASON = "deleted_by_reporter";
    /** The audit actor and reason of an erasure the person asked for in the chat ({@code /hapus}). */
    public static final String CHAT_ACTOR = "survivor-chat";
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Empties the raw updates from or about the person (?1 the channel, ?2 and ?3 the hashes of their platform id and
     * WhatsApp user id). Only updates that still hold a payload can hold a hash of anyone: the retention empties both
     * together (RawPayloadPurge, V184), and so does closing an update emptied while it waited
     * (InboundProcessor.MARK_PROCESSED). A pending update keeps its hashes until it is closed (the queue orders by them);
     * a closed one loses them now. Found through two partial indexes: by the person the update is from or about
     * ({@code inbound_update_subject_idx}), and by the chat where that is someone else, a group's update
     * ({@code inbound_update_chat_idx}, V185): the predicates below repeat theirs, so neither scans the table.
     */
    static final String ERASE_RAW_UPDATES = "update inbound_update set payload = null, "
            + "contact_hash = case when status = 'PENDING' then contact_hash end, "
            + "subject_hash = case when status = 'PENDING' then subject_hash end "
            + "where channel = ?1 and payload is not null and (subject_hash in (?2, ?3) or (contact_hash in (?2, ?3) "
            + "and contact_hash is not null and (subject_hash is null or contact_hash <> subject_hash)))";

    private final ChatMessageRepository messages;
    private final MediaRepository media;
    private final IntakeRepository intakes;
    private final Clock clock;
    @Inject
    Event<ReporterErased> erased;
    @Inject
    EntityManager em;
    @Inject
    SessionRepository sessions;
    @Inject
    ContactRepository contacts;
    @Inject
    AuditLog audit;
    @Inject
    AnswerCorrectionRepository corrections;

    ReporterErasure(ChatMessageRepository messages, MediaRepository media, IntakeRepository intakes, Clock clock) {
        this.messages = messages;
        this.media = media;
        this.intakes = intakes;
        this.clock = clock;
    }

    /**
     * {@code /hapus} confirmed. Must run in the transaction of the conversation step that confirmed it, with
     * the contact locked; the step then saves the session in its erased state (language and reference code).
     */
    public void erase(Contact contact) {
        contact.farewellRecipient = contact.externalId;
        List<Long> cases = eraseData(contact);
        auditEachCase(CHAT_ACTOR, "request_in_chat", cases);
    }

    /**
     * One audit row per case of the erased person ({@code reason:<code> cases:<n>}, codes only), so every case's SOP
     * timeline shows the erasure, not only the latest one's; a person without a case gets one row without a case.
     */
    public void auditEachCase(String actor, String reason, List<Long> cases) {
        String detail = "reason:" + reason + " cases:" + cases.size();
        if (cases.isEmpty()) {
            audit.record(actor, AuditAction.ERASE, null, detail);
        }
        for (Long intakeId : cases) {
            audit.record(actor, AuditAction.ERASE, intakeId, detail);
        }
    }

    /**
     * A coordinator erases a person on their request made outside the chat. The person is not messaged
     * (the chat may not be safe) and their conversation is discarded. Runs in the caller's transaction.
     * Returns the ids of the person's cases, each kept as a shell (empty when the contact is gone).
     */
    public List<Long> eraseOnRequest(long contactId) {
        Contact contact = contacts.lock(contactId);
        if (contact == null) {
            return List.of();
        }
        sessions.delete("contactId", contactId);
        return eraseData(contact);
    }

    private List<Long> eraseData(Contact contact) {
        Instant now = Instant.now(clock);
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select id from intake where contact_id = ?1 order by received_at, id")
                .setParameter(1, contact.id).getResultList();
        List<Long> cases = ids.stream().map(Number::longValue).toList();
        byte[] userIdHash = contact.userIdHash == null ? contact.externalIdHash : contact.userIdHash;
        int rawUpdates = em.createNativeQuery(ERASE_RAW_UPDATES)
                .setParameter(1, contact.channel.name()).setParameter(2, contact.externalIdHash).setParameter(3, userIdHash)
                .executeUpdate();
        int erasedMessages = messages.eraseContent(contact.id);
        long erasedMedia = media.deleteAllOf(contact.id);
        long erasedCorrections = corrections.deleteAllOf(contact.id);
        long shells = intakes.update("answers = null, status = 'closed', closedReason = ?2, deletedByReporterAt = ?3, "
                + "reporterRole = null, victimMinor = null, services = null, violenceTypes = null, inDanger = false, inDangerAtReport = false, dangerSaidAt = null, "
                + "urgentMedical = false, victimChild = false, childOnline = false, statsConsent = false "
                + "where contactId = ?1", contact.id, CLOSED_REASON, now);
        contact.displayName = null;
        contact.erasedAt = now;
        contact.expectsFiles = false;
        contact.externalId = null;
        contact.externalIdHash = unlinked();
        contact.userId = null;
        contact.userIdHash = null;
        erased.fire(new ReporterErased(contact.id));
        // every other replica drops what it keeps of the person in memory once this commits (ErasureListener)
        em.unwrap(org.hibernate.Session.class).doWork(connection -> ErasureListener.announce(connection, contact.id));
        LOG.infof("Erased contact %d: %d raw updates, %d messages, %d media, %d answer corrections, %d intakes kept as shells",
                contact.id, rawUpdates, erasedMessages, erasedMedia, erasedCorrections, shells);
        return cases;
    }

    private static byte[] unlinked() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return random;
    }
}
