package id.ruangaman.inbox;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import id.ruangaman.security.Role;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.FakePlatforms;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.TelegramChats;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.ChatMessage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A survivor's edit reaches the team as a new message in the case's thread does, over the platforms' real webhook
 * payloads (Telegram {@code edited_message} with {@code edit_date}; WhatsApp {@code messages[].type} "edit"): one live
 * event {@code person_wrote} for the case (the open page refreshes, a list that hides the case counts it), one unread
 * message in the case list, and the team's content-free notice ("Pesan baru dari pelapor"). Before, an edit told the
 * team nothing, and an edit of what the survivor typed during the intake, sent after the report, was filed under no
 * case at all (the next conversation's number): the case page, the list and the team never saw it. A live location's
 * position updates still record and notify nothing. Synthetic chats, numbers and texts.
 */
@QuarkusTest
class EditReachesTheTeamTest extends WebhookTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String CHRONOLOGY = "Kronologi sintetis: kejadian tanggal 13 Maret.";
    private static final String CORRECTION = "Kronologi sintetis: kejadian tanggal 12 Maret, bukan 13.";

    @Inject
    InboxFixtures fixtures;
    @Inject
    EntityManager em;

    @Test
    void shouldFileAndAnnounceAnEditOfWhatTheSurvivorTypedDuringTheIntake() {
        long chat = chats.reportedTelegramChat(CHRONOLOGY);
        String ref = chats.referenceOf(chat);
        ChatMessage typed = chats.transcript(chat).stream().filter(m -> m.direction == ChatMessage.Direction.IN && m.body != null
                && m.body.contains(CHRONOLOGY)).findFirst().orElseThrow();
        String session = counsellor("edits-team-tg");
        long unread = unread(session, ref);
        long after = fixtures.lastInboxEvent();

        String edit = TelegramFixtures.render("edited_message.json", TelegramFixtures.newUpdateId(), chat,
                Long.parseLong(typed.providerMessage), CORRECTION, null, null, 0);
        chats.send(edit, chat);
        chats.send(edit, chat); // the platform's retry of the same update: absorbed

        assertEquals("DONE", chats.status(TelegramChats.updateIdOf(edit)));
        assertEquals(List.of(InboxEventRecorder.PERSON_WROTE), fixtures.inboxEventTypesAfter(after, ref), "one live event for the case");
        assertEquals(unread + 1, unread(session, ref), "one more unread message in the case list");
        assertTeamToldOnce(ref);
        String transcript = getAs(session).cookie("ruangaman-lang", "id").when().get("/inbox/cases/" + ref + "/transcript")
                .then().statusCode(200).extract().asString();
        assertTrue(transcript.contains(CORRECTION), "the correction is on the case's page");
    }

    @Test
    void shouldAnnounceAWhatsAppEditInTheCasesThread() {
        String number = chats.reportedWhatsAppNumber("Kronologi sintetis WhatsApp.");
        String ref = chats.referenceOf(Channel.WHATSAPP, number);
        String original = WhatsAppFixtures.newWamid();
        chats.sayWhatsApp(number, original, "text.json", "Pelakunya teman sekelas (sintetis)", null, null);
        quietPeriodOver(ref);
        String session = counsellor("edits-team-wa");
        long unread = unread(session, ref);
        long after = fixtures.lastInboxEvent();

        String wamid = WhatsAppFixtures.newWamid();
        chats.sayWhatsApp(number, wamid, "edit_text.json", "Pelakunya kakak tingkat (sintetis)", original, null);

        assertEquals("DONE", chats.status(Channel.WHATSAPP, wamid));
        assertEquals(List.of(InboxEventRecorder.PERSON_WROTE), fixtures.inboxEventTypesAfter(after, ref), "one live event for the case");
        assertEquals(unread + 1, unread(session, ref), "one more unread message in the case list");
        assertTeamToldOnce(ref);
    }

    @Test
    void shouldNotAnnounceALiveLocationsMoves() {
        long chat = chats.reportedTelegramChat("Kronologi sintetis lokasi.");
        String ref = chats.referenceOf(chat);
        long messageId = TelegramFixtures.nextMessageId();
        chats.send(TelegramFixtures.render("location.json", TelegramFixtures.newUpdateId(), chat, messageId, null, null, null, 0), chat);
        quietPeriodOver(ref);
        String session = counsellor("edits-team-loc");
        long unread = unread(session, ref);
        long after = fixtures.lastInboxEvent();

        for (int i = 0; i < 3; i++) {
            String move = TelegramFixtures.render("edited_live_location.json", TelegramFixtures.newUpdateId(), chat, messageId,
                    null, null, null, 0);
            chats.send(move, chat);
            assertEquals("IGNORED", chats.status(TelegramChats.updateIdOf(move)));
        }

        assertEquals(List.of(), fixtures.inboxEventTypesAfter(after, ref), "no live event");
        assertEquals(unread, unread(session, ref), "nothing unread");
        assertEquals(null, fixtures.threadNotifiedAt(ref), "the team is not told");
    }

    /** The team hears of the case's new message once more, code and link only, without the survivor's words. */
    private void assertTeamToldOnce(String ref) {
        Eventually.await("the team told of " + ref, WAIT, () -> newMessageNotices(ref).size() > earlierNotices);
        List<FakeTelegram.Call> told = newMessageNotices(ref);
        assertEquals(earlierNotices + 1, told.size(), "one notice");
        assertFalse(told.get(told.size() - 1).text().contains("sintetis"), "no content in the notice");
    }

    private List<FakeTelegram.Call> newMessageNotices(String ref) {
        return telegram.sentTo(FakePlatforms.TEAM_CHAT).stream()
                .filter(call -> call.text() != null && call.text().contains("New message") && call.text().contains(ref)).toList();
    }

    /** The notices the team already had of the thread's message (sent); then as if the team's quiet period had passed. */
    private void quietPeriodOver(String ref) {
        Eventually.await("the team told of the thread's message", WAIT, () -> newMessageNotices(ref).size() == 1);
        earlierNotices = 1;
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update intake set thread_notified_at = null where reference_code = ?1").setParameter(1, ref).executeUpdate());
    }

    /** Notices of a new message the team had of the case before the edit. */
    private int earlierNotices;

    private String counsellor(String username) {
        fixtures.account(username, Role.COUNSELLOR);
        return InboxFixtures.login(username);
    }

    /** The unread count the case list shows for {@code ref} (0 when it shows none). */
    private static long unread(String session, String ref) {
        String list = getAs(session).cookie("ruangaman-lang", "id").when().get("/inbox?ref=" + ref).then().statusCode(200)
                .extract().asString();
        Matcher row = Pattern.compile("(?s)<tr[^>]*data-ref=\"" + Pattern.quote(ref) + "\">(.*?)</tr>").matcher(list);
        assertTrue(row.find(), "no row for " + ref);
        Matcher unread = Pattern.compile("<span class=\"unread\">([0-9]+)</span>").matcher(row.group(1));
        return unread.find() ? Long.parseLong(unread.group(1)) : 0;
    }
}
