package id.ruangaman.inbox;

import id.ruangaman.web.Refused;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import id.ruangaman.audit.AuditAction;
import id.ruangaman.web.FormText;
import id.ruangaman.audit.AuditLog;
import id.ruangaman.transcript.ChatMessage;
import id.ruangaman.transcript.ChatMessageRepository;
import id.ruangaman.transcript.TranscriptBody;
import id.ruangaman.conversation.Input;
import id.ruangaman.transcript.Contact;
import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.transcript.Media;
import id.ruangaman.transcript.MediaRepository;
import id.ruangaman.texts.Notices;
import id.ruangaman.transcript.Outbox;
import id.ruangaman.security.AccountRepository;
import id.ruangaman.security.CurrentAccount;
import id.ruangaman.security.People;
import id.ruangaman.security.Role;

/** What counsellors do to a case. Each method checks access, changes the case, and audits it. */
@ApplicationScoped
public class CaseService {

    /** The inbox's idle timeout: a transcript read within it of the same person's last view of the case is that view. */
    static final Duration TRANSCRIPT_AUDIT_WINDOW = Duration.ofMinutes(30);


    private static final Logger LOG = Logger.getLogger(CaseService.class);
    static final int MAX_REPLY = 4000;
    static final int MAX_NOTE = 4000;
    static final List<String> REVEAL_FIELDS = List.of("contact_id", "display_name");
    static final List<String> REVEAL_REASONS = List.of("reply_failed", "safety_concern", "referral_with_consent", "verification");

    @jakarta.inject.Inject
    Notices notices;
    @Inject
    ChatMessageRepository chatMessages;
    private final CaseAccess access;
    private final CaseWorkRepository work;
    private final ContactRepository contacts;
    private final MediaRepository media;
    private final AccountRepository accounts;
    private final Outbox outbox;
    private final InboxEventRecorder events;
    private final AuditLog audit;
    private final InboxConfig config;
    private final Clock clock;
    @Inject
    StepBlocks stepBlocks;
    @Inject
    People people;
    @Inject
    Event<CaseStatusChanged> statusChanged;

