package id.ruangaman.inbox;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import id.ruangaman.audit.AuditAction;
import id.ruangaman.audit.AuditEvent;
import id.ruangaman.audit.AuditLog;
import id.ruangaman.channel.ChatMessageRepository;
import id.ruangaman.channel.Contact;
import id.ruangaman.channel.ContactRepository;
import id.ruangaman.security.Account;
import id.ruangaman.security.AccountRepository;

/** Assembles the case page: the structured intake, the transcript, the checklist and the notes. */
@ApplicationScoped
public class CaseViews {

    private final CaseWorkRepository work;
    private final ChatMessageRepository messages;
    private final ContactRepository contacts;
    private final AccountRepository accounts;
    private final CannedReplies canned;
    private final InboxEventFeed feed;
    private final InboxConfig config;
    private final Clock clock;
    private final jakarta.persistence.EntityManager em;
    private final AuditLog audit;

    CaseViews(CaseWorkRepository work, ChatMessageRepository messages, ContactRepository contacts, AccountRepository accounts,
            CannedReplies canned, InboxEventFeed feed, InboxConfig config, Clock clock, jakarta.persistence.EntityManager em,
            AuditLog audit) {
        this.em = em;
        this.audit = audit;
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
    public CaseView of(CaseFile file, boolean coordinator) {
        return of(file, coordinator, null);
    }

    /** The case page for {@code viewer}, whose settings (media shown unblurred) apply. */
    @Transactional
    public CaseView of(CaseFile file, boolean coordinator, Account viewer) {
        Map<String, CaseCheck> checks = new LinkedHashMap<>();
        work.checks(file.id).forEach(c -> checks.put(c.component, c));
        Contact contact = contacts.findById(file.contactId);
        Account assignee = file.assigneeId == null ? null : accounts.findById(file.assigneeId);
        List<Account> assignees = coordinator ? accounts.activeByName() : List.of();
        Integer daysLeft = null;
        if (file.examinationDueOn != null) {
            daysLeft = new WorkingDays(config.holidays().orElse(List.of()))
                    .between(LocalDate.now(clock.withZone(config.zone())), file.examinationDueOn);
        }
        return new CaseView(file, IntakeSections.of(file.answers), transcript(file), checks,
                file.isDeleted() ? List.of() : work.notes(file.id), assignees, assignee == null ? null : assignee.username,
                contact == null || file.isDeleted() ? "" : Masking.id(contact.externalId),
                contact == null || file.isDeleted() ? "" : Masking.name(contact.displayName),
                CaseStatus.next(file.status), canned.in(file.language), daysLeft, feed.latestId(), mediaKinds(file),
                viewer != null && viewer.showMediaUnblurred);
    }

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

    @Transactional
    public List<TranscriptLine> transcript(CaseFile file) {
        if (file.isDeleted()) {
            return List.of();
        }
        Map<Long, String> authors = new java.util.HashMap<>();
        // Until transcript lines carry their author, the audit log's reply records ("message:<id>") say who wrote what.
        for (AuditEvent e : audit.search(null, AuditAction.REPLY.code(), file.id, null, null, 0, 10_000)) {
            if (e.detail != null && e.detail.startsWith("message:")) {
                try {
                    authors.put(Long.valueOf(e.detail.substring("message:".length()).trim()), e.actor);
                } catch (NumberFormatException ignored) {
                    // not a reply record this page can use
                }
            }
        }
        return messages.transcript(file.contactId).stream().map(m -> TranscriptLine.of(m, authors.get(m.id))).toList();
    }
}
