package id.ruangaman.channel;

import static id.ruangaman.channel.StoryLines.EMERGENCY;
import static id.ruangaman.channel.StoryLines.LINES;
import static id.ruangaman.channel.StoryLines.SAVED;
import static id.ruangaman.channel.StoryLines.TO_THE_STORY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.conversation.Output;
import id.ruangaman.conversation.SessionState;
import id.ruangaman.conversation.SessionStateJson;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.intake.SessionRepository;
import id.ruangaman.intake.StoryAckDelay;
import id.ruangaman.security.Role;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.FakeGraph;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.ChatMessage;
import id.ruangaman.transcript.Contact;
import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.transcript.Outbox;
import id.ruangaman.transcript.TranscriptBody;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A story typed as a frightened person types it: short lines a few seconds apart, each reaching an idle service (each
 * processed and answered before the next is posted), through the real webhooks with payloads shaped as Telegram's and
 * WhatsApp's; synthetic chats only. Before, every line got "Tersimpan. Tulis lagi atau tekan Selesai": a flood of
 * identical bot lines, unkind and conspicuous on a shared phone. Now the story's first line is answered at once, a later
 * line's acknowledgement waits for the person to pause (ruangaman.conversation.story-ack-delay) and is withdrawn when
 * the next line comes first. The delay is set to an hour here, and the pause is played by making the waiting
 * acknowledgement due now, as the clock passing its time would: no test waits on real time.
 */
@QuarkusTest
class StoryAckDelayWebhookTest extends WebhookTest {

    @Inject
    SessionRepository sessions;
    @Inject
    ContactRepository contacts;
    @Inject
    Outbox outbox;
    @Inject
    InboxFixtures fixtures;
    @Inject
    EntityManager em;

    @BeforeEach
    void anHourToPause() {
        QuarkusMock.installMockForType(new StoryAckDelay(Duration.ofHours(1)), StoryAckDelay.class);
    }

    @Test
    void fiveLinesTypedOneByOneGetOneAcknowledgementAfterTheLast() {
        long chat = storyChat();
        int before = telegram.sentTo(chat).size();

        LINES.forEach(line -> chats.sayTelegram(chat, line));

        assertEquals(List.of(SAVED), saved(telegram(chat, before)), "the first line at once, nothing more while the person types");
        assertEquals(1, waiting(Channel.TELEGRAM, String.valueOf(chat)), "one acknowledgement waits for the pause");
        pause(Channel.TELEGRAM, String.valueOf(chat));
        List<String> replies = telegram(chat, before);
        assertEquals(2, replies.size(), "the first line's and one after the last: " + replies);
        assertTrue(replies.stream().allMatch(reply -> reply.startsWith(SAVED)), replies.toString());
        assertEquals(LINES, state(Channel.TELEGRAM, String.valueOf(chat)).draft().parts(), "every line is part of the story");
        assertEquals(2, savedInTranscript(Channel.TELEGRAM, String.valueOf(chat)),
                "the withdrawn acknowledgements are not in the transcript");
    }

    @Test
    void aLineAPauseAndALineGetTwo() {
        long chat = storyChat();
        chats.sayTelegram(chat, "Jadi gini kak");
        int before = telegram.sentTo(chat).size();

        chats.sayTelegram(chat, "kejadiannya sore di lab");
        pause(Channel.TELEGRAM, String.valueOf(chat));
        chats.sayTelegram(chat, "dia dosen pembimbingku");
        pause(Channel.TELEGRAM, String.valueOf(chat));

        List<String> replies = telegram(chat, before);
        assertEquals(2, replies.size(), "each line after a pause is acknowledged: " + replies);
        assertTrue(replies.stream().allMatch(reply -> reply.startsWith(SAVED)), replies.toString());
    }

