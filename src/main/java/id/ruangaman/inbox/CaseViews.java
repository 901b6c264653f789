package id.ruangaman.inbox;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import id.ruangaman.channel.ChatMessageRepository;
import id.ruangaman.channel.Contact;
import id.ruangaman.channel.ContactRepository;
import id.ruangaman.security.Account;
import id.ruangaman.security.AccountRepository;

/** Assembles the case page: the structured intake, the transcript, the checklist and the notes. */
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

    CaseViews(CaseWorkRepository work, ChatMessageRepository messages, ContactRepository contacts, AccountRepository accounts,
            CannedReplies canned, InboxEventFeed feed, InboxConfig config, Clock clock) {
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
        return new CaseView(file, IntakeSections.of(file.answers), transcript(file, reader), checks,
                file.isDeleted() ? List.of() : work.notes(file.id), assignees, assignee == null ? null : assignee.username,
                contact == null || file.isDeleted() ? "" : Masking.id(contact.externalId),
                contact == null || file.isDeleted() ? "" : Masking.name(contact.displayName),
                CaseStatus.next(file.status), canned.in(file.language), daysLeft, feed.latestId());
    }

    /** The lines of this case only (never another case of the same person), for a reader of the given language. */
    @Transactional
    public List<TranscriptLine> transcript(CaseFile file, Locale reader) {
        return lines.of(file, reader);
    }
}
