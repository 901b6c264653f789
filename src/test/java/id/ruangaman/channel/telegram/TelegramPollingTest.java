package id.ruangaman.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.ruangaman.testing.FakePlatforms;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.TelegramFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** TELEGRAM_POLLING=true (dev and test modes): the webhook is removed and updates arrive by getUpdates instead. */
@QuarkusTest
@TestProfile(TelegramPollingTest.Polling.class)
class TelegramPollingTest {

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
        List<FakeTelegram.Call> sent = telegram.awaitSent(chat, 1, Duration.ofSeconds(30));
        assertTrue(sent.get(0).text().contains("Ruang Aman"), sent.get(0).text());
        assertTrue(!telegram.calls("deleteWebhook").isEmpty(), "the webhook was not removed before polling");
        Thread.sleep(1000);
        int afterStart = telegram.sentTo(chat).size();

        // The same update delivered again is stored once and processed once; the next update is answered.
        telegram.queueUpdate(start);
        telegram.queueUpdate(TelegramFixtures.text(chat, "/bantuan"));
        List<FakeTelegram.Call> later = telegram.awaitSent(chat, afterStart + 1, Duration.ofSeconds(30));
        Thread.sleep(1000);
        List<FakeTelegram.Call> all = telegram.sentTo(chat);
        assertTrue(all.subList(afterStart, all.size()).stream().noneMatch(c -> c.text() != null && c.text().contains("selamat datang")),
                "a repeated update was processed again");
        assertTrue(later.get(later.size() - 1).text() != null, "no answer to the update after the repeat");
    }
}
