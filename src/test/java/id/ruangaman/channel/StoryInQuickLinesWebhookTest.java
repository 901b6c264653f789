package id.ruangaman.channel;

import static id.ruangaman.channel.StoryLines.EMERGENCY;
import static id.ruangaman.channel.StoryLines.LINES;
import static id.ruangaman.channel.StoryLines.SAVED;
import static id.ruangaman.channel.StoryLines.TO_THE_STORY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.channel.inbound.InboundProcessor;
import id.ruangaman.conversation.Input;
import id.ruangaman.conversation.SessionState;
import id.ruangaman.conversation.SessionStateJson;
import id.ruangaman.intake.SessionRepository;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.FakeGraph;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.TelegramChats;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.ChatMessage;
import id.ruangaman.transcript.TranscriptBody;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A story typed as people type on a phone: short lines, one after another, through the real webhooks with payloads shaped
 * as Telegram's and WhatsApp's; synthetic chats only. Before, five lines waiting at once at "ceritakan ..." got five
 * identical "Tersimpan. Lanjutkan ..." replies: unkind, and conspicuous on a phone someone else may see. Now the burst
 * gets one acknowledgement, from its last line; every line is kept; a line that says danger still gets the emergency
 * numbers; a line sent alone still gets its own acknowledgement.
 */
@QuarkusTest
class StoryInQuickLinesWebhookTest extends WebhookTest {

    @Inject
    SessionRepository sessions;
    @Inject
    InboundProcessor processor;

    @Test
    void fiveQuickLinesOnTelegramGetOneAcknowledgementAndAreAllKept() {
        long chat = storyChat();
        int before = telegram.sentTo(chat).size();

        burst(chat, LINES);

        List<String> replies = telegram.sentTo(chat).stream().skip(before).map(FakeTelegram.Call::text).toList();
        assertEquals(1, replies.size(), "one answer for the burst: " + replies);
        assertTrue(replies.get(0).startsWith(SAVED), replies.toString());
        assertEquals(LINES, state(Channel.TELEGRAM, String.valueOf(chat)).draft().parts(), "every line is part of the story");
        List<String> typed = typed(Channel.TELEGRAM, String.valueOf(chat));
        assertEquals(LINES, typed.subList(typed.size() - 5, typed.size()), "every line is in the transcript, in order");
    }

    @Test
    void fiveQuickLinesOnWhatsAppGetOneAcknowledgementAndAreAllKept() {
        String number = WhatsAppFixtures.newNumber();
        chats.walkWhatsApp(number, IntakeWalk.of("halo").then(TO_THE_STORY), WhatsAppFixtures::newWamid);
        int before = graph.sentTo(number).size();
        List<String> messages = new ArrayList<>();
        String last = null;
        for (String line : LINES) { // one webhook call holding the five lines, as WhatsApp batches messages sent quickly
            last = WhatsAppFixtures.newWamid();
            messages.add(WhatsAppFixtures.message("text.json", number, last, line, null, null));
        }
        chats.sendWhatsApp(WhatsAppFixtures.payload(number, messages), last, number);

        List<String> replies = graph.sentTo(number).stream().skip(before).map(FakeGraph.Sent::text).toList();
        assertEquals(1, replies.size(), "one answer for the burst: " + replies);
        assertTrue(replies.get(0).startsWith(SAVED), replies.toString());
        assertEquals(LINES, state(Channel.WHATSAPP, number).draft().parts(), "every line is part of the story");
        List<String> typed = typed(Channel.WHATSAPP, number);
        assertEquals(LINES, typed.subList(typed.size() - 5, typed.size()), "every line is in the transcript, in order");
    }

    @Test
    void aLineThatSaysDangerInTheMiddleOfABurstStillGetsTheNumbers() {
        long chat = storyChat();
        int before = telegram.sentTo(chat).size();
        List<String> lines = List.of("Jadi gini kak", "kejadiannya sore di lab", "dia bilang nanti malam dia datang lagi ke kos",
                "aku takut", "aku langsung keluar");

        burst(chat, lines);

        List<String> replies = telegram.sentTo(chat).stream().skip(before).map(FakeTelegram.Call::text).toList();
        assertEquals(2, replies.size(), "the numbers with the danger line, one acknowledgement at the end: " + replies);
        assertTrue(replies.get(0).startsWith(EMERGENCY), replies.toString());
        assertTrue(replies.get(1).startsWith(SAVED), replies.toString());
        SessionState state = state(Channel.TELEGRAM, String.valueOf(chat));
        assertTrue(state.dangerSaid(), "the report to come is flagged as in danger");
        assertEquals(lines, state.draft().parts());
    }

    @Test
    void aLineSentAloneAndThenAnotherEachGetTheirAcknowledgement() {
        long chat = storyChat();
        int before = telegram.sentTo(chat).size();

        chats.sayTelegram(chat, "Jadi gini kak");
        chats.sayTelegram(chat, "kejadiannya sore di lab");

        List<String> replies = telegram.sentTo(chat).stream().skip(before).map(FakeTelegram.Call::text).toList();
        assertEquals(2, replies.size(), "nothing was waiting: each line is answered: " + replies);
        assertTrue(replies.stream().allMatch(reply -> reply.startsWith(SAVED)), replies.toString());
    }

