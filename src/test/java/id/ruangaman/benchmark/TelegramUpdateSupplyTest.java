package id.ruangaman.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The flat-out acknowledgement's updates: rendered before the load, in rounds of one step per chat, a finished chat
 * replaced by a new one, never a repeated update id, and the same order on when the load outlasts what was rendered.
 */
class TelegramUpdateSupplyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Sent(long updateId, long chatId, boolean start) {
    }

    private static Sent read(WebhookLoad.Request request) throws Exception {
        assertEquals("/webhooks/telegram", request.path());
        JsonNode update = JSON.readTree(request.body().toString(StandardCharsets.UTF_8));
        JsonNode chat = update.findValue("chat");
        assertTrue(chat != null && chat.path("id").isNumber(), "every update names its chat: " + update);
        String text = update.path("message").path("text").asText("");
        return new Sent(update.path("update_id").asLong(), chat.path("id").asLong(), text.equals("/start"));
    }

    @Test
    void shouldSendRoundsOfOneStepPerChatAndReplaceEveryChatThatFinishedWithANewOne() throws Exception {
        int people = 3;
        int length = IntakeScripts.length();
        TelegramUpdateSupply supply = new TelegramUpdateSupply(people, 2);
        assertEquals(2 * people * length, supply.rendered());

        Set<Long> updateIds = new HashSet<>();
        Map<Long, Integer> stepsByChat = new HashMap<>();
        Set<Long> chatsOfWalk = new LinkedHashSet<>();
        Set<Long> chatsOfEarlierWalks = new HashSet<>();
        int sent = 3 * people * length; // a third walk, beyond what was rendered
        for (int i = 0; i < sent; i++) {
            Sent update = read(supply.get());
            assertTrue(updateIds.add(update.updateId()), "update id " + update.updateId() + " sent twice");
            int step = (i / people) % length;
            if (i % (people * length) == 0) {
                chatsOfEarlierWalks.addAll(chatsOfWalk);
                chatsOfWalk.clear();
            }
            assertEquals(step == 0, update.start(), "a chat's walk begins with /start, and only there (update " + i + ")");
            if (step == 0) {
                assertFalse(chatsOfEarlierWalks.contains(update.chatId()), "a new walk is a new chat");
                assertTrue(chatsOfWalk.add(update.chatId()), "one walk per chat in each round");
            } else {
                assertTrue(chatsOfWalk.contains(update.chatId()), "the round's chats are those that began the walk");
            }
            assertEquals(step, stepsByChat.merge(update.chatId(), 1, Integer::sum) - 1, "a chat's updates are its walk in order");
        }
        assertEquals(people * length, supply.overrun(), "the third walk was rendered on the way");
        assertEquals(3 * people, stepsByChat.size());
        assertTrue(stepsByChat.values().stream().allMatch(steps -> steps == length), "every chat walked the whole intake once");
    }

    @Test
    void shouldRenderNothingOnTheWayWhileTheRenderedWalksLast() throws Exception {
        TelegramUpdateSupply supply = new TelegramUpdateSupply(2, 1);
        for (int i = 0; i < supply.rendered(); i++) {
            read(supply.get());
        }
        assertEquals(0, supply.overrun());
        read(supply.get());
        assertEquals(1, supply.overrun());
    }

    @Test
    void shouldRefuseAnEmptySupply() {
        assertThrows(IllegalArgumentException.class, () -> new TelegramUpdateSupply(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new TelegramUpdateSupply(1, 0));
    }
}
