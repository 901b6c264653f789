package id.ruangaman.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.conversation.SessionState;
import id.ruangaman.conversation.SessionStateJson;
import id.ruangaman.intake.Intake;
import id.ruangaman.intake.IntakeRepository;
import id.ruangaman.intake.SessionRepository;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.FakeGraph;
import id.ruangaman.testing.FakePlatforms;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import id.ruangaman.transcript.Channel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A line the person changed is read for danger as a new line is, over the platforms' real webhook payloads (Telegram
 * {@code edited_message}; WhatsApp {@code messages[].type} "edit"); synthetic chats and texts. Before, "aku baik" edited
 * into "dia di depan pintu, aku takut" was recorded as an edit and nothing more: no emergency numbers, no word of danger
 * to the team, the case not marked. Now the same as a new line: the numbers once, the team's notice that says danger, the
 * case in danger (during an intake, the report to come flagged). A change of a line that said danger already sends the
 * numbers no second time; a calm change sends nothing.
 */
@QuarkusTest
class EditedLineDangerWebhookTest extends WebhookTest {

    private static final String EMERGENCY = "Keselamatan yang paling penting.";
    private static final String DANGER = "dia di depan pintu, aku takut";

    @Inject
    IntakeRepository intakes;
    @Inject
    SessionRepository sessions;

    @Test
    void aThreadLineEditedIntoDangerGetsTheNumbersTheNoticeAndMarksTheCase() {
        long chat = chats.reportedTelegramChat("Kejadiannya di kampus.");
        String ref = chats.referenceOf(chat);
        long line = chats.sayTelegram(chat, "aku baik");
        int before = telegram.sentTo(chat).size();
        assertFalse(intake(Channel.TELEGRAM, String.valueOf(chat)).inDanger);

        chats.editTelegram(chat, line, DANGER);

        List<String> replies = texts(telegram.sentTo(chat), before);
        assertEquals(1, replies.size(), "the numbers, as for a new line: " + replies);
        assertTrue(replies.get(0).startsWith(EMERGENCY), replies.toString());
        assertTrue(intake(Channel.TELEGRAM, String.valueOf(chat)).inDanger, "the counsellor sees the case in danger");
        Eventually.await("the team told of danger on " + ref, Duration.ofSeconds(60), () -> telegram.sentTo(FakePlatforms.TEAM_CHAT)
                .stream().anyMatch(call -> call.text() != null && call.text().contains(ref) && call.text().contains("menyebut bahaya")));
    }

    @Test
    void anEditThatStaysInDangerDoesNotSendTheNumbersAgain() {
        long chat = chats.reportedTelegramChat("Kejadiannya di kos.");
        long line = chats.sayTelegram(chat, "dia di depan pintu");
        assertEquals(1, texts(telegram.sentTo(chat), 0).stream().filter(text -> text.contains(EMERGENCY)).count(),
                "the new line got the numbers");
        int before = telegram.sentTo(chat).size();

        chats.editTelegram(chat, line, "dia di depan pintu kos, aku takut");

        assertTrue(texts(telegram.sentTo(chat), before).stream().noneMatch(text -> text.contains(EMERGENCY)),
                "not a second time: " + texts(telegram.sentTo(chat), before));
    }

    @Test
    void aCalmEditSendsNothing() {
        long chat = chats.reportedTelegramChat("Kejadiannya di lab.");
        long line = chats.sayTelegram(chat, "aku baik");
        int before = telegram.sentTo(chat).size();

        chats.editTelegram(chat, line, "aku baik-baik saja kok");

        assertEquals(List.of(), texts(telegram.sentTo(chat), before));
        assertFalse(intake(Channel.TELEGRAM, String.valueOf(chat)).inDanger);
    }

