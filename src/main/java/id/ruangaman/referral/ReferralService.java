package id.ruangaman.referral;

import id.ruangaman.web.FormText;
import id.ruangaman.web.Refused;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import id.ruangaman.audit.AuditAction;
import id.ruangaman.audit.AuditEvent;
import id.ruangaman.audit.AuditLog;
import id.ruangaman.transcript.ChatMessage;
import id.ruangaman.transcript.Contact;
import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.transcript.Outbox;
import id.ruangaman.inbox.CaseAccess;
import id.ruangaman.inbox.CaseFile;
import id.ruangaman.inbox.IntakeSections;
import id.ruangaman.inbox.CaseFileRepository;
import id.ruangaman.inbox.CaseChanged;
import id.ruangaman.intake.ReporterErased;
import id.ruangaman.security.CurrentAccount;

/**
 * Everything that happens to a referral. Every inbox method checks access to the referral's case (404, then 403 and
 * an audit row), enforces the lifecycle (illegal steps answer 409) and the consent gate (nothing is sent or printed
 * without consent in force), and audits the change with codes only.
 */
@ApplicationScoped
class ReferralService {

    private static final Logger LOG = Logger.getLogger(ReferralService.class);
    public static final List<String> SERVICES = List.of("psychological", "legal", "social_reintegration",
            "follow_up_counselling", "medical", "spiritual");
    static final int MAX_REASON = 1000;
    static final int MIN_REASON = 10;
    static final String CHAT_ACTOR = id.ruangaman.audit.AuditDetail.CHAT_ACTOR;

    @jakarta.inject.Inject
    id.ruangaman.security.People people;

    private final jakarta.enterprise.event.Event<CaseChanged> changed;
    private final ReferralRepository referrals;
    private final ProviderRepository providers;
    private final CaseFileRepository cases;
    private final CaseAccess access;
    private final ContactRepository contacts;
    private final Outbox outbox;
    private final ChatTexts chat;
    private final AuditLog audit;
    private final Clock clock;
    private final ReferralLetters letters;

    ReferralService(ReferralRepository referrals, ProviderRepository providers, CaseFileRepository cases, CaseAccess access,
            ContactRepository contacts, Outbox outbox, ChatTexts chat, AuditLog audit, Clock clock, ReferralLetters letters,
            jakarta.enterprise.event.Event<CaseChanged> changed) {
        this.changed = changed;
        this.letters = letters;
        this.referrals = referrals;
        this.providers = providers;
        this.cases = cases;
        this.access = access;
        this.contacts = contacts;
        this.outbox = outbox;
        this.chat = chat;
        this.audit = audit;
        this.clock = clock;
    }

    /** A referral with what the pages need around it. */
    public record Item(Referral referral, Provider provider, CaseFile file) {

        /** The survivor said the chat is not safe: a message to it needs the counsellor's confirmation. */
        public boolean chatUnsafe() {
            return file != null && IntakeSections.of(file.answers).chatUnsafe();
        }

        /** Whole days since the referral was drafted. */
        public long ageDays(Instant now) {
            return Duration.between(referral.createdAt, now).toDays();
        }
    }

    // --- inbox ----------------------------------------------------------------------------------------------------

    /** The case and its referrals, for the case's referral page (audited as a view). */
    @Transactional
    public List<Item> ofCase(String ref, CurrentAccount who) {
        CaseFile file = access.open(ref, who);
        audit.record(who.getUsername(), AuditAction.REFERRAL_VIEW, file.id, "case_referrals");
        return referrals.ofCase(file.id).stream().map(r -> new Item(r, providers.findById(r.providerId), file)).toList();
    }

    /** The case itself, access-checked (for the referral page of a case without referrals yet). */
    @Transactional
    public CaseFile caseFile(String ref, CurrentAccount who) {
        return access.open(ref, who);
    }

    /** The directory search of the case page. */
    @Transactional
    public List<Provider> search(List<String> services, String region, String text) {
        return providers.search(services, region, text);
    }

