package id.ruangaman.channel;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Role;
import id.ruangaman.testing.FakeGraph;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.LogLines;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.ChatMessage;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What a survivor sends that the service cannot read, over both webhooks with the platforms' payload shapes (fixtures
 * {@code src/test/resources/channel/telegram/unreadable_*.json}, {@code dice.json}, and
 * {@code src/test/resources/channel/whatsapp/unsupported*.json}, {@code unknown_type.json}). Before, a WhatsApp
 * {@code unsupported} message was acknowledged and never answered, and a Telegram poll, dice, story ... got "only text
 * and buttons" during the intake and "your message reached the task force" after it, though nobody could read it. Now:
 * <ul>
 * <li>ONE kind note that this kind of message cannot be read here and that text, a photo, a voice note or a document
 * works; the question stays where it was (the next answer is taken);</li>
 * <li>never a flood: more of them within a short while are recorded and get no second note;</li>
 * <li>the transcript keeps a line per message with its kind, which the counsellor reads as a label;</li>
 * <li>a reaction and a pinned message still get no answer;</li>
 * <li>no log line names the chat or holds what was sent.</li>
 * </ul>
 */
@QuarkusTest
class UnreadableMessagesTest extends WebhookTest {

    private static final String NOTE = "Maaf, jenis pesan itu tidak bisa saya baca di sini. Kirim tulisan, foto, pesan suara, atau dokumen saja ya.";
    /** During the intake: the note, then the question again, in one message (as for a photo where no file is asked). */
    private static final String CONSENT = "Kamu setuju dan mau lanjut?";

    @Inject
    InboxFixtures fixtures;

    @ParameterizedTest(name = "Telegram {0} at consent: one note, kind {1} kept, consent still asked")
    @CsvSource({ "unreadable_poll.json, poll", "dice.json, dice", "unreadable_game.json, game", "unreadable_story.json, story",
            "unreadable_paid_media.json, paid_media", "unreadable_giveaway.json, giveaway", "unreadable_checklist.json, checklist",
            "unreadable_invoice.json, invoice" })
    void shouldAnswerWhatTelegramDeliversButNobodyCanReadWithOneNote(String fixture, String kind) {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        chats.walkTelegram(chat, IntakeWalk.of("language:id"));
        int before = telegram.sentTo(chat).size();

        chats.send(TelegramFixtures.render(fixture, chat), chat);

        assertNoteThenConsent(telegramRepliesSince(chat, before), fixture);
        ChatMessage line = lastInbound(chats.transcript(chat));
        assertEquals("unsupported", line.kind, fixture);
        assertEquals("{\"type\":\"unsupported\",\"kind\":\"" + kind + "\"}", line.body, fixture + ": only the kind is kept");

        int beforeAnswer = telegram.sentTo(chat).size();
        chats.send(TelegramFixtures.text(chat, "ya"), chat);
        assertTrue(telegramRepliesSince(chat, beforeAnswer).stream().anyMatch(text -> text.contains("bahaya sekarang")),
                fixture + ": the consent question stayed and takes the answer: " + telegramRepliesSince(chat, beforeAnswer));
    }

    @ParameterizedTest(name = "WhatsApp {0}: one note, kind {1} kept")
    @CsvSource({ "unsupported.json, unknown", "unsupported_poll_creation.json, poll", "unsupported_view_once.json, view_once",
            "unsupported_edit.json, edit", "unsupported_unavailable.json, unknown", "unknown_type.json, poll_vote" })
    void shouldAnswerWhatWhatsAppCouldNotHandOverWithOneNote(String fixture, String kind) {
        String number = WhatsAppFixtures.newNumber();
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "halo", null, null);
        chats.walkWhatsApp(number, IntakeWalk.of("language:id"), WhatsAppFixtures::newWamid);
        int before = graph.sentTo(number).size();

        String wamid = WhatsAppFixtures.newWamid();
        chats.sayWhatsApp(number, wamid, fixture, null, null, null);

        assertEquals("DONE", chats.status(Channel.WHATSAPP, wamid), fixture + ": a person's message, not ignored");
        List<FakeGraph.Sent> replies = graph.sentTo(number).subList(before, graph.sentTo(number).size());
        assertNoteThenConsent(replies.stream().map(FakeGraph.Sent::text).toList(), fixture);
        ChatMessage line = lastInbound(chats.transcript(Channel.WHATSAPP, number));
        assertEquals("{\"type\":\"unsupported\",\"kind\":\"" + kind + "\"}", line.body, fixture);

