package id.ruangaman.referral;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

import id.ruangaman.audit.AuditLog;
import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.ChatMessage;
import id.ruangaman.transcript.ChatMessageRepository;
import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.conversation.Input;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.intake.ConversationService;
import id.ruangaman.intake.Intake;
import id.ruangaman.intake.IntakeRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Synthetic cases for referral tests; sentinel strings mark each part of the record. */
@ApplicationScoped
public class ReferralTestData {

    public static final String NAME = "SENTINEL-NAMA-7Q";
    public static final String CHRONOLOGY = "SENTINEL-KRONOLOGI-7Q";
    public static final String NEED = "SENTINEL-KEBUTUHAN-7Q";

    private final ContactRepository contacts;
    private final ConversationService conversations;
    private final IntakeRepository intakes;
    private final ReferralRepository referrals;
    private final ProviderRepository providers;
    private final ChatMessageRepository messages;
    private final AuditLog audit;

    ReferralTestData(ContactRepository contacts, ConversationService conversations, IntakeRepository intakes,
            ReferralRepository referrals, ProviderRepository providers, ChatMessageRepository messages, AuditLog audit) {
        this.contacts = contacts;
        this.conversations = conversations;
        this.intakes = intakes;
        this.referrals = referrals;
        this.providers = providers;
        this.messages = messages;
        this.audit = audit;
    }

    /** A DEV-channel intake through the real flow, with a sentinel name, chronology and urgent need. */
    public String sentinelCase() {
        long contactId = QuarkusTransaction.requiringNew().call(() -> contacts.findOrCreate(Channel.DEV, UUID.randomUUID().toString()).id);
        conversations.receive(contactId, new Input.Text("/start"), "intake");
        press(contactId, "language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes", "reporter_role:victim", "send_now:details",
                "violence_type:skip", "incident_when:skip", "victim_minor:no", "incident_place:online");
        conversations.receive(contactId, new Input.Text(CHRONOLOGY), null);
        press(contactId, "chronology:done", "biodata_offer:yes");
        conversations.receive(contactId, new Input.Text(NAME), null);
        press(contactId, "age_range:skip", "gender:skip", "campus_status:skip", "unit:skip", "disability:skip",
                "reported_offer:yes", "relation:stranger", "reported_person:skip", "evidence_consent:no",
                "services:psychological", "services:legal", "services:done");
        conversations.receive(contactId, new Input.Text(NEED), null);
        press(contactId, "contact_offer:no", "stats_consent:skip", "summary:confirm");
        return QuarkusTransaction.requiringNew().call(() -> intakes.find("contactId", contactId).singleResult().referenceCode);
    }

    /**
     * A submitted case for an existing contact (a Telegram chat or WhatsApp number), written directly. As a submission
     * does, the contact counts the report ({@code Contact.conversation}), so the chat counts as one that has reported
     * (what the referral part of the chat looks at before reading referrals).
     */
    public String caseFor(long contactId, Channel channel) {
        return QuarkusTransaction.requiringNew().call(() -> {
            contacts.findById(contactId).conversation++;
            Intake intake = new Intake();
            intake.referenceCode = "RT" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
            intake.contactId = contactId;
            intake.channel = channel;
            intake.flowId = "intake";
            intake.flowRevision = "test";
            intake.language = "id";
            intake.reporterRole = "victim";
            intake.victimMinor = "no";
            intake.services = "legal";
            intake.status = "new";
            intake.receivedAt = Instant.now();
            intake.firstResponseDueAt = Instant.now().plus(Duration.ofHours(72));
            intake.answers = "{\"chronology\":{\"chronology\":{\"kind\":\"multi_text\",\"parts\":[\"" + CHRONOLOGY + "\"]}}}";
            intakes.persist(intake);
            return intake.referenceCode;
        });
    }

    public void press(long contactId, String... data) {
        for (String d : data) {
            conversations.receive(contactId, Input.ButtonPress.fromCallbackData(d), null);
        }
    }

    /** The person types {@code text} in the chat. */
    public void type(long contactId, String text) {
        conversations.receive(contactId, new Input.Text(text), null);
    }

    public long contactOf(String ref) {
        return QuarkusTransaction.requiringNew().call(() -> intakes.findByReferenceCode(ref).orElseThrow().contactId);
    }

    public long intakeOf(String ref) {
        return QuarkusTransaction.requiringNew().call(() -> intakes.findByReferenceCode(ref).orElseThrow().id);
    }

    /** Drafts a referral to "contoh-lbh" (legal help, chronology shared) as the logged-in counsellor and asks consent; returns its id. */
    public long draftAndAsk(String counsellorSession, String ref) {
        String location = InboxFixtures.as(counsellorSession).formParam("provider", String.valueOf(provider("contoh-lbh")))
                .formParam("service", "legal").formParam("part", "chronology")
                .when().post("/inbox/cases/" + ref + "/referrals").then().statusCode(303).extract().header("Location");
        long referral = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        InboxFixtures.as(counsellorSession).when().post("/inbox/referrals/" + referral + "/ask").then().statusCode(303);
        return referral;
    }

    public long provider(String key) {
        return QuarkusTransaction.requiringNew().call(() -> providers.findByKey(key).orElseThrow().id);
    }

    public Referral referral(long id) {
        return QuarkusTransaction.requiringNew().call(() -> referrals.findById(id));
    }

    public List<Referral> referralsOf(String ref) {
        long intake = intakeOf(ref);
        return QuarkusTransaction.requiringNew().call(() -> referrals.ofCase(intake));
    }

    public List<ChatMessage> transcript(long contactId) {
        return QuarkusTransaction.requiringNew().call(() -> messages.transcript(contactId));
    }

    public long audits(String action, long intakeId, String detailLike) {
        return QuarkusTransaction.requiringNew()
                .call(() -> audit.count("action = ?1 and intakeId = ?2 and detail like ?3", action, intakeId, detailLike));
    }

    public long auditsWithDetail(String action, String detailLike) {
        return QuarkusTransaction.requiringNew().call(() -> audit.count("action = ?1 and detail like ?2", action, detailLike));
    }

    public long auditsByActor(String actor, String action) {
        return QuarkusTransaction.requiringNew().call(() -> audit.count("actor = ?1 and action = ?2", actor, action));
    }
}