    @Transactional
    public List<String> regions() {
        return providers.regions();
    }

    @Transactional
    public Referral draft(String ref, String providerId, String service, Set<ReferralPart> parts, CurrentAccount who) {
        CaseFile file = access.open(ref, who);
        if (file.isDeleted()) {
            throw Refused.conflict("the reporter deleted this case");
        }
        if (service == null || !SERVICES.contains(service)) {
            throw Refused.invalidInput("unknown service");
        }
        Provider provider = providers.findById(chosenId(providerId));
        if (provider == null || !provider.active) {
            throw Refused.invalidInput("no such active provider");
        }
        if (!provider.offers(service)) {
            throw Refused.invalidInput("the provider does not offer this service");
        }
        requireParts(parts);
        Instant now = Instant.now(clock);
        Referral referral = new Referral();
        referral.intakeId = file.id;
        referral.contactId = file.contactId;
        referral.providerId = provider.id;
        referral.service = service;
        referral.setParts(parts);
        referral.status = ReferralStatus.DRAFT.code();
        referral.createdById = who.id();
        referral.createdAt = now;
        referral.referrerName = people.writtenOf(who.id()); // none written: the letter names the account as it is named now
        referral.referrerRole = people.roleOf(who.id());
        referral.statusChangedAt = now;
        referrals.persist(referral);
        audit.record(who.getUsername(), AuditAction.REFERRAL_CHANGE, file.id,
                "referral:" + referral.id + " draft provider:" + provider.id + " service:" + service + " parts:" + codes(parts));
        return referral;
    }

    /**
     * One referral read again for its open page, which follows it live (the survivor's answer in the chat, a withdrawal,
     * another account's step): the same access rules as {@link #view}, and audited as a view unless this account's view
     * of the case's referrals is already in the log within {@link #REREAD_AUDIT_WINDOW} (a live page reads it again at
     * each change of its case; a read of the address by hand is never unaudited for long).
     */
    @Transactional
    public Item reread(long id, CurrentAccount who) {
        Item item = open(id, who);
        audit.recordUnlessCovered(who.getUsername(), AuditAction.REFERRAL_VIEW, item.file().id,
                Instant.now(clock).minus(REREAD_AUDIT_WINDOW), List.of(AuditAction.REFERRAL_VIEW));
        return item;
    }

    /** How long a referral page's view in the audit log covers its live re-reads ({@link #reread}). */
    static final Duration REREAD_AUDIT_WINDOW = Duration.ofMinutes(30);

    /** One referral for its page; audited. */
    @Transactional
    public Item view(long id, CurrentAccount who) {
        Item item = open(id, who);
        audit.record(who.getUsername(), AuditAction.REFERRAL_VIEW, item.file().id, "referral:" + id);
        return item;
    }

    /** The referral's audited changes, oldest first (codes only). */
    @Transactional
    public List<AuditEvent> history(Item item) {
        String prefix = "referral:" + item.referral().id + " ";
        List<AuditEvent> events = new ArrayList<>(audit.search(null, null, AuditAction.REFERRAL_CHANGE.code(),
                item.file().id, null, null, 0, 500).stream().filter(e -> e.detail != null && e.detail.startsWith(prefix)).toList());
        Collections.reverse(events);
        return events;
    }

    /** Changes what a draft would share. Once the survivor was asked, the parts are fixed. */
    @Transactional
    public void changeParts(long id, Set<ReferralPart> parts, CurrentAccount who) {
        Item item = open(id, who);
        Referral referral = item.referral();
        if (referral.state() != ReferralStatus.DRAFT) {
            throw Refused.conflict("only a draft's parts can change");
        }
        requireParts(parts);
        referral.setParts(parts);
        audit.record(who.getUsername(), AuditAction.REFERRAL_CHANGE, item.file().id, "referral:" + id + " parts:" + codes(parts));
    }

