package id.ruangaman.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Role;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WhatsAppFixtures;
import id.ruangaman.transcript.Channel;
import id.ruangaman.testing.WebhookTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;

/**
 * A line the person edits (Telegram {@code edited_message}) while their report is still being written reaches the
 * report: the summary they confirm and the case page's Kronologi say the new words. Before, a tester told the story
 * "Waktu itu di lab lantai 3", edited it into "Waktu itu di lab lantai 4, bukan 3", and the summary and the case page
 * still said "lantai 3"; only the transcript showed the correction. Through the real webhook; synthetic chats and texts.
 */
@QuarkusTest
class EditedLineReachesTheReportTest extends WebhookTest {

    private static final List<String> TO_THE_STORY = List.of("language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes",
            "reporter_role:victim", "send_now:details", "violence_type:skip", "incident_when:skip", "victim_minor:no",
            "incident_place:online");

    @Inject
    InboxFixtures fixtures;

    @Inject
    IntakeRepository intakes;

    @Test
    void aStoryLineEditedBeforeTheSummaryIsWhatTheSummaryAndTheCasePageSay() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        chats.walkTelegram(chat, IntakeWalk.of(TO_THE_STORY.toArray(String[]::new)));
        long line = chats.sayTelegram(chat, "Waktu itu di lab lantai 3");
        chats.editTelegram(chat, line, "Waktu itu di lab lantai 4, bukan 3");
        chats.walkTelegram(chat, IntakeWalk.of("chronology:done", "biodata_offer:no", "reported_offer:yes", "relation:stranger",
                "reported_person:skip", "evidence_consent:no", "services:psychological", "services:done", "urgent_need:skip",
                "contact_offer:no"));
        int before = telegram.sentTo(chat).size();
        chats.walkTelegram(chat, IntakeWalk.of("stats_consent:skip"));

        String summary = String.join("\n", texts(telegram.sentTo(chat), before));
        assertTrue(summary.contains("lantai 4, bukan 3"), "the summary says the corrected story: " + summary);
        assertFalse(summary.contains("lantai 3"), "and not the words corrected: " + summary);

        chats.walkTelegram(chat, IntakeWalk.of("summary:confirm"));
        String page = casePage(chats.referenceOf(chat), "edit-story-reader");
        assertTrue(page.contains("lantai 4, bukan 3"), "the case page's Kronologi says the corrected story");
    }

    @Test
    void aSingleTextAnswerEditedBeforeTheSummaryIsWhatTheSummarySays() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        chats.walkTelegram(chat, IntakeWalk.of(TO_THE_STORY.toArray(String[]::new)));
        chats.sayTelegram(chat, "Kronologi sintetis satu baris");
        chats.walkTelegram(chat, IntakeWalk.of("chronology:done", "biodata_offer:no", "reported_offer:yes", "relation:stranger"));
        long description = chats.sayTelegram(chat, "Pria tinggi berkacamata hitam");
        chats.editTelegram(chat, description, "Pria pendek berkacamata bening");
        chats.walkTelegram(chat, IntakeWalk.of("evidence_consent:no", "services:psychological", "services:done",
                "urgent_need:skip", "contact_offer:no"));
        int before = telegram.sentTo(chat).size();
        chats.walkTelegram(chat, IntakeWalk.of("stats_consent:skip"));

        String summary = String.join("\n", texts(telegram.sentTo(chat), before));
        assertTrue(summary.contains("Pria pendek berkacamata bening"), "the summary says the corrected description: " + summary);
        assertFalse(summary.contains("tinggi berkacamata hitam"), summary);
    }

    /**
     * Of two identical story lines only the one edited changes (Telegram {@code edited_message}, matched by its
     * {@code message_id}). Before, an edit changed every part reading the same words: "iya ... iya" edited at its end
     * became "tidak, aku menolak ... tidak, aku menolak".
     */
    @Test
    void ofTwoIdenticalStoryLinesOnlyTheOneEditedChanges() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        chats.walkTelegram(chat, IntakeWalk.of(TO_THE_STORY.toArray(String[]::new)));
        chats.sayTelegram(chat, "iya");
        chats.sayTelegram(chat, "lalu dia pergi");
        long second = chats.sayTelegram(chat, "iya");
        chats.editTelegram(chat, second, "tidak, aku menolak");
        chats.walkTelegram(chat, IntakeWalk.of("chronology:done", "biodata_offer:no", "reported_offer:yes", "relation:stranger",
                "reported_person:skip", "evidence_consent:no", "services:psychological", "services:done", "urgent_need:skip",
                "contact_offer:no", "stats_consent:skip", "summary:confirm"));

        assertEquals(List.of("iya", "lalu dia pergi", "tidak, aku menolak"), storyOf(Channel.TELEGRAM, String.valueOf(chat)));
    }

    /**
     * WhatsApp {@code edit} (matched by {@code edit.original_message_id}): a story line longer than the question takes,
     * kept in two parts, is replaced whole when edited; the identical line after it is edited on its own, found where it
     * moved to. Before, the split line was not found (its words are in no one part) and the report kept it unchanged,
     * and the edit of the last "iya" changed the first one too.
     */
    @Test
    void aWhatsAppStoryLineSplitInPartsIsReplacedWholeAndTheLinesAfterItStayTheirs() {
        String number = WhatsAppFixtures.newNumber();
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "halo", null, null);
        chats.walkWhatsApp(number, IntakeWalk.of(TO_THE_STORY.toArray(String[]::new)), WhatsAppFixtures::newWamid);
        String longLine = "kalimat sintetis yang panjang sekali ".repeat(120).strip(); // over the 4,000 characters of a part
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "iya", null, null);
        String split = WhatsAppFixtures.newWamid();
        chats.sayWhatsApp(number, split, "text.json", longLine, null, null);
        String last = WhatsAppFixtures.newWamid();
        chats.sayWhatsApp(number, last, "text.json", "iya", null, null);

        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "edit_text.json", "versi pendek", split, null);
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "edit_text.json", "tidak, aku menolak", last, null);
        chats.walkWhatsApp(number, IntakeWalk.of("chronology:done", "biodata_offer:no", "reported_offer:yes", "relation:stranger",
                "reported_person:skip", "evidence_consent:no", "services:psychological", "services:done", "urgent_need:skip",
                "contact_offer:no", "stats_consent:skip", "summary:confirm"), WhatsAppFixtures::newWamid);

        assertEquals(List.of("iya", "versi pendek", "tidak, aku menolak"), storyOf(Channel.WHATSAPP, number));
    }

    /** The story of the chat's report, as the report keeps it: its parts, in order. */
    private List<String> storyOf(Channel channel, String externalId) {
        long contactId = chats.contact(channel, externalId).id;
        String answers = QuarkusTransaction.requiringNew().call(() -> intakes.find("contactId", contactId).singleResult().answers);
        return IntakeRecord.read(answers).values().stream().filter(component -> component.containsKey("chronology"))
                .map(component -> component.get("chronology").parts()).findFirst().orElse(List.of());
    }

    private String casePage(String ref, String username) {
        fixtures.account(username, Role.COUNSELLOR);
        String session = InboxFixtures.login(username);
        return InboxFixtures.getAs(session).when().get("/inbox/cases/" + ref).then().statusCode(200).extract().asString();
    }

    private static List<String> texts(List<FakeTelegram.Call> calls, int skip) {
        return calls.stream().skip(skip).map(FakeTelegram.Call::text).filter(t -> t != null).toList();
    }
}
