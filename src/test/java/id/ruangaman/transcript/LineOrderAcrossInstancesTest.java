package id.ruangaman.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.TelegramChats;
import id.ruangaman.testing.TelegramFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A chat's lines keep the order they were written in when several instances of the service take turns with one person
 * (issue 16, scale-out: any replica may take a contact's next update). The transcript and the outbox's order per
 * person are by line id. Before, each instance handed out ids from a block of 50 it had drawn from the sequence at
 * some earlier time and kept across transactions: an instance that drew its block before another instance wrote the
 * person's previous line gave the next line a smaller id, so the counsellor saw it above the line it answered, and a
 * reply could be sent before one queued earlier.
 *
 * <p>Another instance is played by the sequence itself: it draws a block, as a replica's generator would, and writes
 * the person's next line there (a copy of a real line, so its columns are well formed).
 */
@QuarkusTest
class LineOrderAcrossInstancesTest {

    @Inject
    TelegramChats chats;
    @Inject
    ChatMessageRepository messages;
    @Inject
    EntityManager em;

    @Test
    void aLineWrittenAfterAnotherInstancesLineIsListedAfterIt() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.text(chat, "/start"), chat);
        long contact = chats.contact(Channel.TELEGRAM, String.valueOf(chat)).id;

        long elsewhere = QuarkusTransaction.requiringNew().call(() -> {
            long drawn = ((Number) em.createNativeQuery("select nextval('chat_message_seq')").getSingleResult()).longValue();
            em.createNativeQuery("insert into chat_message (id, contact_id, intake_id, conversation, author_account_id, channel, "
                    + "direction, kind, body, status, attempts, created_at) select ?1, contact_id, intake_id, conversation, "
                    + "author_account_id, channel, direction, kind, body, status, attempts, now() from chat_message "
                    + "where contact_id = ?2 and direction = 'IN' order by id limit 1")
                    .setParameter(1, drawn).setParameter(2, contact).executeUpdate();
            return drawn;
        });

        chats.walkTelegram(chat, IntakeWalk.of("language:id"));

        List<ChatMessage> lines = QuarkusTransaction.requiringNew().call(() -> messages.transcript(contact));
        List<Long> ids = lines.stream().map(line -> line.id).toList();
        int at = ids.indexOf(elsewhere);
        assertTrue(at >= 0, "the other instance's line is in the transcript: " + ids);
        List<ChatMessage> after = lines.subList(at + 1, lines.size());
        assertTrue(after.stream().anyMatch(line -> line.direction == ChatMessage.Direction.IN),
                "the language tap, written here after the other instance's line, is listed after it: " + describe(lines));
        assertTrue(after.stream().anyMatch(line -> line.direction == ChatMessage.Direction.OUT),
                "and so are the replies to it: " + describe(lines));
        assertEquals(lines.size() - 1, at + after.size(), "nothing written here since is listed before it: " + describe(lines));
    }

    @Test
    void theSequenceHandsOutBlocksAsLargeAsALineIdBlock() {
        Number increment = (Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select increment_by from pg_sequences where sequencename = 'chat_message_seq'").getSingleResult());
        assertEquals(LineIds.BLOCK, increment.longValue(),
                "a block drawn with one nextval is the sequence's increment, so instances on either side of an upgrade never overlap");
    }

    private static String describe(List<ChatMessage> lines) {
        return lines.stream().map(line -> line.id + ":" + line.direction + "@" + line.createdAt).toList().toString();
    }
}
