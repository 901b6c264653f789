package id.ruangaman.inbox;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.conversation.Input;
import id.ruangaman.intake.ConversationService;
import id.ruangaman.intake.DevConversation;
import id.ruangaman.intake.IntakeRepository;
import id.ruangaman.security.Account;
import id.ruangaman.security.AccountRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Synthetic accounts and cases for inbox tests, through the real conversation service. */
@ApplicationScoped
public class InboxFixtures {

    public static final String PASSWORD = "synthetic-password-123";

    private final AccountRepository accounts;
    private final ContactRepository contacts;
    private final ConversationService conversations;
    private final IntakeRepository intakes;

    @Inject
    EntityManager em;
    @Inject
    id.ruangaman.transcript.MediaRepository media;

    InboxFixtures(AccountRepository accounts, ContactRepository contacts, ConversationService conversations, IntakeRepository intakes) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.conversations = conversations;
        this.intakes = intakes;
    }

    /**
     * A case sent through the dev chat with "Are you in danger now?" answered yes; the person goes on after the emergency
     * numbers and sends the report. Its reference code.
     */
    public String caseAnsweredInDanger() {
        DevConversation person = new DevConversation(contacts, conversations, media);
        person.button("language:id").button("consent:yes").button("in_danger:yes").button("ready_to_continue:continue")
                .button("safe_to_reply:yes").button("reporter_role:victim").button("send_now:details").button("violence_type:skip")
                .button("incident_when:skip").button("victim_minor:no").button("incident_place:online")
                .text("Kronologi sintetis untuk pengujian.").restToSubmission(true);
        return referenceOf(person.contactId);
    }

    /**
     * A case sent through the dev chat with "Are you in danger now?" answered no, then danger words typed at the next
     * question ("dia di depan pintu"). Its reference code.
     */
    public String caseWithDangerWords() {
        DevConversation person = new DevConversation(contacts, conversations, media);
        person.button("language:id").button("consent:yes").button("in_danger:no").button("safe_to_reply:yes")
                .text("dia di depan pintu").button("reporter_role:victim").button("send_now:details").button("violence_type:skip")
                .button("incident_when:skip").button("victim_minor:no").button("incident_place:online")
                .text("Kronologi sintetis untuk pengujian.").restToSubmission(true);
        return referenceOf(person.contactId);
    }

    /** The account, created on first use. */
    public Account account(String username, String role) {
        return QuarkusTransaction.requiringNew().call(() -> accounts.findByUsername(username).orElseGet(() -> {
            Account a = new Account();
            a.username = username;
            a.role = role;
            a.createdAt = Instant.now();
            a.setPassword(PASSWORD, Instant.now());
            accounts.persist(a);
            return a;
        }));
    }

    /**
     * The account's open sessions are idle for 31 minutes, past the 30 of {@code quarkus.http.auth.form.timeout}: the
     * next request with their cookie finds them ended, as a counsellor who typed for half an hour without a click does.
     */
    public void idleSessions(long accountId) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update account_session set last_action_at = now() - "
                + "make_interval(mins => 31) where account_id = ?1 and ended_at is null").setParameter(1, accountId).executeUpdate());
    }

    /** A DEV-channel person who completes the intake flow; returns the reference code. */
    public String submittedCase(boolean safeToReply) {
        return submittedCase(Channel.DEV, UUID.randomUUID().toString(), safeToReply);
    }

    /**
     * A case from a Telegram chat whose bot conversation already went out: its replies are marked
     * delivered, so a counsellor's reply is the next message the outbox sends to the fake Bot API.
     */
    public String submittedTelegramCase(long chatId) {
        String ref = submittedCase(Channel.TELEGRAM, String.valueOf(chatId), true);
        // Wait until no bot reply is mid-send, so marking them delivered cannot race a sender.
        id.ruangaman.testing.Eventually.await("bot replies settled", java.time.Duration.ofSeconds(60), () -> QuarkusTransaction
                .requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from chat_message where status = 'SENDING' "
                        + "and contact_id = (select contact_id from intake where reference_code = ?1)").setParameter(1, ref)
                        .getSingleResult()).longValue() == 0));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update chat_message set status = 'SENT', sent_at = "
                + "created_at - interval '1 hour' where direction = 'OUT' and status in ('PENDING', 'SENDING') and contact_id = "
                + "(select contact_id from intake where reference_code = ?1)").setParameter(1, ref).executeUpdate());
        return ref;
    }

    private String submittedCase(Channel channel, String externalId, boolean safeToReply) {
        long contactId = QuarkusTransaction.requiringNew().call(() -> contacts.findOrCreate(channel, externalId).id);
        send(contactId, new Input.Text("/start"), "intake");
        walkIntake(contactId, safeToReply);
        return QuarkusTransaction.requiringNew().call(() -> intakes.find("contactId", contactId).singleResult().referenceCode);
    }

    /**
     * The person who sent {@code ref} makes a second report from the same chat (/mulai, "Laporan baru", the whole
     * intake again); returns the new reference code.
     */
    public String anotherReport(String ref) {
        long contactId = contactOf(ref);
        // The person comes back later: their earlier messages leave the flood guard's one-minute window.
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update chat_message set created_at = created_at - interval '10 minutes' where contact_id = ?1")
                    .setParameter(1, contactId).executeUpdate();
            em.createNativeQuery("update contact set flood_window_started_at = flood_window_started_at - interval '10 minutes', "
                    + "flood_noticed_at = flood_noticed_at - interval '10 minutes' where id = ?1").setParameter(1, contactId).executeUpdate();
        });
        send(contactId, new Input.Text("/mulai"), null);
        send(contactId, Input.ButtonPress.fromCallbackData("_new:new"), null);
        walk(contactId, shortVictim(true).withoutLanguage()); // the chat's language is kept, not asked again
        return QuarkusTransaction.requiringNew().call(() -> intakes.find("contactId = ?1 order by receivedAt desc, id desc", contactId)
                .firstResult().referenceCode);
    }

    /** The reference code of the one case a person (a contact, e.g. a {@code DevConversation}'s) has sent. */
    public String referenceOf(long contactId) {
        return QuarkusTransaction.requiringNew().call(() -> intakes.find("contactId", contactId).singleResult().referenceCode);
    }

    /** When the team was last told of a new message in the case's thread (null: never). */
    public Object threadNotifiedAt(String ref) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select thread_notified_at from intake where reference_code = ?1").setParameter(1, ref).getSingleResult());
    }

    /** The id of the newest inbox event (0: none yet), to read the events that come after it. */
    public long lastInboxEvent() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select coalesce(max(id), 0) from inbox_event")
                .getSingleResult()).longValue());
    }

    /** The types of the case's inbox events after event {@code after}, in order, without the case list's own ("case"). */
    @SuppressWarnings("unchecked")
    public List<String> inboxEventTypesAfter(long after, String ref) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select e.type from inbox_event e join intake i on "
                + "i.id = e.intake_id where e.id > ?1 and i.reference_code = ?2 and e.type <> 'case' order by e.id")
                .setParameter(1, after).setParameter(2, ref).getResultList());
    }

    /** The contact id of the person who sent a case. */
    public long contactOf(String ref) {
        return QuarkusTransaction.requiringNew().call(() -> intakes.findByReferenceCode(ref).orElseThrow().contactId);
    }

    /** What the person sends in the chat, as the channel handlers pass it on. */
    public void survivorSends(String ref, Input input) {
        send(contactOf(ref), input, null);
    }

    private void walkIntake(long contactId, boolean safeToReply) {
        walk(contactId, shortVictim(safeToReply));
    }

    private static IntakeWalk shortVictim(boolean safeToReply) {
        return IntakeWalk.shortVictim(safeToReply, "Kronologi sintetis untuk pengujian", "no", "psychological", "legal");
    }

    /** Plays a walk on the DEV channel, as its handler passes each input on (no files). */
    private void walk(long contactId, IntakeWalk walk) {
        walk.play(data -> send(contactId, Input.ButtonPress.fromCallbackData(data), null), text -> send(contactId, new Input.Text(text), null),
                file -> {
                    throw new IllegalArgumentException("the DEV channel walk sends no files");
                });
    }

    /**
     * A DEV-channel case with every question of the intake answered (no skips): choices, a multi choice, typed
     * texts, a rough date, a several-message chronology. Synthetic. Returns the reference code.
     */
    public String fullyAnsweredCase() {
        long contactId = QuarkusTransaction.requiringNew().call(() -> contacts.findOrCreate(Channel.DEV, UUID.randomUUID().toString()).id);
        send(contactId, new Input.Text("/start"), "intake");
        walk(contactId, IntakeWalk.of("language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes", "reporter_role:victim",
                "send_now:details", "violence_type:sexual_assault", "violence_type:done", "incident_when:longer", "victim_minor:no",
                "incident_place:campus", "Kronologi sintetis bagian satu", "Kronologi sintetis bagian dua", "chronology:done",
                "biodata_offer:yes", "Sinta (nama samaran sintetis)", "age_range:18_24", "gender:female", "campus_status:lecturer",
                "Fakultas Teknik (sintetis)", "Butuh juru bahasa isyarat (sintetis)", "reported_offer:yes", "relation:lecturer",
                "Terlapor sintetis, dosen mata kuliah X", "evidence_consent:yes", "evidence:done", "Tautan sintetis: contoh.invalid/bukti",
                "evidence_links:done", "Saksi sintetis: teman sekelas", "services:psychological", "services:legal", "services:medical",
                "services:done", "Kebutuhan mendesak sintetis", "contact_offer:yes", "Sore hari (sintetis)", "Jangan telepon (sintetis)",
                "Kata sandi sintetis", "stats_consent:yes", "summary:confirm"));
        return QuarkusTransaction.requiringNew().call(() -> intakes.find("contactId", contactId).singleResult().referenceCode);
    }

    private void send(long contactId, Input input, String flow) {
        conversations.receive(contactId, input, flow);
    }

    /** Logs in through j_security_check and returns the session cookie value. */
    public static String login(String username) {
        return login(username, PASSWORD).cookie("ruangaman-session");
    }

    public static Response login(String username, String password) {
        return given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", username).formParam("j_password", password)
                .when().post("/j_security_check");
    }

    /** A request as the logged-in user, carrying the session's CSRF token (read from a rendered form) for form posts. */
    public static RequestSpecification as(String session) {
        // Follows /inbox to the account's own landing page (pimpinan land on their own list); every page's layout
        // carries the session's token in its logout form.
        String csrf = id.ruangaman.testing.CsrfForms.tokenIn(given().cookie("ruangaman-session", session)
                .when().get("/inbox").then().extract().asString());
        return given().redirects().follow(false).cookie("ruangaman-session", session)
                .contentType(ContentType.URLENC).formParam("csrf-token", csrf);
    }

    public static RequestSpecification getAs(String session) {
        return given().redirects().follow(false).cookie("ruangaman-session", session);
    }

    /** A case's transcript part ({@code /inbox/cases/{ref}/transcript}) as the session's reader sees it in {@code language}. */
    public static String transcript(String session, String ref, String language) {
        return getAs(session).cookie("ruangaman-lang", language).when().get("/inbox/cases/" + ref + "/transcript").then()
                .statusCode(200).extract().asString();
    }
}
