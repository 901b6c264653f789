package id.ruangaman.intake;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Role;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
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

    private String casePage(String ref, String username) {
        fixtures.account(username, Role.COUNSELLOR);
        String session = InboxFixtures.login(username);
        return InboxFixtures.getAs(session).when().get("/inbox/cases/" + ref).then().statusCode(200).extract().asString();
    }

    private static List<String> texts(List<FakeTelegram.Call> calls, int skip) {
        return calls.stream().skip(skip).map(FakeTelegram.Call::text).filter(t -> t != null).toList();
    }
}
