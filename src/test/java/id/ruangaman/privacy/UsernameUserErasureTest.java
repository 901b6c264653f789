package id.ruangaman.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.security.crypto.FieldCipher;
import id.ruangaman.testing.DatabaseScan;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.FakeGraph;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import id.ruangaman.transcript.Channel;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A WhatsApp user with a username and no phone number in the webhook (only their business-scoped user id,
 * {@code from_user_id}) writes, gets the bot's answers with their delivery statuses, which name them by
 * {@code recipient_user_id} and carry no {@code recipient_id}, then erases everything with /hapus. Afterwards no column
 * of any table, decrypted, holds their user id. Before, such a status was stored with no hash of the person it is
 * about, so /hapus could not find its raw payload (which names them), and it stayed until the retention emptied it.
 * The same for a status of a message the service never sent. Meta-shaped payloads through the real webhook; a
 * synthetic user id.
 */
@QuarkusTest
class UsernameUserErasureTest extends WebhookTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    DataSource dataSource;
    @Inject
    FieldCipher cipher;

    private DatabaseScan.Since since;

    @BeforeEach
    void markTheDatabase() throws java.sql.SQLException {
        try (Connection db = dataSource.getConnection()) {
            since = DatabaseScan.mark(db);
        }
    }

    @Test
    void shouldLeaveNoTraceOfAUsernameUsersIdInTheirStatusesAfterHapus() throws Exception {
        String userId = "ID.SINTETIS" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
        say(userId, "halo");
        List<String> sent = graph.sentTo(userId).stream().map(FakeGraph.Sent::wamid).filter(w -> w != null).toList();
        assertFalse(sent.isEmpty(), "the bot answered the username user");
        assertNotNull(chats.contact(Channel.WHATSAPP, userId), "the username user is a contact, found by their user id");
        String never = WhatsAppFixtures.newWamid(); // a status of a message this service never sent
        for (String state : List.of("sent", "delivered", "read")) {
            post(statuses(userId, sent.get(0), state, never));
        }
        for (String state : List.of("sent", "delivered", "read")) {
            String status = "status:" + sent.get(0) + ":" + state;
            Eventually.await("status processed", WAIT, () -> !"PENDING".equals(chats.status(Channel.WHATSAPP, status)));
        }
        Eventually.await("the unknown message's status processed", WAIT,
                () -> !"PENDING".equals(chats.status(Channel.WHATSAPP, "status:" + never + ":read")));

        say(userId, "/hapus");
        say(userId, "ya");
        Eventually.await("the person erased", WAIT, () -> chats.contact(Channel.WHATSAPP, userId) == null);

        try (Connection db = dataSource.getConnection()) {
            assertEquals(List.of(), DatabaseScan.find(db, cipher, true, List.of(userId), since),
                    "no column, decrypted, holds the username user's id after /hapus");
        }
    }

    /** A text from a username user: {@code from_user_id} and the contact's {@code user_id}, no {@code from} nor {@code wa_id}. */
    private void say(String userId, String text) {
        String wamid = WhatsAppFixtures.newWamid();
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"WABA-1\",\"changes\":[{\"value\":{"
                + "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550000000\",\"phone_number_id\":\"100200300\"},"
                + "\"contacts\":[{\"profile\":{\"name\":\"Nama Sintetis\",\"username\":\"@sintetis.uji\"},\"user_id\":\"" + userId + "\"}],"
                + "\"messages\":[{\"from_user_id\":\"" + userId + "\",\"id\":\"" + wamid + "\",\"timestamp\":\"1763800000\",\"type\":\"text\","
                + "\"text\":{\"body\":\"" + text + "\"}}]},\"field\":\"messages\"}]}]}";
        post(body);
        Eventually.await("the message processed", WAIT, () -> !"PENDING".equals(chats.status(Channel.WHATSAPP, wamid)));
        Eventually.await("the answers sent", WAIT, () -> chats.outboxDrained(Channel.WHATSAPP, userId));
    }

    /** Statuses as Meta sends them about a username user: {@code recipient_user_id}, no {@code recipient_id}. */
    private static String statuses(String userId, String wamid, String state, String never) {
        String one = "{\"id\":\"%s\",\"status\":\"" + state + "\",\"timestamp\":\"1763800001\",\"recipient_user_id\":\"" + userId
                + "\",\"conversation\":{\"id\":\"c-sintetis\",\"origin\":{\"type\":\"service\"}}}";
        return WhatsAppFixtures.statuses(List.of(one.formatted(wamid), one.formatted(never)));
    }

    private static void post(String body) {
        WhatsAppFixtures.post(body).then().statusCode(200);
    }
}