        int beforeAnswer = graph.sentTo(number).size();
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "ya", null, null);
        assertTrue(graph.sentTo(number).subList(beforeAnswer, graph.sentTo(number).size()).stream()
                .anyMatch(sent -> sent.text().contains("bahaya sekarang")), fixture + ": the consent question stayed");
    }

    @ParameterizedTest(name = "WhatsApp {0} gets no answer")
    @CsvSource({ "reaction.json", "unsupported_pin.json" })
    void shouldStillLeaveAReactionAndAPinUnanswered(String fixture) throws Exception {
        String number = WhatsAppFixtures.newNumber();
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "halo", null, null);
        int before = graph.sentTo(number).size();

        String wamid = WhatsAppFixtures.newWamid();
        chats.sayWhatsApp(number, wamid, fixture, null, null, null);

        assertEquals("IGNORED", chats.status(Channel.WHATSAPP, wamid), fixture);
        Thread.sleep(300);
        assertEquals(before, graph.sentTo(number).size(), fixture + ": needs no answer");
    }

    @Test
    void shouldSendOneNoteForSeveralUnreadableMessagesInAShortWhileAndKeepEachLine() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        chats.walkTelegram(chat, IntakeWalk.of("language:id"));
        int before = telegram.sentTo(chat).size();
        LogLines log = LogLines.everything();
        log.start();
        try {
            for (String fixture : List.of("unreadable_poll.json", "dice.json", "unreadable_story.json", "unreadable_poll.json")) {
                chats.send(TelegramFixtures.render(fixture, chat), chat);
            }
        } finally {
            log.stop();
        }

        assertEquals(List.of(), log.lines().stream().filter(line -> line.contains(String.valueOf(chat)) || line.contains("Sintetis?")
                || line.contains("Synthetic channel")).toList(), "no log line names the chat or holds the content");
        assertNoteThenConsent(telegramRepliesSince(chat, before), "one note, not four");
        assertEquals(4, chats.transcript(chat).stream().filter(line -> "unsupported".equals(line.kind)).count(),
                "every one is in the transcript");
    }

    @Test
    void shouldTellTheSurvivorAndShowTheCounsellorAnUnreadableMessageAfterTheReport() {
        long chat = chats.reportedTelegramChat("Kronologi sintetis untuk pesan yang tidak terbaca.");
        String ref = chats.referenceOf(chat);
        int before = telegram.sentTo(chat).size();

        chats.send(TelegramFixtures.render("unreadable_poll.json", chat), chat);

        assertEquals(List.of(NOTE), telegramRepliesSince(chat, before), "the note, not 'your message reached the task force'");
        fixtures.account("unreadable-counsellor", Role.COUNSELLOR);
        String session = InboxFixtures.login("unreadable-counsellor");
        String transcript = getAs(session).cookie("ruangaman-lang", "id").when().get("/inbox/cases/" + ref + "/transcript")
                .then().statusCode(200).extract().asString();
        assertTrue(transcript.contains("[Pesan yang tidak bisa dibaca (jenis: polling)]"), "the counsellor sees the line as a label");
        String english = getAs(session).cookie("ruangaman-lang", "en").when().get("/inbox/cases/" + ref + "/transcript")
                .then().statusCode(200).extract().asString();
        assertTrue(english.contains("[Message that could not be read (kind: poll)]"), "and in English");
    }

    private static void assertNoteThenConsent(List<String> replies, String label) {
        assertEquals(1, replies.size(), label + ": one message: " + replies);
        assertTrue(replies.get(0).startsWith(NOTE + "\n\n") && replies.get(0).endsWith(CONSENT), label + ": " + replies);
    }

    private List<String> telegramRepliesSince(long chat, int before) {
        List<FakeTelegram.Call> sent = telegram.sentTo(chat);
        return sent.subList(before, sent.size()).stream().map(FakeTelegram.Call::text).toList();
    }

    private static ChatMessage lastInbound(List<ChatMessage> transcript) {
        return transcript.stream().filter(line -> line.direction == ChatMessage.Direction.IN).reduce((first, second) -> second)
                .orElseThrow();
    }
}