    CaseService(CaseAccess access, CaseWorkRepository work, ContactRepository contacts, MediaRepository media,
            AccountRepository accounts, Outbox outbox, InboxEventRecorder events, AuditLog audit, InboxConfig config, Clock clock) {
        this.access = access;
        this.work = work;
        this.contacts = contacts;
        this.media = media;
        this.accounts = accounts;
        this.outbox = outbox;
        this.events = events;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /** Opens a case for reading: audited, and its messages count as read for the team. */
    @Transactional
    public CaseFile view(String ref, CurrentAccount who) {
        CaseFile file = access.open(ref, who);
        file.lastReadAt = Instant.now(clock);
        audit.record(who.getUsername(), AuditAction.CASE_VIEW, file.id, null);
        return file;
    }

    /** Where a case stands, for a live page's check ({@code CaseResource#standing}): not audited, not marked read. */
    @Transactional
    public CaseFile standing(String ref, CurrentAccount who) {
        return access.open(ref, who);
    }

    /** Reads a case without an audit row (used by the live transcript refresh of an already opened page). */
    @Transactional
    public CaseFile peek(String ref, CurrentAccount who) {
        CaseFile file = access.open(ref, who);
        file.lastReadAt = Instant.now(clock);
        return file;
    }

    /**
     * The case for a read of its whole transcript (the live refresh of an open page, or the route called on its
     * own). It is audited, as the transcript holds the whole chronology, unless the same person opened the case or
     * read its transcript within {@link #TRANSCRIPT_AUDIT_WINDOW}: an open page refreshes its transcript by itself,
     * and one row per refresh would bury the trail.
     */
    @Transactional
    public CaseFile readTranscript(String ref, CurrentAccount who) {
        CaseFile file = peek(ref, who);
        audit.recordUnlessCovered(who.getUsername(), AuditAction.TRANSCRIPT_VIEW, file.id,
                Instant.now(clock).minus(TRANSCRIPT_AUDIT_WINDOW), List.of(AuditAction.CASE_VIEW, AuditAction.TRANSCRIPT_VIEW));
        return file;
    }

    @Transactional
    public void assign(String ref, Long assigneeId, CurrentAccount who) {
        CaseFile file = access.open(ref, who);
        if (!who.isCoordinator() && assigneeId != null && assigneeId != who.id()) {
            audit.recordRefusal(who.getUsername(), AuditAction.ACCESS_DENIED, file.id, "assign_other");
            throw Refused.forbidden("counsellors assign cases to themselves only");
        }
        if (assigneeId != null) {
            // read with the account's row share-locked until this commits: deactivating it or making it Pimpinan at the same
            // moment waits for this assignment and then sees the case, or is done first and is read here
            AccountRepository.AssigneeState assignee = accounts.lockAssignee(assigneeId);
            if (assignee == null || !assignee.active()) {
                throw Refused.invalidInput("no such active account");
            }
            if (!Role.worksCases(assignee.role())) {
                throw Refused.invalidInput("only counsellors and coordinators work cases");
            }
        }
        Long previous = file.assigneeId;
        file.assigneeId = assigneeId;
        file.returnedFrom = null; // assigned or let go by hand: no longer a case a deactivation returned
        audit.record(who.getUsername(), AuditAction.ASSIGN, file.id, "assignee:" + (assigneeId == null ? "none" : assigneeId));
        events.caseChanged(file, previous); // the list the case left refreshes too, not only the one it joined
    }

    /**
     * Moves a case along the workflow ({@link CaseStatus}). A step the table or a {@link CaseStepGuard} refuses
     * answers 409 ({@link StepRefused}, with the reason code) and leaves a {@code status_refused} audit row; a done
     * step leaves a {@code status_change} row and fires {@link CaseStatusChanged} in the same transaction.
     */
    @Transactional
    public void changeStatus(String ref, String to, String reason, CurrentAccount who) {
        move(access.open(ref, who), to, reason, who);
    }

    /**
     * {@link #changeStatus} for a case the caller already opened through its own access check (leadership recording
     * its decision). Joins the caller's transaction.
     */
    @Transactional
    public void move(CaseFile file, String to, String reason, CurrentAccount who) {
        if (to == null || !CaseStatus.ALL.contains(to)) { // List.of(...).contains(null) throws
            throw Refused.invalidInput("unknown status");
        }
        if (CaseStatus.CLOSED.equals(file.status)) {
            throw refuse(file, to, who, "case_closed"); // no step out of closed: worded as the SOP page's closed refusal
        }
        if (!CaseStatus.isAllowed(file.status, to)) {
            throw refuse(file, to, who, "illegal_step");
        }
        Instant now = Instant.now(clock);
        if (CaseStatus.CLOSED.equals(to)) {
            if (reason == null || !CaseStatus.CLOSE_REASONS.contains(reason)) {
                throw Refused.invalidInput("closing needs a reason");
            }
        }
        List<String> refusals = stepBlocks.refusals(file, to, reason);
        if (!refusals.isEmpty()) {
            throw refuse(file, to, who, refusals);
        }
        if (CaseStatus.CLOSED.equals(to)) {
            file.closedReason = reason;
        }
        if (CaseStatus.IN_VERIFICATION.equals(to)) {
            file.verificationStartedAt = now;
            LocalDate start = LocalDate.ofInstant(now, config.zone());
            file.examinationDueOn = workingDays().plus(start, config.examinationWorkingDays());
        }
        String from = file.status;
        file.status = to;
        file.statusChangedAt = now;
        audit.record(who.getUsername(), AuditAction.STATUS_CHANGE, file.id,
                from + "->" + to + (CaseStatus.CLOSED.equals(to) ? " reason:" + reason : ""));
        statusChanged.fire(new CaseStatusChanged(file, from, to, who.getUsername(), now));
        events.caseChanged(file);
    }

    private StepRefused refuse(CaseFile file, String to, CurrentAccount who, String code) {
        return refuse(file, to, who, List.of(code));
    }

    /** Audits the refusal (its first code: the audit row names why) and names every missing part to the person. */
    private StepRefused refuse(CaseFile file, String to, CurrentAccount who, List<String> codes) {
        audit.recordRefusal(who.getUsername(), AuditAction.STATUS_REFUSED, file.id, file.status + "->" + to + " refused:" + codes.get(0));
        return new StepRefused(codes);
    }

    @Transactional
    public void tick(String ref, String component, boolean checked, CurrentAccount who) {
        if (component == null || !VerificationComponent.ALL.contains(component)) {
            throw Refused.invalidInput("unknown component");
        }
        CaseFile file = access.open(ref, who);
        refuseIfDeleted(file);
        refuseIfClosed(file);
        CaseCheck existing = work.check(file.id, component);
        if (!checked && existing != null && file.checklistKept()) {
            // SOP Pemeriksaan/Verifikasi: the report is verified on a complete checklist, and the verified report prints it.
            // A part unticked afterwards (from a page opened before, in another tab) would leave a verified report with a
            // part unchecked; what verifying found stays as it was.
            audit.recordRefusal(who.getUsername(), AuditAction.CHECK, file.id, "untick:" + component + " refused:checklist_verified");
            throw Refused.conflict("the checklist is kept once the report is verified");
        }
        if (checked && existing == null && VerificationFinding.EVIDENCE.equals(component) && !work.evidenceExamined(file.id)) {
            // SOP Pemeriksaan/Verifikasi, component 3: the examination of the documents/evidence is what part 3 is.
            audit.recordRefusal(who.getUsername(), AuditAction.CHECK, file.id, "tick:" + component + " refused:evidence_examined_missing");
            throw Refused.invalidInput("part 3 needs the documents examined");
        }
        if (checked && existing == null) {
            CaseCheck check = new CaseCheck();
            check.intakeId = file.id;
            check.component = component;
            check.checkedById = who.id();
            check.checkedName = people.writtenOf(who.id()); // the name the verified report prints, as it was now
            check.checkedAt = Instant.now(clock);
            work.persist(check);
        } else if (!checked && existing != null) {
            work.remove(existing);
        } else {
            return;
        }
        audit.record(who.getUsername(), AuditAction.CHECK, file.id, (checked ? "tick:" : "untick:") + component);
        events.caseChanged(file);
    }

    @Transactional
    public void addNote(String ref, String text, CurrentAccount who) {
        text = FormText.lineBreaks(text);
        if (text == null || text.isBlank()) {
            throw Refused.invalidInput("empty note");
        }
        text = FormText.limited(text, MAX_NOTE);
        CaseFile file = access.open(ref, who);
        refuseIfDeleted(file);
        CaseNote note = new CaseNote();
        note.intakeId = file.id;
        note.authorId = who.id();
        note.body = text.strip();
        note.createdAt = Instant.now(clock);
        work.persist(note);
        audit.record(who.getUsername(), AuditAction.NOTE, file.id, null);
    }

    /**
     * Queues a counsellor reply through the outbox (the channel sender delivers it). The first reply
     * stops the 72-hour clock. When the person said the chat is not safe, the counsellor must confirm.
     */
    @Transactional
    public ChatMessage reply(String ref, String text, boolean unsafeAcknowledged, boolean chatUnsafe, CurrentAccount who) {
        text = FormText.lineBreaks(text);
        if (text == null || text.isBlank()) {
            throw Refused.invalidInput("empty reply");
        }
        text = FormText.limited(text, MAX_REPLY);
        CaseFile file = access.open(ref, who);
        refuseIfDeleted(file);
        if (chatUnsafe && !unsafeAcknowledged) {
            throw Refused.conflict("the person said this chat is not safe to reply to: confirm first");
        }
        Contact contact = contacts.findById(file.contactId);
        if (contact == null) {
            throw Refused.notFound("no contact");
        }
        // Shown in the chat as from the task force (a short prefix, never a name unless the counsellor signs),
        // filed under this case, with the counsellor as the line's author for the inbox.
        // In a discreet chat the prefix is the line a preview shows under the neutral line: it names no service there.
        Notices.Key prefix = contact.discreet ? Notices.Key.COUNSELLOR_PREFIX_DISCREET : Notices.Key.COUNSELLOR_PREFIX;
        String shown = notices.text(prefix, contact.language, java.util.Map.of()) + "\n" + text.strip();
        ChatMessage queued = outbox.queue(contact, file.id, who.id(), id.ruangaman.conversation.Output.Message.plain(shown));
        // The account's row is share-locked before the case's row is written: deactivating the account locks the account
        // first and then its cases (AccountRepository#returnOpenCases), so the two wait for each other in one order.
        boolean takes = file.assigneeId == null && !who.isCoordinator() && takesCases(who.id());
        Instant now = Instant.now(clock);
        if (file.firstResponseAt == null) {
            file.firstResponseAt = now;
        }
        Long previous = file.assigneeId;
        if (takes) {
            file.assigneeId = who.id();
            file.returnedFrom = null;
        }
        file.lastReadAt = now;
        audit.record(who.getUsername(), AuditAction.REPLY, file.id, "message:" + queued.id);
        events.caseChanged(file, previous); // a reply that takes the case takes it off the other counsellors' queue
        LOG.infof("Reply %d queued for case %d", queued.id, file.id);
        return queued;
    }

    /**
     * Whether the account may take a case now, read with its row share-locked until this transaction commits (as
     * {@link #assign}): a counsellor made Pimpinan or deactivated while their reply is on its way is not left with the case.
     */
    private boolean takesCases(long accountId) {
        AccountRepository.AssigneeState state = accounts.lockAssignee(accountId);
        return state != null && state.active() && Role.worksCases(state.role());
    }

    /** The unmasked value, once, for a stated reason; audited. Null when the reporter's data was erased. */
    @Transactional
    public String reveal(String ref, String field, String reason, CurrentAccount who) {
        if (field == null || !REVEAL_FIELDS.contains(field)) {
            throw Refused.invalidInput("unknown field");
        }
        if (reason == null || !REVEAL_REASONS.contains(reason)) {
            throw Refused.invalidInput("a reason is required");
        }
        CaseFile file = access.open(ref, who);
        Contact contact = contacts.findById(file.contactId);
        audit.record(who.getUsername(), AuditAction.REVEAL, file.id, "field:" + field + " reason:" + reason);
        if (file.isDeleted() || contact == null || contact.erasedAt != null) {
            return null; // erased: shown as "dihapus", never a leftover id
        }
        String value = "contact_id".equals(field) ? contact.externalId : contact.displayName;
        return value == null ? "" : value;
    }

    @Transactional
    public CaseFile print(String ref, String document, CurrentAccount who) {
        CaseFile file = access.open(ref, who);
        if (file.isDeleted()) {
            // docs/erasure.md: an erased case's documents can no longer be printed; the intake form would still say the
            // channel the person wrote on, and its shell is no document of them
            throw Refused.conflict("an erased case prints nothing");
        }
        audit.record(who.getUsername(), AuditAction.PRINT, file.id, document);
        return file;
    }

    /**
     * The phone numbers on a contact card the person shared in this case's chat (a witness's, say), for the counsellor's
     * deliberate click; audited like opening an evidence file ({@code REVEAL}, {@code field:contact_card message:<id>}).
     * 404 for a line that is not a contact card of this case's transcript or whose content was erased.
     *
     * @return the numbers as the card carries them, in its order
     */
    @Transactional
    public List<String> contactCardNumbers(String ref, long messageId, CurrentAccount who) {
        CaseFile file = access.open(ref, who);
        ChatMessage line = chatMessages.findById(messageId);
        boolean ofThisCase = line != null && (file.id.equals(line.intakeId) || line.intakeId == null
                && file.contactId.equals(line.contactId) && file.conversation != null && file.conversation == line.conversation);
        if (!ofThisCase || file.isDeleted() || line.direction != ChatMessage.Direction.IN || !"contact".equals(line.kind)) {
            throw Refused.notFound("no such contact card");
        }
        List<String> numbers = TranscriptBody.input(line).filter(Input.SharedContact.class::isInstance).map(Input.SharedContact.class::cast)
                .map(card -> card.phones().stream().filter(p -> p != null && !p.isBlank()).map(String::strip).toList()).orElse(List.of());
        if (numbers.isEmpty()) {
            throw Refused.notFound("no such contact card");
        }
        audit.record(who.getUsername(), AuditAction.REVEAL, file.id, "field:contact_card message:" + messageId);
        return numbers;
    }

    /** Evidence of this case only (not of another case of the same person); audited. */
    @Transactional
    public Media evidence(String ref, long mediaId, CurrentAccount who) {
        CaseFile file = access.open(ref, who);
        Media item = media.findById(mediaId);
        if (item == null || !file.id.equals(item.intakeId) || !item.claimed) { // this case's evidence, not the person's
            throw Refused.notFound("no such evidence");
        }
        audit.record(who.getUsername(), AuditAction.MEDIA_VIEW, file.id, "media:" + mediaId);
        byte[] content = item.content; // lazily loaded inside the transaction
        if (content == null) {
            throw Refused.notFound("no such evidence");
        }
        return item;
    }

    WorkingDays workingDays() {
        return new WorkingDays(config.holidays().orElse(List.of()));
    }

    /**
     * A closed case's verification checklist is read-only, as its SOP page: 409 {@code case_closed}, worded 'Kasus sudah
     * ditutup' by the SOP bundle's refusals (a stage change from closed is refused the same way in {@link #move}). Notes
     * and replies are not refused: talking to the survivor goes on after closing.
     */
    private static void refuseIfClosed(CaseFile file) {
        if (CaseStatus.CLOSED.equals(file.status)) {
            throw new StepRefused("case_closed");
        }
    }

    private static void refuseIfDeleted(CaseFile file) {
        if (file.isDeleted()) {
            throw Refused.conflict("the reporter deleted this case");
        }
    }
}
