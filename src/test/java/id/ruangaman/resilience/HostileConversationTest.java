package id.ruangaman.resilience;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.ChatMessage;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.FakeGraph;
import id.ruangaman.testing.TelegramChats;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * People (or scripts) who write too much, too long or too oddly. The service keeps answering others,
 * keeps everything in the transcript, and holds back a flood with one kind message.
 */
@QuarkusTest
class HostileConversationTest extends WebhookTest {

    private static final String FLOOD_ID = "Pesanmu banyak sekali dalam waktu singkat";
    /** RUANGAMAN_FLOOD_MAX_MESSAGES's default. */
    private static final int LIMIT = 60;

    @Inject
    id.ruangaman.transcript.ProviderIds providerIds;
    @Inject
    EntityManager em;

    @Test
    void shouldHoldBackABurstOfAThousandMessagesWithOneKindNoticeAndStayResponsive() {
        String flooder = WhatsAppFixtures.newNumber();
        List<String> wamids = new ArrayList<>();
        Instant started = Instant.now();
        // 1,000 messages within seconds: 20 webhook calls of 50 messages, as WhatsApp batches a burst
        for (int batch = 0; batch < 20; batch++) {
            List<String> messages = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String wamid = WhatsAppFixtures.newWamid();
                wamids.add(wamid);
                messages.add(WhatsAppFixtures.message("text.json", flooder, wamid, "halo " + (batch * 50 + i), null, null));
            }
            WhatsAppFixtures.post(WhatsAppFixtures.payload(flooder, messages)).then().statusCode(200);
        }
        // someone else writing meanwhile is answered promptly
        long other = TelegramFixtures.newChatId();
        Instant otherAt = Instant.now();
        TelegramChats.post(TelegramFixtures.render("start_command.json", other)).then().statusCode(200);
        given().when().get("/q/health/live").then().statusCode(200);
        Eventually.await("a reply to someone else", Duration.ofSeconds(20), () -> !telegram.sentTo(other).isEmpty());
        long otherMillis = Duration.between(otherAt, Instant.now()).toMillis();

        String last = wamids.get(wamids.size() - 1);
        Eventually.await("the burst processed", Duration.ofSeconds(120), () -> !"PENDING".equals(chats.status(Channel.WHATSAPP, last)));
        Eventually.await("the flooder's replies sent", Duration.ofSeconds(60), () -> chats.outboxDrained(Channel.WHATSAPP, flooder));
        long elapsedMillis = Duration.between(started, Instant.now()).toMillis();

        long contactId = chats.contact(Channel.WHATSAPP, flooder).id;
        long inbound = count("select count(*) from chat_message where contact_id = ?1 and direction = 'IN'", contactId);
        assertEquals(1000, inbound, "every message is kept in the transcript");
        long done = count("select count(*) from inbound_update where channel = 'WHATSAPP' and status = 'DONE' and provider_id in ("
                + String.join(",", wamids.stream().map(w -> "'" + providerIds.key(Channel.WHATSAPP, w) + "'").toList()) + ")", contactId);
        assertEquals(1000, done, "every update is done, none failed");
        List<FakeGraph.Sent> sent = graph.sentTo(flooder);
        long notices = sent.stream().filter(s -> s.text().startsWith(FLOOD_ID)).count();
        long windows = 1 + elapsedMillis / 60_000;
        assertTrue(notices >= 1 && notices <= windows, "one kind notice per minute, got " + notices + " in " + elapsedMillis + " ms");
        long outbound = count("select count(*) from chat_message where contact_id = ?1 and direction = 'OUT'", contactId);
        assertTrue(outbound <= 3L * LIMIT * windows, "the conversation answered held-back messages: " + outbound + " replies");
        System.out.printf("[hostile] burst of 1000 from one person: %d ms to process, %d replies, %d flood notices; "
                + "another person's first reply after %d ms%n", elapsedMillis, outbound, notices, otherMillis);
    }

    @Test
    void shouldHandleAVeryLongMessageAndControlCharacters() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        String longText = "ยาวมาก طويل جدا panjang sekali 😀 ".repeat(3_000); // ~100k characters, ~300 kB of UTF-8
        assertTrue(longText.length() >= 90_000);
        String update = TelegramFixtures.text(chat, longText);
        chats.send(update, chat);
        assertEquals("DONE", chats.status(TelegramChats.updateIdOf(update)));
        String control = "a\u0000b\u0001c\u0007\u001b[31m\u007f\u200e\u202e\ufeff\r\n\t";
        String controlUpdate = TelegramFixtures.text(chat, control);
        chats.send(controlUpdate, chat);
        assertEquals("DONE", chats.status(TelegramChats.updateIdOf(controlUpdate)));
        List<ChatMessage> transcript = chats.transcript(chat);
        assertTrue(transcript.stream().anyMatch(m -> m.direction == ChatMessage.Direction.IN && m.body.contains("panjang sekali")),
                "the long message is kept");
        assertTrue(transcript.stream().filter(m -> m.direction == ChatMessage.Direction.OUT)
                .allMatch(m -> m.status == ChatMessage.Status.SENT), "every reply delivered");
        assertTrue(telegram.sentTo(chat).stream().allMatch(call -> call.text().length() <= 4096));
        given().when().get("/q/health/live").then().statusCode(200);
    }

    private long count(String sql, long contactId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery(sql);
            if (sql.contains("?1")) {
                query.setParameter(1, contactId);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }
}
