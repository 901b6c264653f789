package id.ruangaman.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.intake.IntakeRepository;
import id.ruangaman.security.Role;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.FakeGraph;
import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import id.ruangaman.transcript.Channel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Walkthrough 9, finding 13: a reporter who said the phone is not safe got the referral consent question with no neutral
 * first line; the notification preview read "Kami ingin menghubungkan kamu dengan Contoh: Pusat Krisis Perempuan ...".
 * The kind: every message the service sends after the report, on its own or in answer (the thread's acknowledgement,
 * /status, a counsellor's reply, the consent question, its re-prompt and answer, "sent", "accepted", /cabut's answers, a
 * stale button's note, /hapus's question and answer), begins with the neutral line for a discreet chat, and none does
 * for a chat that is safe. Through the signed WhatsApp webhook and the inbox's own endpoints. The referral goes to the
 * example crisis centre: the line under the neutral one named it until the referral texts moved {provider} to line two.
 */
@QuarkusTest
class DiscreetFirstLineTest extends WebhookTest {

    private static final String NEUTRAL = "Ruang Aman\n\n";
    /** The service's names and the intake's discretion.avoid_words, matched as parts of words. */
    private static final List<String> TELLING = List.of("ruang aman", "satgas", "task force", "kekerasan", "seksual", "pelecehan",
            "perkosa", "cabul", "lapor", "korban", "pelaku", "terlapor", "violence", "sexual", "harass", "rape", "abuse", "assault",
            "report", "victim", "perpetrator", "krisis", "crisis");

    @Inject
    InboxFixtures fixtures;
    @Inject
    ReferralTestData data;
    @Inject
    IntakeRepository intakes;

    private String counsellor;

    @BeforeEach
    void login() {
        fixtures.account("discreet-line-counsellor", Role.COUNSELLOR);
        counsellor = InboxFixtures.login("discreet-line-counsellor");
    }

    @Test
    void everyMessageToADiscreetChatBeginsWithTheNeutralLine() {
        Map<String, List<String>> kinds = walkEveryKind("no");
        List<String> shown = new ArrayList<>();
        kinds.forEach((kind, texts) -> {
            assertFalse(texts.isEmpty(), kind + ": nothing was sent");
            texts.stream().filter(text -> !text.startsWith(NEUTRAL)).forEach(text -> shown.add(kind + ": " + firstLine(text)));
        });
        assertTrue(shown.isEmpty(), "previews that show more than the neutral line:\n" + String.join("\n", shown));
    }

    @Test
    void theFirstLineUnderTheNeutralLineNamesNeitherTheServiceNorTheSubject() {
        // The preview shows the neutral line and then the next line: a counsellor's reply began "Konselor Satgas:".
        Map<String, List<String>> kinds = walkEveryKind("no");
        List<String> telling = new ArrayList<>();
        kinds.forEach((kind, texts) -> texts.forEach(text -> {
            String underIt = text.lines().skip(1).filter(line -> !line.isBlank()).findFirst().orElse("");
            String lower = underIt.toLowerCase(java.util.Locale.ROOT);
            TELLING.stream().filter(lower::contains).findFirst().ifPresent(word -> telling.add(kind + ": " + underIt + "  <- " + word));
        }));
        assertTrue(telling.isEmpty(), "previews that name the service or the subject:\n" + String.join("\n", telling));
    }

    @Test
    void aSafeChatGetsNoNeutralLine() {
        Map<String, List<String>> kinds = walkEveryKind("yes");
        List<String> neutral = new ArrayList<>();
        kinds.forEach((kind, texts) -> {
            assertFalse(texts.isEmpty(), kind + ": nothing was sent");
            texts.stream().filter(text -> text.startsWith("Ruang Aman\n")).forEach(text -> neutral.add(kind));
        });
        assertTrue(neutral.isEmpty(), "a safe chat got the neutral line: " + neutral);
    }