    /** Asks the survivor in the chat, in their language, naming the provider and exactly the parts to share. */
    @Transactional
    public void askConsent(long id, CurrentAccount who) {
        askConsent(id, who, false);
    }

    /** As {@link #askConsent(long, CurrentAccount)}; an unsafe chat (see {@link Item#chatUnsafe}) needs {@code unsafeAcknowledged}, else 409. */
    @Transactional
    public void askConsent(long id, CurrentAccount who, boolean unsafeAcknowledged) {
        Item item = open(id, who);
        Referral referral = item.referral();
        if (item.file().isDeleted()) {
            throw Refused.conflict("the reporter deleted this case");
        }
        if (referral.state() == ReferralStatus.DRAFT) {
            requireParts(referral.parts()); // a draft saved before drafts had to share something
        }
        refuseIfUnsafe(item, unsafeAcknowledged);
        move(referral, ReferralStatus.AWAITING_CONSENT, who.getUsername(), item.file().id, null);
        referral.consentAskedAt = referral.statusChangedAt;
        referral.consentedParts = String.join(",", referral.partCodes());
        Contact contact = contacts.findById(referral.contactId);
        outbox.queue(contact, item.file().id, null, chat.consentQuestion(referral, item.provider(), languageOf(contact, item.file())));
        if (item.file().firstResponseAt == null) {
            // SOP: a counsellor follows every report up within 3x24 hours. A consent question is the team writing to the
            // person in the chat, as a reply is: the case's deadline is met, and its countdown no longer shown.
            item.file().firstResponseAt = referral.consentAskedAt;
        }
    }

    /**
     * The SOP's rule for a victim who cannot consent (such as a minor): a parent or guardian consents. Only a
     * coordinator records it, with the reason; a counsellor is refused (403, audited).
     */
    @Transactional
    public void guardianConsent(long id, String reason, CurrentAccount who) {
        Item item = open(id, who);
        if (!who.isCoordinator()) {
            audit.recordRefusal(who.getUsername(), AuditAction.ACCESS_DENIED, item.file().id, "referral:" + id + " guardian_override");
            throw Refused.forbidden("only a coordinator may record a guardian's consent");
        }
        String trimmed = reason == null ? "" : FormText.limited(reason, MAX_REASON).strip();
        if (trimmed.length() < MIN_REASON) {
            throw Refused.invalidInput("a guardian's consent needs a reason of " + MIN_REASON + " to " + MAX_REASON + " characters");
        }
        Referral referral = item.referral();
        if (referral.state() == ReferralStatus.DRAFT) {
            requireParts(referral.parts());
            referral.consentedParts = String.join(",", referral.partCodes());
        }
        move(referral, ReferralStatus.CONSENTED, who.getUsername(), item.file().id, "by:guardian");
        referral.consentBy = "guardian";
        referral.consentAnsweredAt = referral.statusChangedAt;
        referral.overrideById = who.id();
        referral.overrideReason = trimmed;
    }

    /**
     * A step the team takes by hand: sent, accepted, declined by the provider, completed, revoked. Sending needs
     * consent in force. The survivor is told in the chat when the referral is sent and when it is accepted.
     */
    @Transactional
    public void changeStatus(long id, String to, CurrentAccount who) {
        changeStatus(id, to, who, false);
    }