    @Test
    void aLineThatSaysDangerIsAnsweredAtOnceWithTheNumbers() {
        long chat = storyChat();
        chats.sayTelegram(chat, "Jadi gini kak");
        int before = telegram.sentTo(chat).size();

        chats.sayTelegram(chat, "kejadiannya sore di lab");
        chats.sayTelegram(chat, "dia bilang nanti malam dia datang lagi ke kos");

        List<String> replies = telegram(chat, before);
        assertEquals(1, replies.size(), "the numbers at once, the line before needs no acknowledgement of its own: " + replies);
        assertTrue(replies.get(0).startsWith(EMERGENCY), replies.toString());
        assertTrue(replies.get(0).contains(SAVED), "the numbers say the line was kept: " + replies);
        assertEquals(0, waiting(Channel.TELEGRAM, String.valueOf(chat)), "nothing left waiting");
        assertTrue(state(Channel.TELEGRAM, String.valueOf(chat)).dangerSaid(), "the report to come is flagged as in danger");

        chats.sayTelegram(chat, "aku takut");
        pause(Channel.TELEGRAM, String.valueOf(chat));
        replies = telegram(chat, before);
        assertEquals(2, replies.size(), replies.toString());
        assertTrue(replies.get(1).startsWith(SAVED), "the burst goes on after the danger line: " + replies);
    }

    @Test
    void doneInTheMiddleOfABurstGetsTheNextQuestionAtOnceAndWithdrawsTheAcknowledgement() {
        long chat = storyChat();
        chats.sayTelegram(chat, "Jadi gini kak");
        int before = telegram.sentTo(chat).size();

        chats.sayTelegram(chat, "kejadiannya sore di lab");
        chats.sayTelegram(chat, "udah");

        List<String> replies = telegram(chat, before);
        assertEquals(1, replies.size(), "the next question only: " + replies);
        assertTrue(saved(replies).isEmpty(), replies.toString());
        assertEquals(0, waiting(Channel.TELEGRAM, String.valueOf(chat)), "the story's acknowledgement is withdrawn");
        SessionState state = state(Channel.TELEGRAM, String.valueOf(chat));
        assertEquals("biodata_offer", state.nodeId());
        assertEquals(List.of("Jadi gini kak", "kejadiannya sore di lab"), state.answers().get("chronology").parts());
        assertEquals(1, savedInTranscript(Channel.TELEGRAM, String.valueOf(chat)), "only the first line's, as sent");
    }

    @Test
    void theButtonDoneWithdrawsTheAcknowledgementToo() {
        long chat = storyChat();
        chats.sayTelegram(chat, "Jadi gini kak");
        int before = telegram.sentTo(chat).size();

        chats.sayTelegram(chat, "kejadiannya sore di lab");
        chats.send(TelegramFixtures.button(chat, "chronology:done"), chat);

        List<String> replies = telegram(chat, before);
        assertEquals(1, replies.size(), "the next question only: " + replies);
        assertEquals(0, waiting(Channel.TELEGRAM, String.valueOf(chat)));
    }

    /**
     * A counsellor's reply queued while an acknowledgement waits is not held back behind it: both go now, in the order
     * they were queued, so the person never reads them the wrong way round.
     */
    @Test
    void aCounsellorsReplyIsNotHeldBackAndKeepsTheOrder() {
        long chat = storyChat();
        chats.sayTelegram(chat, "Jadi gini kak");
        int before = telegram.sentTo(chat).size();
        chats.sayTelegram(chat, "kejadiannya sore di lab");
        long counsellor = fixtures.account("story-ack-counsellor", Role.COUNSELLOR).id;

        QuarkusTransaction.requiringNew().run(() -> {
            Contact contact = contacts.findByExternalId(Channel.TELEGRAM, String.valueOf(chat)).orElseThrow();
            outbox.queue(contact, null, counsellor, Output.Message.plain("Halo, aku konselor. Aku membaca ceritamu."));
        });

        Eventually.await("both sent", Duration.ofSeconds(60), () -> allSent(Channel.TELEGRAM, String.valueOf(chat)));
        List<String> replies = telegram(chat, before);
        assertEquals(2, replies.size(), replies.toString());
        assertTrue(replies.get(0).startsWith(SAVED), "the acknowledgement first, as queued: " + replies);
        assertTrue(replies.get(1).startsWith("Halo, aku konselor"), replies.toString());
    }