    @Test
    void aStoryLineEditedIntoDangerDuringTheIntakeGetsTheNumbersAndFlagsTheReport() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.text(chat, "/start"), chat);
        chats.walkTelegram(chat, IntakeWalk.of("language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes",
                "reporter_role:victim", "send_now:details", "violence_type:unwanted_messages", "violence_type:done",
                "incident_when:longer", "victim_minor:no", "incident_place:campus"));
        long line = chats.sayTelegram(chat, "aku baik");
        int before = telegram.sentTo(chat).size();

        chats.editTelegram(chat, line, DANGER);

        List<String> replies = texts(telegram.sentTo(chat), before);
        assertEquals(1, replies.size(), replies.toString());
        assertTrue(replies.get(0).startsWith(EMERGENCY), replies.toString());
        SessionState state = state(chat);
        assertTrue(state.dangerSaid(), "the report to come is flagged as in danger");
        assertEquals("chronology", state.nodeId(), "the conversation does not go back or on");
        assertEquals(List.of(DANGER), state.draft().parts(), "the story takes the corrected words (EditedAnswers)");
    }

    /**
     * A story line typed during the first report's intake, corrected into danger after the same person sent a second
     * report: before, the second report (the one the chat was on) was marked in danger and the first, whose line it is,
     * was not. Now the first is marked, the second stays as it was, and the report to come is not flagged.
     */
    @Test
    void anIntakeLineEditedIntoDangerAfterALaterReportMarksTheReportTheLineBelongsTo() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        chats.walkTelegram(chat, IntakeWalk.of("language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes",
                "reporter_role:victim", "send_now:details", "violence_type:skip", "incident_when:skip", "victim_minor:no",
                "incident_place:online"));
        long line = chats.sayTelegram(chat, "aku baik");
        chats.walkTelegram(chat, IntakeWalk.of("chronology:done", "biodata_offer:no", "reported_offer:yes", "relation:stranger",
                "reported_person:skip", "evidence_consent:no", "services:psychological", "services:done", "urgent_need:skip",
                "contact_offer:no", "stats_consent:skip", "summary:confirm"));
        chats.send(TelegramFixtures.text(chat, "/mulai"), chat);
        chats.send(TelegramFixtures.button(chat, "_new:new"), chat);
        chats.walkTelegram(chat, IntakeWalk.of("consent:yes", "in_danger:no", "safe_to_reply:yes", "reporter_role:victim",
                "send_now:details", "violence_type:skip", "incident_when:skip", "victim_minor:no", "incident_place:online",
                "Kejadian kedua (sintetis).", "chronology:done", "biodata_offer:no", "reported_offer:yes", "relation:stranger",
                "reported_person:skip", "evidence_consent:no", "services:psychological", "services:done", "urgent_need:skip",
                "contact_offer:no", "stats_consent:skip", "summary:confirm"));
        List<Intake> reports = reports(chat);
        assertEquals(2, reports.size(), "two reports from one person");
        int before = telegram.sentTo(chat).size();

        chats.editTelegram(chat, line, DANGER);

        List<String> replies = texts(telegram.sentTo(chat), before);
        assertEquals(1, replies.size(), replies.toString());
        assertTrue(replies.get(0).startsWith(EMERGENCY), replies.toString());
        reports = reports(chat);
        assertTrue(reports.get(0).inDanger, "the report the line was written in is in danger");
        assertFalse(reports.get(1).inDanger, "the later report is not marked for a line it does not hold");
        assertFalse(state(chat).dangerSaid(), "a report still to come is not flagged for an earlier report's line");
    }

    private List<Intake> reports(long chat) {
        long contactId = chats.contact(Channel.TELEGRAM, String.valueOf(chat)).id;
        return QuarkusTransaction.requiringNew().call(() -> intakes.find("contactId = ?1 order by id", contactId).list());
    }

    @Test
    void aWhatsAppLineEditedIntoDangerGetsTheNumbersAndMarksTheCase() {
        String number = chats.reportedWhatsAppNumber("Kejadiannya di asrama.");
        String original = WhatsAppFixtures.newWamid();
        chats.sayWhatsApp(number, original, "text.json", "aku baik", null, null);
        int before = graph.sentTo(number).size();

        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "edit_text.json", DANGER, original, null);

        List<String> replies = graph.sentTo(number).stream().skip(before).map(FakeGraph.Sent::text).toList();
        assertEquals(1, replies.size(), replies.toString());
        assertTrue(replies.get(0).startsWith(EMERGENCY), replies.toString());
        assertTrue(intake(Channel.WHATSAPP, number).inDanger, "the counsellor sees the case in danger");
    }

    private static List<String> texts(List<FakeTelegram.Call> calls, int skip) {
        return calls.stream().skip(skip).map(FakeTelegram.Call::text).toList();
    }

    private Intake intake(Channel channel, String externalId) {
        long contactId = chats.contact(channel, externalId).id;
        return QuarkusTransaction.requiringNew().call(() -> intakes.find("contactId", contactId).singleResult());
    }

    private SessionState state(long chat) {
        long contactId = chats.contact(Channel.TELEGRAM, String.valueOf(chat)).id;
        return QuarkusTransaction.requiringNew().call(() -> SessionStateJson.read(sessions.findByContact(contactId).orElseThrow().state));
    }
}