    /**
     * As {@link #changeStatus(long, String, CurrentAccount)}; a step that messages the chat (sent, accepted) needs
     * {@code unsafeAcknowledged} when the survivor said the chat is not safe, else 409 and nothing changes.
     */
    @Transactional
    public void changeStatus(long id, String to, CurrentAccount who, boolean unsafeAcknowledged) {
        ReferralStatus target = ReferralStatus.parse(to);
        if (target == null || !ReferralStatus.MANUAL.contains(target)) {
            throw Refused.invalidInput("unknown status");
        }
        Item item = open(id, who);
        Referral referral = item.referral();
        if (target == ReferralStatus.SENT && referral.state() != ReferralStatus.CONSENTED) {
            audit.recordRefusal(who.getUsername(), AuditAction.REFERRAL_CHANGE, item.file().id, "referral:" + id + " send_refused:no_consent");
            throw Refused.conflict(withoutConsent(referral.state(), "no consent: the referral cannot be sent"));
        }
        if (target == ReferralStatus.DISCARDED && referral.state() != ReferralStatus.DRAFT) {
            throw Refused.conflict("only a draft can be discarded");
        }
        if (target == ReferralStatus.REVOKED && referral.state() == ReferralStatus.DRAFT) {
            throw Refused.conflict("a draft is discarded, not revoked");
        }
        if (item.file().isDeleted() && target != ReferralStatus.REVOKED && target != ReferralStatus.COMPLETED
                && target != ReferralStatus.DISCARDED) {
            throw Refused.conflict("the reporter deleted this case");
        }
        if (target == ReferralStatus.SENT || target == ReferralStatus.ACCEPTED) {
            refuseIfUnsafe(item, unsafeAcknowledged);
        }
        move(referral, target, who.getUsername(), item.file().id, null);
        Contact contact = contacts.findById(referral.contactId);
        String language = languageOf(contact, item.file());
        if (target == ReferralStatus.SENT) {
            referral.sentAt = referral.statusChangedAt;
            outbox.queue(contact, item.file().id, null, chat.about("referral_sent", referral, item.provider(), language));
        } else if (target == ReferralStatus.ACCEPTED) {
            referral.acceptedAt = referral.statusChangedAt;
            outbox.queue(contact, item.file().id, null, chat.about("referral_accepted", referral, item.provider(), language));
        } else if (target == ReferralStatus.COMPLETED) {
            referral.completedAt = referral.statusChangedAt;
        } else if (target == ReferralStatus.REVOKED) {
            referral.revokedAt = referral.statusChangedAt;
            referral.revokedById = who.id();
        }
    }

    private static void refuseIfUnsafe(Item item, boolean acknowledged) {
        if (item.chatUnsafe() && !acknowledged) {
            throw Refused.conflict("the person said this chat is not safe: confirm before messaging it");
        }
    }

    /** The letter's content, only while consent is in force; printing is audited. */
    @Transactional
    public ReferralLetter letter(long id, CurrentAccount who) {
        Item item = open(id, who);
        Referral referral = item.referral();
        if (item.file().isDeleted()) {
            // said first: the erasure revoked the referral too, and its reason is the erasure (docs/erasure.md)
            throw Refused.conflict("an erased case prints nothing");
        }
        if (!referral.state().mayShare()) {
            audit.recordRefusal(who.getUsername(), AuditAction.PRINT, item.file().id, "referral_letter:" + id + " refused:" + referral.status);
            throw Refused.conflict(withoutConsent(referral.state(), "no consent in force: the letter cannot be printed"));
        }
        audit.record(who.getUsername(), AuditAction.PRINT, item.file().id,
                "referral_letter:" + id + " parts:" + referral.consentedParts);
        return letters.of(item, contacts.findById(referral.contactId));
    }

    /**
     * Why a referral in {@code state} cannot be sent or printed, as the refusal's phrase (web.Refusals words it): consent
     * withdrawn (or the referral cancelled), declined, the referral already finished or sent, or else {@code notYet}:
     * no consent given yet. A counsellor told "no consent yet" about a withdrawn consent would ask again.
     */
    private static String withoutConsent(ReferralStatus state, String notYet) {
        return switch (state) {
            case REVOKED -> "consent withdrawn: the referral cannot be sent or printed";
            case DECLINED -> "consent declined: the referral cannot be sent or printed";
            case COMPLETED, DECLINED_BY_PROVIDER -> "referral finished: the letter is not printed any more";
            case SENT, ACCEPTED -> "illegal referral status change";
            default -> notYet;
        };
    }