    /** One reporter's whole thread, every kind of message the service sends labelled with what led to it. */
    private Map<String, List<String>> walkEveryKind(String safeToReply) {
        String number = WhatsAppFixtures.newNumber();
        Map<String, List<String>> kinds = new LinkedHashMap<>();
        chats.walkWhatsApp(number, IntakeWalk.of("halo", "language:id", "consent:yes", "in_danger:no"), WhatsAppFixtures::newWamid);
        kinds.put("intake after the safety answer", sent(number, () -> chats.walkWhatsApp(number, IntakeWalk.of("safe_to_reply:" + safeToReply,
                "reporter_role:victim", "send_now:now", "stats_consent:skip", "summary:confirm"), WhatsAppFixtures::newWamid)));
        long contactId = chats.contact(Channel.WHATSAPP, number).id;
        String ref = QuarkusTransaction.requiringNew().call(() -> intakes.find("contactId", contactId).singleResult().referenceCode);

        kinds.put("thread acknowledgement", sent(number, () -> type(number, "kak, ini tambahan ceritaku")));
        kinds.put("/status", sent(number, () -> type(number, "/status")));
        kinds.put("counsellor's reply", sent(number, () -> InboxFixtures.as(counsellor).formParam("text", "Halo, apa kabar hari ini?")
                .formParam("acknowledge_unsafe", "yes").when().post("/inbox/cases/" + ref + "/reply").then().statusCode(303)));
        long[] referral = new long[1];
        kinds.put("consent question", sent(number, () -> referral[0] = draftAndAsk(ref)));
        kinds.put("consent re-prompt", sent(number, () -> type(number, "hmm sebentar")));
        kinds.put("consent given", sent(number, () -> type(number, "iya boleh")));
        assertEquals("consented", data.referral(referral[0]).status);
        kinds.put("referral sent", sent(number, () -> status(referral[0], "sent")));
        kinds.put("referral accepted", sent(number, () -> status(referral[0], "accepted")));
        kinds.put("/cabut", sent(number, () -> type(number, "/cabut")));
        kinds.put("/cabut with nothing open", sent(number, () -> type(number, "/cabut")));
        kinds.put("stale button", sent(number, () -> chats.tapWhatsApp(number, WhatsAppFixtures.newWamid(), "send_now:details")));
        kinds.put("/hapus question", sent(number, () -> type(number, "/hapus")));
        // After erasure the number is no longer linked to a contact: wait for the answer itself.
        int before = graph.sentTo(number).size();
        type(number, "ya");
        kinds.put("/hapus answer", awaitSent(number, before));
        return kinds;
    }

    private long draftAndAsk(String ref) {
        String location = InboxFixtures.as(counsellor).formParam("provider", String.valueOf(data.provider("contoh-pusat-krisis")))
                .formParam("service", "psychological").formParam("part", "chronology")
                .when().post("/inbox/cases/" + ref + "/referrals").then().statusCode(303).extract().header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        InboxFixtures.as(counsellor).formParam("acknowledge_unsafe", "yes").when().post("/inbox/referrals/" + id + "/ask")
                .then().statusCode(303);
        return id;
    }

    private void status(long referral, String to) {
        InboxFixtures.as(counsellor).formParam("status", to).formParam("acknowledge_unsafe", "yes")
                .when().post("/inbox/referrals/" + referral + "/status").then().statusCode(303);
    }

    private void type(String number, String text) {
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", text, null, null);
    }

    /** The texts the number received while {@code action} ran (the outbox drained). */
    private List<String> sent(String number, Runnable action) {
        int before = graph.sentTo(number).size();
        action.run();
        Eventually.await("outbox of " + number + " drained", java.time.Duration.ofSeconds(30),
                () -> chats.outboxDrained(Channel.WHATSAPP, number));
        List<String> texts = new ArrayList<>();
        graph.sentTo(number).stream().skip(before).forEach(message -> texts.add(message.text()));
        return texts;
    }

    private List<String> awaitSent(String number, int before) {
        try {
            return graph.awaitSent(number, before + 1, java.time.Duration.ofSeconds(60)).stream().skip(before).map(FakeGraph.Sent::text).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("");
    }
}
