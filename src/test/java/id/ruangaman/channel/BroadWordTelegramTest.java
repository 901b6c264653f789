package id.ruangaman.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.conversation.SessionState;
import id.ruangaman.conversation.SessionStateJson;
import id.ruangaman.intake.SessionRepository;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.transcript.Channel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The survivor's view through the Telegram webhook: "pelecehan" at "Apa yang terjadi?" was answered "Maaf, saya belum
 * mengerti" and, typed twice, the question was skipped. Now each time one message thanks and asks to choose, with the
 * question's buttons; the question stays, nothing is stored, and the survivor's own choice is what is kept.
 */
@QuarkusTest
class BroadWordTelegramTest extends WebhookTest {

    private static final String ASK = "Terima kasih sudah memberi tahu.\nYang kamu tulis bisa berupa beberapa hal.";

    @Inject
    SessionRepository sessions;

    @Test
    void pelecehanIsThankedAndTheSurvivorChoosesWhatItWas() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.text(chat, "/start"), chat);
        chats.walkTelegram(chat, IntakeWalk.of("language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes",
                "reporter_role:victim", "send_now:details"));
        assertEquals("violence_type", state(chat).nodeId());

        for (String typed : List.of("pelecehan", "aku dilecehin", "pelecehan")) {
            List<FakeTelegram.Call> replies = reply(chat, typed);
            assertEquals(1, replies.size(), "one message for '" + typed + "': " + replies.stream().map(FakeTelegram.Call::text).toList());
            FakeTelegram.Call call = replies.get(0);
            assertTrue(call.text().startsWith(ASK), call.text());
            assertFalse(call.text().contains("belum mengerti"), call.text());
            assertNotNull(call.body().get("reply_markup"), "with the question's buttons");
            assertTrue(String.valueOf(call.body().get("reply_markup")).contains("Sentuhan seksual paksa"), "the options as buttons");
            SessionState state = state(chat);
            assertEquals("violence_type", state.nodeId(), "the question stays after '" + typed + "'");
            assertFalse(state.answers().containsKey("violence_type"), "nothing stored");
        }

        chats.walkTelegram(chat, IntakeWalk.of("violence_type:psychological_abuse", "violence_type:done"));
        assertEquals(List.of("psychological_abuse"), state(chat).answers().get("violence_type").values(), "the survivor's choice");
        assertEquals("pelecehan / aku dilecehin / pelecehan", state(chat).answers().get("violence_type").raw(),
                "the survivor's own words, kept for the counsellor");
    }

    /**
     * "pelecehan dan dipukul" ticked physical assault and silently dropped "pelecehan"; "diancam" got "belum mengerti".
     * Now the option is ticked and the same one message asks about the broad part; "diancam" ticks its option.
     */
    @Test
    void anOptionBesideABroadWordIsTickedAndTheBroadPartIsAskedInOneMessage() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.text(chat, "/start"), chat);
        chats.walkTelegram(chat, IntakeWalk.of("language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes",
                "reporter_role:victim", "send_now:details"));

        List<FakeTelegram.Call> replies = reply(chat, "pelecehan dan dipukul");
        assertEquals(1, replies.size(), "one message: " + replies.stream().map(FakeTelegram.Call::text).toList());
        assertTrue(replies.get(0).text().contains("Kekerasan fisik"), replies.get(0).text());
        assertTrue(replies.get(0).text().contains(ASK), replies.get(0).text());
        assertNotNull(replies.get(0).body().get("reply_markup"), "with the question's buttons");

        List<FakeTelegram.Call> threatened = reply(chat, "diancam");
        assertEquals(1, threatened.size());
        assertFalse(threatened.get(0).text().contains("belum mengerti"), threatened.get(0).text());

        chats.walkTelegram(chat, IntakeWalk.of("violence_type:done"));
        assertEquals(List.of("physical_assault", "psychological_abuse"), state(chat).answers().get("violence_type").values());
        assertEquals("pelecehan dan dipukul / diancam", state(chat).answers().get("violence_type").raw());
    }

    private List<FakeTelegram.Call> reply(long chat, String text) {
        int before = telegram.sentTo(chat).size();
        chats.send(TelegramFixtures.text(chat, text), chat);
        return telegram.sentTo(chat).stream().skip(before).toList();
    }

    private SessionState state(long chat) {
        long contactId = chats.contact(Channel.TELEGRAM, String.valueOf(chat)).id;
        SessionState state = QuarkusTransaction.requiringNew().call(() -> SessionStateJson.read(sessions.findByContact(contactId).orElseThrow().state));
        assertNotNull(state);
        return state;
    }
}
