package id.ruangaman.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.channel.inbound.RawPayloadPurge;
import id.ruangaman.security.crypto.FieldCipher;
import id.ruangaman.testing.DatabaseScan;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.FakeGraph;
import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.TelegramChats;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.ChatMessage;
import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.transcript.Outbox;
import id.ruangaman.transcript.ProviderIds;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * After {@code /hapus} no column of any table (found through {@code information_schema}, so a column added later is
 * scanned too) holds a lookup key derived from the person's platform ids: the contact's blind index of their number,
 * chat id or user id, or the keyed hash of any of their wamids (a wamid is base64 of a record that embeds the number)
 * and of the status updates about them. The only exception is the deduplication key of a WhatsApp update, kept while
 * the platform may still redeliver it (the raw-payload retention) and deleted with the row after it. Late platform
 * events about the erased messages (statuses, edits, a live location's moves) are acknowledged, store nothing, bring
 * nothing back, and a redelivery of one is still absorbed. Through the real webhooks with Meta- and Bot-API-shaped
 * payloads; synthetic numbers, chats and texts.
 */
@QuarkusTest
class ErasureLeavesNoKeysTest extends WebhookTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    ContactRepository contacts;
    @Inject
    ProviderIds providerIds;
    @Inject
    Outbox outbox;
    @Inject
    EntityManager em;
    @Inject
    DataSource dataSource;

    /** Where the database stood when the test began: the scans read only what was written after it (DatabaseScan.mark). */
    private DatabaseScan.Since since;

    @BeforeEach
    void markTheDatabase() throws java.sql.SQLException {
        try (Connection db = dataSource.getConnection()) {
            since = DatabaseScan.mark(db);
        }
    }

    @Inject
    FieldCipher cipher;
    @Inject
    RawPayloadPurge purge;

    @Test
    void shouldLeaveNoKeyOfAWhatsAppPersonsIdsAndIgnoreLateEventsAfterHapus() throws Exception {
        String number = WhatsAppFixtures.newNumber();
        List<String> wamids = new ArrayList<>();
        java.util.function.Supplier<String> next = () -> {
            String wamid = WhatsAppFixtures.realisticWamid(number);
            wamids.add(wamid);
            return wamid;
        };
        chats.sayWhatsApp(number, next.get(), "text.json", "halo", null, null);
        chats.walkWhatsApp(number, IntakeWalk.shortVictim(true, "Kronologi sintetis untuk kunci.", "no", "psychological"), next);
        graph.media("wa-keys-" + number, "synthetic photo".getBytes(StandardCharsets.UTF_8));
        chats.sayWhatsApp(number, next.get(), "image.json", null, null, "wa-keys-" + number);
        String corrected = wamids.get(0);
        chats.sayWhatsApp(number, next.get(), "edit_text.json", "halo, koreksi sintetis", corrected, null);
        long contactId = chats.contact(Channel.WHATSAPP, number).id;
        long reply = QuarkusTransaction.requiringNew().call(() -> outbox.queueText(contacts.findById(contactId), "Balasan sintetis").id);
        Eventually.await("reply sent", WAIT, () -> row(reply).status == ChatMessage.Status.SENT);
        String replyWamid = row(reply).providerMessage;
        for (String state : List.of("sent", "delivered")) {
            WhatsAppFixtures.post(WhatsAppFixtures.statuses(List.of(WhatsAppFixtures.status(replyWamid, number, state))))
                    .then().statusCode(200);
        }
        Eventually.await("statuses applied", WAIT, () -> "delivered".equals(row(reply).deliveryStatus));
        assertTrue(keyed(contactId) > 5, "before: the person's lines hold lookup keys, so their emptying is checked");

        chats.sayWhatsApp(number, next.get(), "text.json", "/hapus", null, null);
        chats.sayWhatsApp(number, next.get(), "text.json", "ya", null, null);
        Eventually.await("confirmation settled", WAIT, () -> count(
                "select count(*) from chat_message where contact_id = ?1 and recipient is not null", contactId) == 0);
        List<String> sentWamids = graph.sentTo(number).stream().map(FakeGraph.Sent::wamid).filter(w -> w != null).toList();
        String farewell = sentWamids.get(sentWamids.size() - 1);
        assertEquals(0, keyed(contactId), "no line of the person keeps a lookup key");
        List<String> ids = new ArrayList<>(wamids);
        ids.addAll(sentWamids);
        List<String> needles = needles(number, ids);
        try (Connection db = dataSource.getConnection()) {
            assertEquals(List.of("inbound_update.provider_id"), columns(DatabaseScan.find(db, cipher, true, needles, since)),
                    "after /hapus only the deduplication keys of the person's updates are left, while a redelivery may still come");
        }

        // Late news of erased messages: the reply read, the farewell delivered, a failure that would hold a reply
        // (131047) and an edit of an erased line. Each is acknowledged, then retried by Meta once more.
        List<String> late = List.of(
                WhatsAppFixtures.statuses(List.of(WhatsAppFixtures.status(replyWamid, number, "read"))),
                WhatsAppFixtures.statuses(List.of(WhatsAppFixtures.status(farewell, number, "delivered"))),
                WhatsAppFixtures.statuses(List.of(WhatsAppFixtures.failedStatus(replyWamid, number, 131047))));
        String lateEditWamid = WhatsAppFixtures.realisticWamid(number);
        String lateEdit = WhatsAppFixtures.payload(number, List.of(WhatsAppFixtures.message("edit_text.json", number, lateEditWamid,
                "koreksi sesudah penghapusan (sintetis)", corrected, null)));
        long before = count("select count(*) from chat_message where contact_id = ?1", contactId);
        for (String body : late) {
            WhatsAppFixtures.post(body).then().statusCode(200);
            WhatsAppFixtures.post(body).then().statusCode(200);
        }
        chats.sendWhatsApp(lateEdit, lateEditWamid, number);
        WhatsAppFixtures.post(lateEdit).then().statusCode(200);
        assertEquals(1, chats.storedCount(Channel.WHATSAPP, lateEditWamid), "a redelivered late edit is absorbed");
        for (String status : List.of("status:" + replyWamid + ":read", "status:" + farewell + ":delivered",
                "status:" + replyWamid + ":failed")) {
            assertEquals(1, chats.storedCount(Channel.WHATSAPP, status), "a redelivered late status is absorbed");
            Eventually.await("late status closed", WAIT, () -> !"PENDING".equals(chats.status(Channel.WHATSAPP, status)));
        }

        assertNull(chats.contact(Channel.WHATSAPP, number), "no contact comes back for the late events");
        ChatMessage erasedReply = row(reply);
        assertEquals(ChatMessage.Status.SENT, erasedReply.status, "a late failure does not hold the erased reply again");
        assertEquals("delivered", erasedReply.deliveryStatus, "nor does a late status change it");
        assertEquals(0, count("select count(*) from chat_message where contact_id = ?1 and status = 'HELD'", contactId));
        assertEquals(before, count("select count(*) from chat_message where contact_id = ?1", contactId), "no line is written for the late events");
        assertEquals(0, keyed(contactId), "no line of the person keeps a lookup key");

        ids.add(lateEditWamid);
        needles = needles(number, ids);
        try (Connection db = dataSource.getConnection()) {
            assertEquals(List.of("inbound_update.provider_id"), columns(DatabaseScan.find(db, cipher, true, needles, since)),
                    "the late events left nothing but their deduplication keys");
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update inbound_update set received_at = received_at "
                + "- interval '8 days', processed_at = processed_at - interval '8 days' where channel = 'WHATSAPP' and provider_id = any(?1)")
                .setParameter(1, ids.stream().flatMap(w -> java.util.stream.Stream.of(w, "status:" + w + ":sent", "status:" + w
                        + ":delivered", "status:" + w + ":read", "status:" + w + ":failed")).map(w -> providerIds.key(Channel.WHATSAPP, w))
                        .toArray(String[]::new)).executeUpdate());
        purge.purge();
        try (Connection db = dataSource.getConnection()) {
            assertEquals(List.of(), columns(DatabaseScan.find(db, cipher, true, needles, since)),
                    "past the platform's redelivery window no key of the person is left anywhere");
        }
    }

    @Test
    void shouldLeaveNoKeyOfATelegramChatAndIgnoreLateEditsAfterHapus() throws Exception {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        chats.walkTelegram(chat, IntakeWalk.shortVictim(true, "Kronologi sintetis Telegram untuk kunci.", "no", "psychological"));
        long typed = TelegramFixtures.nextMessageId();
        chats.send(TelegramFixtures.render("text_message.json", TelegramFixtures.newUpdateId(), chat, typed, "pesan sintetis",
                null, null, 0), chat);
        long photo = TelegramFixtures.nextMessageId();
        telegram.file("tg-keys-" + photo, "synthetic photo".getBytes(StandardCharsets.UTF_8));
        chats.send(TelegramFixtures.render("photo.json", TelegramFixtures.newUpdateId(), chat, photo, null, null,
                "tg-keys-" + photo, 1000), chat);
        chats.send(TelegramFixtures.render("edited_message.json", TelegramFixtures.newUpdateId(), chat, typed, "koreksi sintetis",
                null, null, 0), chat);
        long contactId = chats.contact(chat).id;
        assertTrue(keyed(contactId) > 3, "before: the person's lines hold lookup keys");

        chats.send(TelegramFixtures.text(chat, "/hapus"), chat);
        chats.send(TelegramFixtures.text(chat, "ya"), chat);
        Eventually.await("confirmation settled", WAIT, () -> count(
                "select count(*) from chat_message where contact_id = ?1 and recipient is not null", contactId) == 0);

        assertEquals(0, keyed(contactId), "no line of the person keeps a lookup key");
        List<String> needles = new ArrayList<>(DatabaseScan.keyNeedles(List.of(contacts.hash(Channel.TELEGRAM, String.valueOf(chat)))));
        needles.add(String.valueOf(chat));
        try (Connection db = dataSource.getConnection()) {
            assertEquals(List.of(), columns(DatabaseScan.find(db, cipher, true, needles, since)),
                    "after /hapus no column holds the chat id or a key of it");
        }

        long before = count("select count(*) from chat_message where contact_id = ?1", contactId);
        String lateEdit = TelegramFixtures.render("edited_message.json", TelegramFixtures.newUpdateId(), chat, typed,
                "koreksi sesudah penghapusan (sintetis)", null, null, 0);
        String lateCaption = TelegramFixtures.render("edited_photo_caption.json", TelegramFixtures.newUpdateId(), chat, photo,
                "keterangan baru (sintetis)", null, "tg-keys-" + photo, 1000);
        String lateLocation = TelegramFixtures.render("edited_live_location.json", TelegramFixtures.newUpdateId(), chat,
                TelegramFixtures.nextMessageId(), null, null, null, 0);
        for (String update : List.of(lateEdit, lateCaption, lateLocation)) {
            chats.send(update, chat);
            TelegramChats.post(update).then().statusCode(200);
            assertEquals(1, chats.storedCount(TelegramChats.updateIdOf(update)), "a redelivered late edit is absorbed");
        }
        assertNull(chats.contact(chat), "no contact comes back for the late edits");
        assertEquals(before, count("select count(*) from chat_message where contact_id = ?1", contactId), "no line is written for the late edits");
        assertEquals(0, keyed(contactId), "no line of the person keeps a lookup key");
        try (Connection db = dataSource.getConnection()) {
            assertEquals(List.of(), columns(DatabaseScan.find(db, cipher, true, needles, since)),
                    "the late edits left no trace of the chat id or a key of it");
        }
    }

    /** The number, and every form of a key of it, of each wamid and of each status update about one. */
    private List<String> needles(String number, List<String> wamids) {
        List<byte[]> keys = new ArrayList<>();
        keys.add(contacts.hash(Channel.WHATSAPP, number));
        for (String wamid : wamids) {
            keys.add(providerKey(wamid));
            for (String state : List.of("sent", "delivered", "read", "failed")) {
                keys.add(providerKey("status:" + wamid + ":" + state));
            }
        }
        List<String> needles = new ArrayList<>(DatabaseScan.keyNeedles(keys));
        needles.add(number);
        return needles;
    }

    private byte[] providerKey(String providerId) {
        return Base64.getUrlDecoder().decode(providerIds.key(Channel.WHATSAPP, providerId).substring(ProviderIds.HASHED.length()));
    }

    /** The {@code table.column} part of each finding, without the (binary) needle. */
    private static List<String> columns(List<String> found) {
        return found.stream().map(line -> line.substring(0, line.indexOf(": "))).distinct().toList();
    }

    private long keyed(long contactId) {
        return count("select count(*) from chat_message where contact_id = ?1 and provider_message_key is not null", contactId);
    }

    private long count(String sql, Long contactId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery(sql);
            if (contactId != null) {
                query.setParameter(1, contactId);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    private ChatMessage row(long id) {
        return QuarkusTransaction.requiringNew().call(() -> em.find(ChatMessage.class, id));
    }
}
