package id.ruangaman.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.ProviderIds;
import id.ruangaman.channel.inbound.InboundProcessor;
import id.ruangaman.channel.inbound.RawPayloadPurge;
import id.ruangaman.testing.TelegramChats;
import id.ruangaman.testing.WhatsAppFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Raw payloads of processed updates are emptied after the retention period (7 days by default), counted from the
 * processing; pending and recent updates keep their payload. A WhatsApp update past the retention keeps nothing but its
 * platform id and is deleted (Meta redelivers for up to 7 days); a Telegram one stays, and its redelivery is still
 * recognised ({@link RetentionEmptiesTheHashesTest}).
 */
@QuarkusTest
class RawPayloadPurgeTest {

    @Inject
    TelegramChats chats;
    @Inject
    RawPayloadPurge purge;
    @Inject
    InboundProcessor processor;
    @Inject
    ProviderIds ids;
    @Inject
    EntityManager em;

    @Test
    void shouldEmptyOldProcessedPayloadsAndKeepPendingAndRecentOnes() {
        String number = WhatsAppFixtures.newNumber();
        String oldWamid = WhatsAppFixtures.realisticWamid(number);
        chats.sendWhatsApp(WhatsAppFixtures.payload(number, List.of(WhatsAppFixtures.message("text.json", number, oldWamid, "halo",
                null, null))), oldWamid, number);
        String recentWamid = WhatsAppFixtures.realisticWamid(number);
        chats.sendWhatsApp(WhatsAppFixtures.payload(number, List.of(WhatsAppFixtures.message("text.json", number, recentWamid,
                "/bahasa", null, null))), recentWamid, number);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update inbound_update set received_at = now() - interval '8 days 1 minute', "
                + "processed_at = now() - interval '8 days' "
                + "where channel = 'WHATSAPP' and provider_id = ?1").setParameter(1, ids.key(Channel.WHATSAPP, oldWamid)).executeUpdate());
        // Received long ago, processed only now (a long retry): its retention counts from the processing.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update inbound_update set received_at = now() - interval '9 days' "
                + "where channel = 'WHATSAPP' and provider_id = ?1").setParameter(1, ids.key(Channel.WHATSAPP, recentWamid)).executeUpdate());

        processor.pause();
        String pendingWamid = WhatsAppFixtures.realisticWamid(number);
        try {
            WhatsAppFixtures.post(WhatsAppFixtures.payload(number, List.of(WhatsAppFixtures.message("text.json", number, pendingWamid,
                    "menunggu", null, null)))).then().statusCode(200);
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update inbound_update set received_at = now() - interval '9 days' "
                    + "where provider_id = ?1").setParameter(1, ids.key(Channel.WHATSAPP, pendingWamid)).executeUpdate());

            assertTrue(purge.purge() >= 1);
            assertNull(payload(oldWamid), "a payload processed 8 days ago is emptied");
            assertNotNull(payload(recentWamid), "a payload processed recently is kept, however long ago it was received");
            assertNotNull(payload(pendingWamid), "an unprocessed payload is never purged");
            assertEquals(0, chats.storedCount(Channel.WHATSAPP, oldWamid), "past Meta's redelivery window the row goes too");
        } finally {
            processor.resume();
        }
    }

    private byte[] payload(String wamid) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select payload from inbound_update "
                + "where channel = 'WHATSAPP' and provider_id = ?1").setParameter(1, ids.key(Channel.WHATSAPP, wamid)).getResultList());
        return rows.isEmpty() ? null : (byte[]) rows.get(0); // null too once the row is deleted
    }
}
