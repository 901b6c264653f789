package id.ruangaman.intake;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import id.ruangaman.conversation.FlowLoader;
import id.ruangaman.conversation.SessionStateJson;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.transcript.Channel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A chat whose session is pinned to an earlier revision of the intake, stored by an earlier deployment, goes on with
 * that revision's words through the real Telegram webhook: the start only registered the revision, and the processing
 * worker fetches and reads it, in its own transaction, when the chat's next answer comes. Synthetic chat only.
 */
@QuarkusTest
class PinnedEarlierRevisionWebhookTest extends WebhookTest {

    private static final String TODAYS_QUESTION = "Sebelum lanjut: apakah kamu dalam bahaya sekarang?";
    private static final String EARLIER_QUESTION = "Sebelum kita lanjut: apakah kamu dalam bahaya saat ini?";

    @Inject
    FlowRegistry registry;
    @Inject
    SessionRepository sessions;
    @Inject
    EntityManager em;

    @Test
    void shouldAskTheNextQuestionInTheWordsOfTheRevisionTheChatIsPinnedTo() throws Exception {
        String today = Files.readString(Path.of("conversations/intake.yaml"));
        assertTrue(today.contains(TODAYS_QUESTION), "the shipped intake's danger question changed");
        byte[] earlier = today.replace(TODAYS_QUESTION, EARLIER_QUESTION).getBytes(StandardCharsets.UTF_8);
        String revision = FlowLoader.revisionOf(earlier);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into flow_revision (flow_id, revision, file_name, "
                + "content, first_loaded_at) values ('intake', ?1, 'intake.yaml', ?2, ?3) on conflict do nothing")
                .setParameter(1, revision).setParameter(2, earlier).setParameter(3, Instant.parse("2026-01-03T00:00:00Z")).executeUpdate());
        registry.onStart(new StartupEvent()); // as the next start registers the stored revisions, unread

        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.text(chat, "/start"), chat);
        chats.walkTelegram(chat, IntakeWalk.of("language:id"));
        long contactId = chats.contact(Channel.TELEGRAM, String.valueOf(chat)).id;
        QuarkusTransaction.requiringNew().run(() -> {
            ConversationSession session = sessions.findByContact(contactId).orElseThrow();
            session.flowRevision = revision;
            session.state = SessionStateJson.write(SessionStateJson.read(session.state).withRevision(revision));
        });
        int before = telegram.sentTo(chat).size();

        chats.send(TelegramFixtures.button(chat, "consent:yes"), chat);

        List<String> replies = telegram.sentTo(chat).stream().skip(before).map(FakeTelegram.Call::text).toList();
        assertTrue(replies.stream().anyMatch(reply -> reply != null && reply.contains(EARLIER_QUESTION)),
                "the pinned revision's question: " + replies);
        assertTrue(replies.stream().noneMatch(reply -> reply != null && reply.contains(TODAYS_QUESTION)), "not today's: " + replies);
    }
}
