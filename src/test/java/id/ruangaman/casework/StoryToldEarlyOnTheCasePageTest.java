package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Role;
import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import id.ruangaman.transcript.Channel;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A survivor answers "Di mana kejadiannya?" with what happened, through the real webhooks (found by the tester): the case
 * page showed the telling beside the place, "Kata-kata pelapor: “…”", and the story question asked for it again. Now the
 * telling is the story's beginning on the case page and the printed intake form, once, with the lines added at the
 * story question after it, and nothing of it beside the place. Telegram: one telling, then the place tapped. WhatsApp:
 * two tellings (the second gets the short line, and the place is not given up on), then the place tapped. Synthetic
 * chats and words.
 */
@QuarkusTest
class StoryToldEarlyOnTheCasePageTest extends WebhookTest {

    private static final String TOLD = "jadi kemarin pas pulang kuliah dia narik tanganku ke ruangannya terus nutup pintunya (sintetis)";
    private static final String AGAIN = "terus dia ngunci pintu dan aku gak bisa ngapa-ngapain, aku cuma bisa nangis (sintetis)";
    private static final String MORE = "aku berhasil keluar waktu ada orang lewat (sintetis)";

    @Inject
    InboxFixtures fixtures;

    @Test
    void shouldShowATellingAtThePlaceQuestionAsTheStorysBeginningOnTelegram() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        chats.walkTelegram(chat, IntakeWalk.of(toldAtThePlace(List.of(TOLD, "incident_place:online")).toArray(String[]::new)));
        String ref = chats.referenceOf(chat);
        String session = counsellor("told-early-tg");

