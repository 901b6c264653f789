package id.ruangaman.channel.inbound;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.TelegramChats;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WhatsAppFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A full acknowledgement queue refuses at once with 503 and Retry-After (the platforms retry), storing nothing. */
@QuarkusTest
@TestProfile(GroupCommitBackpressureTest.SmallQueue.class)
class GroupCommitBackpressureTest {

    public static class SmallQueue implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ruangaman.ack.queue-bound", "2");
        }
    }

    @Inject
    GroupCommit commits;
    @Inject
    TelegramChats chats;

    @AfterEach
    void release() {
        commits.resume();
    }

    @Test
    void shouldAnswer503WithRetryAfterWhenTheQueueIsFullAndTakeTheRetryOnceItDrains() throws Exception {
        String first = TelegramFixtures.text(TelegramFixtures.newChatId(), "satu");
        String second = TelegramFixtures.text(TelegramFixtures.newChatId(), "dua");
        String third = TelegramFixtures.text(TelegramFixtures.newChatId(), "tiga");
        commits.pause();
        List<CompletableFuture<Integer>> waiting = List.of(
                CompletableFuture.supplyAsync(() -> TelegramChats.post(first).statusCode()),
                CompletableFuture.supplyAsync(() -> TelegramChats.post(second).statusCode()));
        Eventually.await("two queued", Duration.ofSeconds(60), () -> commits.waitingRows() == 2);

        TelegramChats.post(third).then().statusCode(503).header("Retry-After", "5").body("error", equalTo("temporarily unavailable"));
        String number = WhatsAppFixtures.newNumber();
        WhatsAppFixtures.post(WhatsAppFixtures.text(number, "empat")).then().statusCode(503).header("Retry-After", "5");
        assertEquals(0, chats.storedCount(TelegramChats.updateIdOf(third)));

        commits.resume();
        for (CompletableFuture<Integer> status : waiting) {
            assertEquals(200, status.get(30, TimeUnit.SECONDS));
        }
        TelegramChats.post(third).then().statusCode(200);
        assertEquals(1, chats.storedCount(TelegramChats.updateIdOf(first)));
        assertEquals(1, chats.storedCount(TelegramChats.updateIdOf(third)));
        // Leave nothing pending for the next test profile (it starts with another data key).
        for (String update : List.of(first, second, third)) {
            Eventually.await("processed", Duration.ofSeconds(60), () -> !"PENDING".equals(chats.status(TelegramChats.updateIdOf(update))));
        }
    }
}
