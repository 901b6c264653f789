package id.ruangaman.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.FakePlatforms;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.TelegramChats;
import id.ruangaman.testing.TelegramFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * TELEGRAM_POLLING=true (dev and test modes): the webhook is removed and updates arrive by getUpdates instead; a button
 * press is answered by a call.
 */
@QuarkusTest
@TestProfile(TelegramPollingTest.Polling.class)
class TelegramPollingTest {

    @Inject
    TelegramChats chats;

    public static class Polling implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("telegram.polling", "true");
        }
    }

    @Test
    void shouldAnswerAPersonWhoseUpdatesArriveByPolling() throws Exception {
        FakeTelegram telegram = FakePlatforms.telegram();
        long chat = TelegramFixtures.newChatId();
        String start = TelegramFixtures.text(chat, "/start");
        telegram.queueUpdate(start);
        List<FakeTelegram.Call> sent = telegram.awaitSent(chat, 1, Duration.ofSeconds(60));
        String greeting = sent.get(0).text();
        assertTrue(greeting.contains("Ruang Aman"), greeting);
        assertTrue(!telegram.calls("deleteWebhook").isEmpty(), "the webhook was not removed before polling");
        // Everything /start caused has gone out before the count is taken (a second passed was not always enough).
        Eventually.await("the answers to /start sent", Duration.ofSeconds(60), () -> chats.outboxDrained(chat));
        int afterStart = telegram.sentTo(chat).size();

        // The same update delivered again is stored once and processed once; the next update is answered.
        telegram.queueUpdate(start);
        String help = TelegramFixtures.text(chat, "/bantuan");
        telegram.queueUpdate(help);
        Eventually.await("/bantuan processed", Duration.ofSeconds(60), () -> {
            String status = chats.status(TelegramChats.updateIdOf(help));
            return status != null && !"PENDING".equals(status);
        });
        Eventually.await("its answer sent", Duration.ofSeconds(60), () -> chats.outboxDrained(chat));
        assertEquals(1, chats.storedCount(TelegramChats.updateIdOf(start)), "the repeated update was stored again");
        List<FakeTelegram.Call> all = telegram.sentTo(chat);
        List<FakeTelegram.Call> later = all.subList(afterStart, all.size());
        assertTrue(!later.isEmpty() && later.get(later.size() - 1).text() != null, "no answer to the update after the repeat");
        // A /start processed again greets again (at the language question) or asks to resume ("Selamat datang kembali";
        // this looked for it in lower case only, which no text has, so it could not fail).
        assertTrue(later.stream().noneMatch(c -> greeting.equals(c.text())
                || c.text() != null && c.text().toLowerCase(java.util.Locale.ROOT).contains("selamat datang")),
                "a repeated update was processed again: " + later);

        // A button press has no webhook answer to ride on: once stored, it is answered by a call, without text.
        String press = TelegramFixtures.button(chat, "language:id");
        String queryId = "cbq-" + TelegramChats.updateIdOf(press);
        telegram.queueUpdate(press);
        Eventually.await("the press answered", Duration.ofSeconds(60), () -> !telegram.calls(call -> call.method().equals("answerCallbackQuery")
                && queryId.equals(call.body().get("callback_query_id"))).isEmpty());
        assertTrue(telegram.calls(call -> queryId.equals(call.body().get("callback_query_id"))).stream()
                .allMatch(call -> call.body().get("text") == null), "the press's answer carries no text");
    }
}
