package id.ruangaman.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.ChatMessage;
import id.ruangaman.conversation.SessionStateJson;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.TelegramChats;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Both platform APIs misbehave in every way they do in production (429 with retry_after, 500s,
 * timeouts, dropped connections) while several people start a conversation at once. Every reply is
 * still delivered, in order, and every extra copy a person may have received is one the service
 * flagged as a possible duplicate.
 */
@QuarkusTest
class PlatformFaultsTest extends WebhookTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    EntityManager em;

    @Test
    void shouldDeliverEveryTelegramReplyDespiteRateLimitsErrorsTimeoutsAndDroppedConnections() {
        Random random = new Random(8);
        List<Long> people = new ArrayList<>();
        java.util.Map<Long, Boolean> outcomeUnknown = new java.util.HashMap<>();
        java.util.Map<Long, Integer> deliveredTwice = new java.util.HashMap<>();
        for (int i = 0; i < 6; i++) {
            long chat = TelegramFixtures.newChatId();
            people.add(chat);
            // Messages to one chat go one at a time, so the first reply meets all three faults.
            for (int fault = 0; fault < 3; fault++) {
                switch (i < 4 ? i : random.nextInt(4)) {
                    case 0 -> telegram.tooManyRequests("sendMessage", chat, 1);
                    case 1 -> telegram.serverError("sendMessage", chat);
                    case 2 -> {
                        telegram.reset("sendMessage", chat);
                        outcomeUnknown.put(chat, true);
                    }
                    default -> {
                        // answered after the 3 s request timeout: the person got it, the service cannot know
                        telegram.slow("sendMessage", chat, Duration.ofSeconds(4));
                        outcomeUnknown.put(chat, true);
                        deliveredTwice.merge(chat, 1, Integer::sum);
                    }
                }
            }
            TelegramChats.post(TelegramFixtures.render("start_command.json", chat)).then().statusCode(200);
        }
        int flagged = 0;
        for (long chat : people) {
            Eventually.await("replies to " + chat + " delivered", WAIT,
                    () -> chats.contact(chat) != null && !outbound(Channel.TELEGRAM, String.valueOf(chat)).isEmpty()
                            && chats.outboxDrained(chat));
            List<ChatMessage> rows = outbound(Channel.TELEGRAM, String.valueOf(chat));
            assertTrue(rows.stream().allMatch(row -> row.status == ChatMessage.Status.SENT),
                    () -> "not all replies sent to " + chat + ": " + rows.stream().map(row -> row.status + "/" + row.failureReason).toList());
            List<String> expected = rows.stream().map(PlatformFaultsTest::text).toList();
            List<String> received = collapse(telegram.sentTo(chat).stream().map(FakeTelegram.Call::text).toList());
            assertEquals(expected, received, "replies to " + chat + " out of order or missing");
            assertEquals(4, rows.get(0).attempts, "the first reply met three faults, then went through");
            assertEquals(outcomeUnknown.getOrDefault(chat, false), rows.get(0).possibleDuplicate,
                    "flagged exactly when a timeout or dropped connection left the outcome unknown");
            assertTrue(rows.stream().skip(1).noneMatch(row -> row.possibleDuplicate), "later replies met no fault");
            flagged += (int) rows.stream().filter(row -> row.possibleDuplicate).count();
        }
        System.out.printf("[platform faults] Telegram: %d chats, %d send calls, %d copies a person received twice "
                + "(answered after the timeout), %d rows flagged possible_duplicate%n", people.size(),
                people.stream().mapToInt(chat -> telegram.sentTo(chat).size()).sum(),
                deliveredTwice.values().stream().mapToInt(Integer::intValue).sum(), flagged);
    }

    @Test
    void shouldDeliverEveryWhatsAppReplyDespiteRateLimitsErrorsAndDroppedConnections() {
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String number = WhatsAppFixtures.newNumber();
            people.add(number);
            graph.failNext(number, 429, 130429);
            graph.failNext(number, 500, 131000);
            graph.dropNext(number);
            WhatsAppFixtures.post(WhatsAppFixtures.text(number, "halo")).then().statusCode(200);
        }
        for (String number : people) {
            Eventually.await("replies to " + number + " delivered", WAIT,
                    () -> chats.contact(Channel.WHATSAPP, number) != null && !outbound(Channel.WHATSAPP, number).isEmpty()
                            && chats.outboxDrained(Channel.WHATSAPP, number));
            List<ChatMessage> rows = outbound(Channel.WHATSAPP, number);
            assertTrue(rows.stream().allMatch(row -> row.status == ChatMessage.Status.SENT),
                    () -> "not all replies sent to " + number + ": " + rows.stream().map(row -> row.status + "/" + row.failureReason).toList());
            assertEquals(rows.size() + 3, graph.sentTo(number).size(), "one call per reply plus the three failed ones");
            assertEquals(4, rows.get(0).attempts, "the first reply went through 429, 500 and a dropped connection");
            assertTrue(rows.get(0).possibleDuplicate, "a dropped connection leaves the outcome unknown: flag it");
        }
    }

    private List<ChatMessage> outbound(Channel channel, String externalId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var contact = chats.contact(channel, externalId);
            if (contact == null) {
                return List.<ChatMessage>of();
            }
            return em.createQuery("from ChatMessage where contactId = ?1 and direction = ?2 order by id", ChatMessage.class)
                    .setParameter(1, contact.id).setParameter(2, ChatMessage.Direction.OUT).getResultList();
        });
    }

    private static String text(ChatMessage row) {
        try {
            return SessionStateJson.mapper().readTree(row.body).path("text").asText();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The texts a person saw, with the retried copies of one message (consecutive repeats) counted once. */
    private static List<String> collapse(List<String> texts) {
        List<String> result = new ArrayList<>();
        for (String text : texts) {
            if (result.isEmpty() || !result.get(result.size() - 1).equals(text)) {
                result.add(text);
            }
        }
        return result;
    }
}
