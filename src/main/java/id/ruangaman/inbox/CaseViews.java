package id.ruangaman.inbox;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import id.ruangaman.transcript.ChatMessageRepository;
import id.ruangaman.transcript.Contact;
import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.security.Account;
import id.ruangaman.security.AccountRepository;

/** Assembles the case page: the structured intake, the transcript, the checklist and the notes (also for the casework prints). */
@ApplicationScoped
public class CaseViews {

    @jakarta.inject.Inject
    TranscriptLines lines;
    private final CaseWorkRepository work;
    private final ChatMessageRepository messages;
    private final ContactRepository contacts;
    private final AccountRepository accounts;
    private final CannedReplies canned;
    private final InboxEventFeed feed;
    private final InboxConfig config;
    private final Clock clock;
    private final jakarta.persistence.EntityManager em;

    CaseViews(CaseWorkRepository work, ChatMessageRepository messages, ContactRepository contacts, AccountRepository accounts,
            CannedReplies canned, InboxEventFeed feed, InboxConfig config, Clock clock, jakarta.persistence.EntityManager em) {
        this.em = em;
        this.work = work;
        this.messages = messages;
        this.contacts = contacts;
        this.accounts = accounts;
        this.canned = canned;
        this.feed = feed;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public CaseView of(CaseFile file, boolean coordinator, Locale reader) {
        return of(file, coordinator, reader, null);
    }

    /** The case page for a reader of the given language and for {@code viewer}, whose settings (media unblurred) apply. */
    @Transactional
    public CaseView of(CaseFile file, boolean coordinator, Locale reader, Account viewer) {
        return of(file, coordinator, reader, viewer, feed.mark());
    }

    /**
     * The inbox events' cursor ({@link InboxEventFeed#mark}), to be read <em>before</em> the case and its transcript
     * that a live page shows. The page follows the events after it: a change committed between this read and the
     * page's own reads is then both on the page and replayed (one harmless extra refresh); read after them, a change
     * committed in between (a reply turning SENT) would be neither, and the page would show the reply as SENDING until
     * the next event.
     */
    public InboxEventFeed.Cursor eventMark() {
        return feed.mark();
    }

    /**
     * The case page, live from {@code afterEvent} ({@link #eventMark()}, read before {@code file} was loaded): its
     * {@code data-after}.
     */
    @Transactional
    public CaseView of(CaseFile file, boolean coordinator, Locale reader, Account viewer, InboxEventFeed.Cursor afterEvent) {
        Map<String, CaseCheck> checks = new LinkedHashMap<>();
        work.checks(file.id).forEach(c -> checks.put(c.component, c));
        Contact contact = contacts.findById(file.contactId);
        Account assignee = file.assigneeId == null ? null : accounts.findById(file.assigneeId);
        List<Account> assignees = coordinator ? accounts.caseworkersByName() : List.of();
        Integer daysLeft = null;
        if (file.examinationDueOn != null) {
            daysLeft = new WorkingDays(config.holidays().orElse(List.of()))
                    .between(LocalDate.now(clock.withZone(config.zone())), file.examinationDueOn);
        }
        IntakeSections intake = intake(file, checks);
        return new CaseView(file, intake, transcript(file, reader), checks,
                file.isDeleted() ? List.of() : work.notes(file.id), assignees, assignee == null ? null : assignee.username,
                contact == null || file.isDeleted() ? "" : Masking.id(contact.externalId),
                contact == null || file.isDeleted() ? "" : Masking.name(contact.displayName),
                CaseStatus.next(file.status), canned.in(reader == null ? file.language : reader.getLanguage(), file.language, safeTimesGiven(intake)), daysLeft, afterEvent, mediaKinds(file),
                viewer != null && viewer.showMediaUnblurred, stepBlocks.of(file, checks.keySet()), findings(file.id),
                evidenceNumbers(file), forwardedMedia(file), returnedFrom(file), returnedFrom(file) == null ? null : work.returnedAt(file.id, file.returnedFrom));
    }

    @jakarta.inject.Inject
    id.ruangaman.intake.AnswerCorrectionRepository corrections;

    /**
     * The report's answers with the pelapor's corrections laid over them ({@link AnswerCorrections}: as the answer before
     * its part was ticked on {@code checks}, beside it after); none once the reporter erased the case.
     */
    private IntakeSections intake(CaseFile file, Map<String, CaseCheck> checks) {
        IntakeSections reported = IntakeSections.of(file.answers);
        if (file.isDeleted()) {
            return reported;
        }
        Map<String, java.time.Instant> checkedAt = new LinkedHashMap<>();
        checks.forEach((component, check) -> {
            if (check.checkedAt != null) {
                checkedAt.put(component, check.checkedAt);
            }
        });
        return AnswerCorrections.applied(reported, corrections.ofCase(file.id), checkedAt, file.isVerified());
    }

    /** The username of the account a deactivation returned the unassigned case from, or null. */
    private String returnedFrom(CaseFile file) {
        if (file.assigneeId != null || file.returnedFrom == null) {
            return null;
        }
        Account from = accounts.findById(file.returnedFrom);
        return from == null ? null : from.username;
    }

    private Map<String, VerificationFinding> findings(long intakeId) {
        Map<String, VerificationFinding> findings = new LinkedHashMap<>();
        work.findings(intakeId).forEach(f -> findings.put(f.component, f));
        return findings;
    }

    /** Whether the person answered "when is it safe to reply?" (the canned first contact then does not ask it again). */
    static boolean safeTimesGiven(IntakeSections intake) {
        return intake.sections().stream().flatMap(s -> s.answers().stream())
                .anyMatch(a -> "contact_times".equals(a.key()) && !a.skipped() && !a.text().isBlank());
    }

    @jakarta.inject.Inject
    StepBlocks stepBlocks;

    @jakarta.inject.Inject
    id.ruangaman.transcript.MediaRepository media;

    /** Kinds of this person's stored uploads by id, without reading their (encrypted) content. */
    private Map<Long, String> mediaKinds(CaseFile file) {
        if (file.isDeleted()) {
            return Map.of();
        }
        Map<Long, String> kinds = new java.util.HashMap<>();
        em.createQuery("select m.id, m.kind, m.mimeType from Media m where m.contactId = :contact", Object[].class)
                .setParameter("contact", file.contactId).getResultList()
                .forEach(row -> kinds.put((Long) row[0], kindOf((String) row[1], (String) row[2])));
        return kinds;
    }

    /**
     * The ids of this person's stored uploads they forwarded from another chat ({@code Media.forwarded}), marked as such
     * beside the file; none once the case is erased. Reads no file content.
     */
    private java.util.Set<Long> forwardedMedia(CaseFile file) {
        if (file.isDeleted()) {
            return java.util.Set.of();
        }
        return java.util.Set.copyOf(em.createQuery("select m.id from Media m where m.contactId = :contact and m.forwarded = true", Long.class)
                .setParameter("contact", file.contactId).getResultList());
    }

    private static String kindOf(String kind, String mime) {
        String k = kind == null ? "" : kind.toLowerCase(java.util.Locale.ROOT);
        if (mime != null && mime.startsWith("image/") && ("photo".equals(k) || "document".equals(k))) {
            return "photo";
        }
        if (mime != null && mime.startsWith("video/")) {
            return "video";
        }
        return k.isEmpty() ? "document" : k;
    }

    /** The case's evidence numbers by file id ({@code MediaRepository.evidenceNumbers}); none once the reporter erased the case. */
    @Transactional
    public Map<Long, Integer> evidenceNumbers(CaseFile file) {
        return file.isDeleted() ? Map.of() : media.evidenceNumbers(file.id);
    }

    /** The lines of this case only (never another case of the same person), for a reader of the given language. */
    @Transactional
    public List<TranscriptLine> transcript(CaseFile file, Locale reader) {
        return lines.of(file, reader);
    }
}