        String page = answers(page(session, "/inbox/cases/" + ref));
        assertEquals(1, count(page, TOLD), "the telling once, in the story: " + page);
        assertTrue(page.indexOf(TOLD) < page.indexOf(MORE), "the telling first, then what was added: " + page);
        assertFalse(page.contains("Kata-kata pelapor: \u201c" + TOLD), "not beside the place: " + page);
        String print = CaseworkPrintTest.visibleText(page(session, "/inbox/cases/" + ref + "/print/intake-form"));
        assertEquals(1, count(print, TOLD), print);
    }

    @Test
    void shouldKeepBothTellingsInTheStoryOnWhatsApp() {
        String number = WhatsAppFixtures.newNumber();
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "halo", null, null);
        chats.walkWhatsApp(number, IntakeWalk.of(toldAtThePlace(List.of(TOLD, AGAIN, "incident_place:online")).toArray(String[]::new)), WhatsAppFixtures::newWamid);
        String ref = chats.referenceOf(Channel.WHATSAPP, number);
        String session = counsellor("told-early-wa");

        String page = answers(page(session, "/inbox/cases/" + ref));
        assertEquals(1, count(page, TOLD), page);
        assertEquals(1, count(page, AGAIN), "the second telling in the story too: " + page);
        assertTrue(page.indexOf(TOLD) < page.indexOf(AGAIN) && page.indexOf(AGAIN) < page.indexOf(MORE), page);
        assertFalse(page.contains("Kata-kata pelapor"), page);
    }

    /**
     * The telling edited (Telegram {@code edited_message}) before the report is sent: the story holds the new words, as
     * an edited line of the story itself does, not the first ones.
     */
    @Test
    void shouldTakeAnEditOfTheTellingIntoTheStory() {
        String edited = "jadi kemarin sore pas pulang kuliah dia narik tanganku ke ruang dosen terus nutup pintunya (sintetis)";
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        List<String> steps = toldAtThePlace(List.of("incident_place:online"));
        int place = steps.indexOf("incident_place:online");
        chats.walkTelegram(chat, IntakeWalk.of(steps.subList(0, place).toArray(String[]::new)));
        long line = TelegramFixtures.nextMessageId();
        chats.send(TelegramFixtures.render("text_message.json", TelegramFixtures.newUpdateId(), chat, line, TOLD, null, null, 0), chat);
        chats.send(TelegramFixtures.render("edited_message.json", TelegramFixtures.newUpdateId(), chat, line, edited, null, null, 0), chat);
        chats.walkTelegram(chat, IntakeWalk.of(steps.subList(place, steps.size()).toArray(String[]::new)));
        String ref = chats.referenceOf(chat);

        String page = answers(page(counsellor("told-early-edit"), "/inbox/cases/" + ref));
        assertEquals(1, count(page, edited), "the story holds the edited words: " + page);
        assertEquals(0, count(page, TOLD), page);
    }

    /**
     * WhatsApp: a telling, and a line of the story, each deleted for everyone ({@code revoke}) before the report is sent
     * (found while testing): the report keeps neither. Before, the transcript line was cleared but the story still held
     * the words and sent them with the report.
     */
    @Test
    void shouldDropLinesDeletedForEveryoneFromTheStoryBeforeTheReportIsSent() {
        String taken = "jadi kemarin pas pulang kuliah dia bilang hal yang aku nggak mau sebut lagi di sini (sintetis)";
        String alsoTaken = "baris cerita sintetis yang nanti aku hapus";
        String number = WhatsAppFixtures.newNumber();
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "halo", null, null);
        List<String> steps = toldAtThePlace(List.of("incident_place:online"));
        int place = steps.indexOf("incident_place:online");
        chats.walkWhatsApp(number, IntakeWalk.of(steps.subList(0, place).toArray(String[]::new)), WhatsAppFixtures::newWamid);
        String telling = WhatsAppFixtures.newWamid();
        chats.sayWhatsApp(number, telling, "text.json", taken, null, null);
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "revoke.json", null, telling, null);
        chats.walkWhatsApp(number, IntakeWalk.of("incident_place:online"), WhatsAppFixtures::newWamid);
        String storyLine = WhatsAppFixtures.newWamid();
        chats.sayWhatsApp(number, storyLine, "text.json", alsoTaken, null, null);
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "revoke.json", null, storyLine, null);
        int story = steps.indexOf(MORE);
        chats.walkWhatsApp(number, IntakeWalk.of(steps.subList(story, steps.size()).toArray(String[]::new)), WhatsAppFixtures::newWamid);
        String ref = chats.referenceOf(Channel.WHATSAPP, number);

        String page = page(counsellor("told-early-revoke"), "/inbox/cases/" + ref);
        assertFalse(page.contains("bilang hal yang aku nggak mau sebut"), "the deleted telling is gone: " + answers(page));
        assertFalse(page.contains(alsoTaken), "the deleted story line is gone: " + answers(page));
        assertTrue(answers(page).contains(MORE), answers(page));
    }

    /** The short victim's walk with {@code atPlace} typed or tapped at the place question and {@link #MORE} as the story. */
    private static List<String> toldAtThePlace(List<String> atPlace) {
        List<String> steps = new ArrayList<>(IntakeWalk.shortVictim(true, MORE, "no", "psychological").steps().stream()
                .map(IntakeWalk.Step::value).toList());
        int place = steps.indexOf("incident_place:online");
        steps.remove(place);
        steps.addAll(place, atPlace);
        return steps;
    }

    /** The visible text of the case page's answers (its intake section, not the chat transcript). */
    private static String answers(String html) {
        Matcher section = Pattern.compile("(?s)<section class=\"intake\" id=\"intake\">.*?</section>").matcher(html);
        assertTrue(section.find(), "the case page shows the answers");
        return CaseworkPrintTest.visibleText(section.group());
    }

    private static int count(String text, String words) {
        return text.split(Pattern.quote(words), -1).length - 1;
    }

    private static String page(String session, String path) {
        return getAs(session).cookie("ruangaman-lang", "id").when().get(path).then().statusCode(200).extract().asString();
    }

    private String counsellor(String username) {
        fixtures.account(username, Role.COUNSELLOR);
        return InboxFixtures.login(username);
    }
}