    @Test
    void aBurstThatEndsWithDoneGoesOnToTheNextQuestion() {
        long chat = storyChat();
        int before = telegram.sentTo(chat).size();

        burst(chat, List.of("Jadi gini kak", "kejadiannya sore di lab", "udah"));

        List<String> replies = telegram.sentTo(chat).stream().skip(before).map(FakeTelegram.Call::text).toList();
        assertTrue(replies.stream().noneMatch(reply -> reply.startsWith(SAVED)), "no acknowledgement left over: " + replies);
        assertEquals(1, replies.size(), "the next question only: " + replies);
        SessionState state = state(Channel.TELEGRAM, String.valueOf(chat));
        assertEquals("biodata_offer", state.nodeId());
        assertEquals(List.of("Jadi gini kak", "kejadiannya sore di lab"), state.answers().get("chronology").parts());
    }

    /**
     * Only the person's very next message counts: a story line followed by a press of "Selesai" keeps its
     * acknowledgement, however many typed answers wait after the press (a backlog after a restart: before, the name
     * typed two steps later took the story line's "Tersimpan" away).
     */
    @Test
    void aLineFollowedByAPressOfDoneKeepsItsAcknowledgementWhateverWaitsAfter() {
        long chat = storyChat();
        int before = telegram.sentTo(chat).size();
        processor.pause();
        try {
            for (String update : List.of(TelegramFixtures.text(chat, "Jadi gini kak"), TelegramFixtures.button(chat, "chronology:done"),
                    TelegramFixtures.button(chat, "biodata_offer:yes"), TelegramFixtures.text(chat, "Sari"))) {
                TelegramChats.post(update).then().statusCode(200);
            }
        } finally {
            processor.resume();
        }
        Eventually.await("the story and the name taken", Duration.ofSeconds(60),
                () -> state(Channel.TELEGRAM, String.valueOf(chat)).answers().containsKey("name"));
        Eventually.await("replies sent", Duration.ofSeconds(60), () -> chats.outboxDrained(chat));

        List<String> replies = telegram.sentTo(chat).stream().skip(before).map(FakeTelegram.Call::text).toList();
        assertTrue(replies.get(0).startsWith(SAVED), "the story line is acknowledged: " + replies);
        assertEquals(1, replies.stream().filter(reply -> reply.startsWith(SAVED)).count(), replies.toString());
    }

    /**
     * The story told in quick lines at an earlier question ("Di mana kejadiannya?", found by the tester): the first line
     * gets the thanks and the question again, the rest of the burst one short "Tersimpan di ceritamu", not one each; every
     * line goes to the story, also the short ones after the first.
     */
    @Test
    void aStoryToldInQuickLinesAtTheQuestionBeforeItGetsTheThanksAndOneShortLine() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.text(chat, "/start"), chat);
        List<String> toPlace = TO_THE_STORY.steps().stream().map(IntakeWalk.Step::value).filter(step -> !step.startsWith("incident_place:")).toList();
        chats.walkTelegram(chat, IntakeWalk.of(toPlace.toArray(String[]::new)));
        int before = telegram.sentTo(chat).size();
        List<String> lines = List.of("jadi kemarin pas aku pulang kuliah dia narik tanganku ke ruangannya terus nutup pintunya",
                "aku takut banget waktu itu", "aku mandi berkali kali tapi tetep ngerasa kotor", "aku takut hamil kak");

        burst(chat, lines);

        List<String> replies = telegram.sentTo(chat).stream().skip(before).map(FakeTelegram.Call::text).toList();
        assertEquals(2, replies.size(), "the thanks with the question, then one short line: " + replies);
        assertTrue(replies.get(0).startsWith("Terima kasih sudah bercerita.") && replies.get(0).contains("Di mana kejadiannya?"), replies.toString());
        assertEquals("Tersimpan di ceritamu. Kalau sudah, jawab pertanyaan di atas ya.", replies.get(1));
        SessionState state = state(Channel.TELEGRAM, String.valueOf(chat));
        assertEquals("incident_place", state.nodeId(), "the place is still asked, never given up on");
        assertEquals(lines, state.answers().get("chronology").parts(), "every line is part of the story");
    }

    private long storyChat() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.text(chat, "/start"), chat);
        chats.walkTelegram(chat, TO_THE_STORY);
        return chat;
    }

    /**
     * The lines as Telegram posts them when a person types fast or the phone was offline: back to back. The test's own
     * posts may be further apart than the service takes to answer one on a loaded machine, so processing is held until
     * all are stored, as they are when the platform delivers a burst.
     */
    private void burst(long chat, List<String> lines) {
        List<Long> updates = new ArrayList<>();
        processor.pause();
        try {
            for (String line : lines) {
                long update = TelegramFixtures.newUpdateId();
                updates.add(update);
                TelegramChats.post(TelegramFixtures.render("text_message.json", update, chat, TelegramFixtures.nextMessageId(),
                        line, null, null, 0)).then().statusCode(200);
            }
        } finally {
            processor.resume();
        }
        for (long update : updates) {
            Eventually.await("update processed", Duration.ofSeconds(60), () -> "DONE".equals(chats.status(update)));
        }
        Eventually.await("replies sent", Duration.ofSeconds(60), () -> chats.outboxDrained(chat));
    }

    /** The texts the person typed, as the transcript holds them, in order. */
    private List<String> typed(Channel channel, String externalId) {
        return chats.transcript(channel, externalId).stream()
                .filter(line -> line.direction == ChatMessage.Direction.IN && "text".equals(line.kind))
                .map(line -> TranscriptBody.input(line).map(input -> ((Input.Text) input).text()).orElse(null)).toList();
    }

    private SessionState state(Channel channel, String externalId) {
        long contactId = chats.contact(channel, externalId).id;
        return QuarkusTransaction.requiringNew().call(() -> SessionStateJson.read(sessions.findByContact(contactId).orElseThrow().state));
    }
}