    /** Open referrals for coordinators, oldest first. */
    @Transactional
    public List<Item> overview(CurrentAccount who) {
        if (!who.isCoordinator()) {
            audit.recordRefusal(who.getUsername(), AuditAction.ACCESS_DENIED, null, "referral_overview");
            throw Refused.forbidden("coordinators only");
        }
        audit.record(who.getUsername(), AuditAction.REFERRAL_VIEW, null, "overview");
        Map<Long, Provider> byId = new HashMap<>();
        Map<Long, CaseFile> files = new HashMap<>();
        List<Referral> open = referrals.open();
        // A case the coordinator may not see (a conflict of interest) is not in the overview, nor in its counts.
        java.util.Set<Long> hidden = access.hiddenFrom(open.stream().map(r -> r.intakeId).distinct().toList(), who.id());
        return open.stream().filter(r -> !hidden.contains(r.intakeId)).map(r -> new Item(r,
                byId.computeIfAbsent(r.providerId, providers::findById), files.computeIfAbsent(r.intakeId, cases::findById))).toList();
    }

    // --- chat (called by ReferralChat inside ConversationService's transaction, contact row locked) ----------------

    /**
     * The survivor's yes or no to a consent question. Returns the reply. The question's buttons stay in the chat, so a
     * later tap on them is a change of mind: "no" on a referral whose consent is in force withdraws it (as /cabut);
     * "yes" after a "no" shares nothing (the counsellor asks again, SOP: consent is asked, never inferred from an old
     * button) and says so; "yes" again while consent is in force repeats the thanks. Any other stale tap, or a
     * referral of someone else: "no longer open".
     */
    public ChatTextKey answer(Contact contact, long referralId, boolean yes, ChatMessage inbound) {
        Referral referral = referrals.findById(referralId);
        if (referral == null || !referral.contactId.equals(contact.id)) {
            return new ChatTextKey("question_closed", null, null);
        }
        ReferralStatus state = referral.state();
        if (state != ReferralStatus.AWAITING_CONSENT && "survivor".equals(referral.consentBy)) {
            if (!yes && state.withdrawable()) {
                return withdraw(contact, referralId);
            }
            if (yes && state == ReferralStatus.DECLINED) {
                return new ChatTextKey("consent_after_refusal", referral, providers.findById(referral.providerId));
            }
            if (yes && state.mayShare()) {
                return new ChatTextKey("consent_given", referral, providers.findById(referral.providerId));
            }
        }
        if (state != ReferralStatus.AWAITING_CONSENT) {
            return new ChatTextKey("question_closed", null, null);
        }
        move(referral, yes ? ReferralStatus.CONSENTED : ReferralStatus.DECLINED, CHAT_ACTOR, referral.intakeId,
                "message:" + (inbound == null ? "none" : inbound.id));
        referral.consentBy = "survivor";
        referral.consentAnsweredAt = referral.statusChangedAt;
        if (inbound != null) {
            referral.consentMessageId = inbound.id;
            referral.consentProviderMessage = inbound.providerMessage;
        }
        LOG.infof("Referral %d: survivor answered %s", referral.id, yes ? "yes" : "no");
        return new ChatTextKey(yes ? "consent_given" : "consent_refused", referral, providers.findById(referral.providerId));
    }

    /** Withdraws consent from the chat: the referral is revoked and nothing more is shared. */
    public ChatTextKey withdraw(Contact contact, long referralId) {
        Referral referral = referrals.findById(referralId);
        if (referral == null || !referral.contactId.equals(contact.id) || !referral.state().withdrawable()) {
            return new ChatTextKey("question_closed", null, null);
        }
        move(referral, ReferralStatus.REVOKED, CHAT_ACTOR, referral.intakeId, "withdrawn_in_chat");
        referral.revokedAt = referral.statusChangedAt;
        referral.revokedBy = CHAT_ACTOR;
        LOG.infof("Referral %d: consent withdrawn in the chat", referral.id);
        return new ChatTextKey("withdrawn", referral, providers.findById(referral.providerId));
    }

