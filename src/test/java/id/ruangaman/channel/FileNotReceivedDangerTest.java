package id.ruangaman.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.conversation.SessionStateJson;
import id.ruangaman.intake.Intake;
import id.ruangaman.intake.IntakeRepository;
import id.ruangaman.intake.SessionRepository;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.FakeGraph;
import id.ruangaman.testing.FakePlatforms;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.TelegramChats;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import id.ruangaman.transcript.Channel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The words written with a file that never arrived (larger than the limit, or its download failed) are read for danger
 * as a typed line is, over the platforms' real payloads (a Telegram photo whose declared {@code file_size} is over the
 * limit; a WhatsApp image whose media the Graph API does not serve); synthetic chats and captions. Before, a video sent
 * with "dia di depan pintu, aku takut" that was too big got only "Maaf, file itu terlalu besar": no emergency numbers,
 * no word of danger to the team, the case not marked, while the same words typed got all three.
 */
@QuarkusTest
class FileNotReceivedDangerTest extends WebhookTest {

    private static final String EMERGENCY = "Keselamatan yang paling penting.";
    private static final String DANGER = "dia di depan pintu, aku takut";
    private static final long TOO_LARGE = 50L * 1024 * 1024;

    @Inject
    IntakeRepository intakes;
    @Inject
    SessionRepository sessions;

    @Test
    void aTooLargeFileWithDangerInItsCaptionGetsTheNumbersAndMarksTheCaseOnTelegram() {
        long chat = chats.reportedTelegramChat("Kejadiannya di kos.");
        String ref = chats.referenceOf(chat);
        int before = telegram.sentTo(chat).size();

        sendTelegramPhoto(chat, "big-" + chat, TOO_LARGE, DANGER);

        List<String> replies = texts(telegram.sentTo(chat), before);
        assertTrue(replies.stream().anyMatch(text -> text.contains(EMERGENCY)), "the emergency numbers: " + replies);
        assertTrue(replies.stream().anyMatch(text -> text.contains("terlalu besar")), "the file's note: " + replies);
        assertTrue(intake(Channel.TELEGRAM, String.valueOf(chat)).inDanger, "the counsellor sees the case in danger");
        Eventually.await("the team told of danger on " + ref, Duration.ofSeconds(60), () -> telegram.sentTo(FakePlatforms.TEAM_CHAT)
                .stream().anyMatch(call -> call.text() != null && call.text().contains(ref) && call.text().contains("menyebut bahaya")));
    }

    @Test
    void aCalmCaptionOnATooLargeFileSendsOnlyTheNote() {
        long chat = chats.reportedTelegramChat("Kejadiannya di perpustakaan.");
        int before = telegram.sentTo(chat).size();

        sendTelegramPhoto(chat, "big-" + chat, TOO_LARGE, "rekaman layar chat dia");

        List<String> replies = texts(telegram.sentTo(chat), before);
        assertEquals(1, replies.size(), replies.toString());
        assertTrue(replies.get(0).contains("terlalu besar"), replies.toString());
        assertFalse(intake(Channel.TELEGRAM, String.valueOf(chat)).inDanger);
    }

    @Test
    void aTooLargeFileWithDangerInItsCaptionAtTheEvidenceQuestionFlagsTheReportToCome() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.text(chat, "/start"), chat);
        chats.walkTelegram(chat, IntakeWalk.of("language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes",
                "reporter_role:victim", "send_now:details", "violence_type:skip", "incident_when:skip", "victim_minor:no",
                "incident_place:online", "Kejadian (sintetis).", "chronology:done", "biodata_offer:no", "reported_offer:no",
                "evidence_consent:yes"));
        int before = telegram.sentTo(chat).size();

        sendTelegramPhoto(chat, "big-" + chat, TOO_LARGE, DANGER);

        List<String> replies = texts(telegram.sentTo(chat), before);
        assertTrue(replies.stream().anyMatch(text -> text.contains(EMERGENCY)), "the emergency numbers: " + replies);
        long contactId = chats.contact(Channel.TELEGRAM, String.valueOf(chat)).id;
        var state = QuarkusTransaction.requiringNew()
                .call(() -> SessionStateJson.read(sessions.findByContact(contactId).orElseThrow().state));
        assertTrue(state.dangerSaid(), "the report to come is flagged as in danger");
        assertEquals("evidence", state.nodeId(), "the conversation stays at the evidence question");
    }

    @Test
    void aFileThatCouldNotBeFetchedWithDangerInItsCaptionGetsTheNumbersOnWhatsApp() {
        String number = chats.reportedWhatsAppNumber("Kejadiannya di asrama.");
        int before = graph.sentTo(number).size();
        String wamid = WhatsAppFixtures.newWamid();
        String message = WhatsAppFixtures.message("image.json", number, wamid, null, null, "missing-media-" + number)
                .replace("tangkapan layar", DANGER); // the fake knows no such media: the lookup fails
        WhatsAppFixtures.post(WhatsAppFixtures.payload(number, List.of(message))).then().statusCode(200);
        Eventually.await("update processed", Duration.ofSeconds(40), () -> "DONE".equals(chats.status(Channel.WHATSAPP, wamid)));
        Eventually.await("replies sent", Duration.ofSeconds(30), () -> chats.outboxDrained(Channel.WHATSAPP, number));

        List<String> replies = graph.sentTo(number).stream().skip(before).map(FakeGraph.Sent::text).toList();
        assertTrue(replies.stream().anyMatch(text -> text != null && text.contains(EMERGENCY)), "the emergency numbers: " + replies);
        assertTrue(intake(Channel.WHATSAPP, number).inDanger, "the counsellor sees the case in danger");
    }

    private void sendTelegramPhoto(long chat, String fileId, long size, String caption) {
        long update = TelegramFixtures.newUpdateId();
        TelegramChats.post(TelegramFixtures.render("photo.json", update, chat, TelegramFixtures.nextMessageId(), null, null,
                fileId, size).replace("tangkapan layar", caption)).then().statusCode(200);
        Eventually.await("update processed", Duration.ofSeconds(40), () -> "DONE".equals(chats.status(update)));
        Eventually.await("replies sent", Duration.ofSeconds(30), () -> chats.outboxDrained(chat));
    }

    private static List<String> texts(List<FakeTelegram.Call> calls, int skip) {
        return calls.stream().skip(skip).map(FakeTelegram.Call::text).filter(text -> text != null).toList();
    }

    private Intake intake(Channel channel, String externalId) {
        long contactId = chats.contact(channel, externalId).id;
        return QuarkusTransaction.requiringNew().call(() -> intakes.find("contactId", contactId).singleResult());
    }
}