    /** On WhatsApp, a delivery and a read status of the same chat between two lines do not break the burst. */
    @Test
    void whatsAppStatusesBetweenLinesDoNotBreakTheBurst() {
        String number = WhatsAppFixtures.newNumber();
        chats.walkWhatsApp(number, IntakeWalk.of("halo").then(TO_THE_STORY), WhatsAppFixtures::newWamid);
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "Jadi gini kak", null, null);
        int before = graph.sentTo(number).size();
        String ackWamid = graph.sentTo(number).get(before - 1).wamid();

        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "kejadiannya sore di lab", null, null);
        WhatsAppFixtures.post(WhatsAppFixtures.statuses(List.of(WhatsAppFixtures.status(ackWamid, number, "delivered"),
                WhatsAppFixtures.status(ackWamid, number, "read")))).then().statusCode(200);
        long contactId = contactId(Channel.WHATSAPP, number);
        Eventually.await("the statuses recorded", Duration.ofSeconds(60), () -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from chat_message where contact_id = ?1 and delivery_status = 'read'")
                        .setParameter(1, contactId).getSingleResult()).longValue() > 0));
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "dia dosen pembimbingku", null, null);
        assertEquals(0, graph.sentTo(number).size() - before, "nothing while the person types");
        pause(Channel.WHATSAPP, number);

        List<String> replies = graph.sentTo(number).stream().skip(before).map(FakeGraph.Sent::text).toList();
        assertEquals(1, replies.size(), "one acknowledgement after the pause: " + replies);
        assertTrue(replies.get(0).startsWith(SAVED), replies.toString());
    }

    private long storyChat() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.text(chat, "/start"), chat);
        chats.walkTelegram(chat, TO_THE_STORY);
        return chat;
    }

    private List<String> telegram(long chat, int before) {
        return telegram.sentTo(chat).stream().skip(before).map(FakeTelegram.Call::text).toList();
    }

    private static List<String> saved(List<String> replies) {
        return replies.stream().filter(reply -> reply.startsWith(SAVED)).map(reply -> SAVED).toList();
    }

    /**
     * The person pauses longer than the delay: the chat's waiting acknowledgement is due now, as the clock passing its
     * time would make it, and is sent.
     */
    private void pause(Channel channel, String externalId) {
        long contactId = contactId(channel, externalId);
        // Made due again at each look: a sender releasing the chat just then (after the line before) works out the
        // chat's time from what it read before this update, and may set it back to the acknowledgement's old time.
        Eventually.await("the waiting acknowledgement sent", Duration.ofSeconds(60), () -> {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("update chat_message set next_attempt_at = now() where contact_id = ?1 and deferred "
                        + "and status = 'PENDING' and next_attempt_at > now()").setParameter(1, contactId).executeUpdate();
                em.createNativeQuery("update outbound_queue set due_at = now() where contact_id = ?1 and due_at > now() "
                        + "and (leased_until is null or leased_until < now())") // a chat a sender holds is left to it
                        .setParameter(1, contactId).executeUpdate();
            });
            return allSent(channel, externalId);
        });
    }

    private boolean allSent(Channel channel, String externalId) {
        long contactId = contactId(channel, externalId);
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from chat_message "
                + "where contact_id = ?1 and direction = 'OUT' and status in ('PENDING', 'SENDING')").setParameter(1, contactId)
                .getSingleResult()).longValue() == 0);
    }

    /** Acknowledgements waiting for the person to pause. */
    private long waiting(Channel channel, String externalId) {
        long contactId = contactId(channel, externalId);
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from chat_message "
                + "where contact_id = ?1 and deferred and status = 'PENDING'").setParameter(1, contactId).getSingleResult()).longValue());
    }

    /** The bot's "Tersimpan" lines in the transcript, sent or waiting. */
    private long savedInTranscript(Channel channel, String externalId) {
        return chats.transcript(channel, externalId).stream().filter(line -> line.direction == ChatMessage.Direction.OUT)
                .map(line -> TranscriptBody.message(line).map(Output.Message::text).orElse(""))
                .filter(text -> text.startsWith(SAVED)).count();
    }

    private long contactId(Channel channel, String externalId) {
        return QuarkusTransaction.requiringNew().call(() -> contacts.findByExternalId(channel, externalId).orElseThrow().id);
    }

    private SessionState state(Channel channel, String externalId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            long contactId = contacts.findByExternalId(channel, externalId).orElseThrow().id;
            return SessionStateJson.read(sessions.findByContact(contactId).orElseThrow().state);
        });
    }
}
