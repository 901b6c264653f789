package id.ruangaman.channel.telegram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.TelegramChats;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Walkthrough 11, finding 2: after one chat erased itself with /hapus, button presses in other chats were no longer
 * answered (answerCallbackQuery), so Telegram kept the spinner on every button. Every press, before and after another
 * person's erasure, is answered.
 */
@QuarkusTest
class CallbackAnswersAfterErasureTest extends WebhookTest {

    private final List<String> queryIds = new ArrayList<>();

    private void press(long chat, String... data) {
        for (String value : data) {
            String update = TelegramFixtures.button(chat, value);
            queryIds.add("cbq-" + TelegramChats.updateIdOf(update));
            chats.send(update, chat);
        }
    }

    @Test
    void shouldAnswerEveryPressAfterAnotherChatErasedItself() throws InterruptedException {
        long erased = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.render("start_command.json", erased), erased);
        press(erased, "language:id", "consent:yes", "in_danger:no", "safe_to_reply:no");
        chats.send(TelegramFixtures.text(erased, "/hapus"), erased);
        int before = telegram.sentTo(erased).size();
        chats.send(TelegramFixtures.text(erased, "ya"), erased);
        telegram.awaitSent(erased, before + 1, Duration.ofSeconds(60));

        for (int i = 0; i < 3; i++) {
            long other = TelegramFixtures.newChatId();
            chats.send(TelegramFixtures.render("start_command.json", other), other);
            press(other, "language:id", "consent:yes", "in_danger:no", "safe_to_reply:no", "reporter_role:victim");
        }
        for (String queryId : queryIds) {
            Eventually.await("answerCallbackQuery " + queryId, Duration.ofSeconds(60), () -> telegram.calls("answerCallbackQuery")
                    .stream().anyMatch(call -> queryId.equals(call.body().get("callback_query_id"))));
        }
    }
}