    /** {@code /hapus} withdraws everything: every referral of the person that is not final is revoked. */
    void onErased(@Observes ReporterErased event) {
        int revoked = 0;
        for (Referral referral : referrals.list("contactId = ?1", event.contactId())) {
            referral.consentProviderMessage = null; // the platform's id of the person's answer (a wamid embeds the number)
            referral.overrideReason = null; // a guardian's consent: free text, which may name the person
            if (!referral.state().isFinal()) {
                move(referral, ReferralStatus.REVOKED, CHAT_ACTOR, referral.intakeId, "reporter_erased");
                referral.revokedAt = referral.statusChangedAt;
                referral.revokedBy = CHAT_ACTOR;
                revoked++;
            }
        }
        if (revoked > 0) {
            LOG.infof("Contact %d erased: %d referrals revoked", event.contactId(), revoked);
        }
    }

    /** Referrals whose consent question is open in this person's chat, oldest first. */
    public List<Referral> awaitingConsent(Contact contact) {
        return referrals.awaitingConsent(contact.id);
    }

    public List<Referral> withdrawable(Contact contact) {
        return referrals.withdrawable(contact.id);
    }

    public Map<Long, Provider> providersOf(List<Referral> list) {
        return list.stream().map(r -> r.providerId).distinct().collect(Collectors.toMap(id -> id, providers::findById));
    }

    /**
     * A referral shares at least one part of the case: a provider can do nothing with none, and the survivor is never
     * asked to consent to sharing nothing. 400 "a referral shares at least one part" otherwise.
     */
    private static void requireParts(Set<ReferralPart> parts) {
        if (parts == null || parts.isEmpty()) {
            throw Refused.invalidInput("a referral shares at least one part");
        }
    }

    /** Which chat text to answer with, and about which referral (both null for texts without placeholders). */
    public record ChatTextKey(String key, Referral referral, Provider provider) {
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private Item open(long id, CurrentAccount who) {
        Referral referral = referrals.findById(id);
        if (referral == null) {
            throw Refused.notFound("no such referral");
        }
        CaseFile file = cases.findById(referral.intakeId);
        access.open(file.referenceCode, who);
        return new Item(referral, providers.findById(referral.providerId), file);
    }

    private void move(Referral referral, ReferralStatus to, String actor, Long intakeId, String note) {
        ReferralStatus from = referral.state();
        if (!from.canMoveTo(to)) {
            throw Refused.conflict("illegal referral status change " + from.code() + " -> " + to.code());
        }
        referral.status = to.code();
        referral.statusChangedAt = Instant.now(clock);
        if (intakeId != null) {
            changed.fire(new CaseChanged(intakeId)); // an open page of the referral follows it (inbox.js refreshStanding)
        }
        audit.record(actor, AuditAction.REFERRAL_CHANGE, intakeId,
                "referral:" + referral.id + " " + from.code() + "->" + to.code() + (note == null ? "" : " " + note));
    }

    static String languageOf(Contact contact, CaseFile file) {
        if (contact != null && contact.language != null) {
            return ReferralTexts.language(contact.language);
        }
        return ReferralTexts.language(file == null ? null : file.language);
    }

    /**
     * The id in an address ({@code /inbox/providers/{id}}, {@code /inbox/referrals/{id}/status}): {@code what} names the
     * thing ("provider", "referral"). One that is no number names nothing: 404 {@code no such <what>}, the same as a
     * number nothing has, which a browser sees as the error page saying that thing was not found (web.RefusalPage).
     */
    static long parseId(String value, String what) {
        try {
            return Long.parseLong(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            throw Refused.notFound("no such " + what);
        }
    }

    /** A provider chosen in a form's list: one that is no number is no active provider (400, the form's page again). */
    private static long chosenId(String value) {
        try {
            return Long.parseLong(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            throw Refused.invalidInput("no such active provider");
        }
    }

    private static String codes(Set<ReferralPart> parts) {
        return parts.isEmpty() ? "none" : parts.stream().map(ReferralPart::code).collect(Collectors.joining(","));
    }
}
