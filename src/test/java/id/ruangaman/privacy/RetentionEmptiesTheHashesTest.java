package id.ruangaman.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import id.ruangaman.channel.inbound.RawPayloadPurge;
import id.ruangaman.intake.ReporterErasure;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.TelegramChats;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WhatsAppFixtures;
import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.transcript.ProviderIds;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The retention (RawPayloadPurge) empties the blind indexes of a person's ids ({@code contact_hash}, {@code subject_hash})
 * together with the raw payload, so an update past it keeps no key of anyone and an erasure needs only the updates that
 * still hold a payload (ReporterErasure.ERASE_RAW_UPDATES, through partial indexes instead of a scan of every update ever
 * received). A young update keeps its hashes until an erasure or the retention empties them; a Telegram redelivery after
 * the retention is still absorbed by its platform id; a WhatsApp update past it keeps nothing but its platform id and is
 * deleted (Meta redelivers for up to 7 days, the retention's default).
 */
@QuarkusTest
class RetentionEmptiesTheHashesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    TelegramChats chats;
    @Inject
    RawPayloadPurge purge;
    @Inject
    ProviderIds ids;
    @Inject
    ContactRepository contacts;
    @Inject
    ReporterErasure erasure;
    @Inject
    EntityManager em;

    @Test
    void shouldEmptyTheHashesWithThePayloadAndKeepAYoungUpdatesHashes() {
        long chat = TelegramFixtures.newChatId();
        String oldUpdate = TelegramFixtures.text(chat, "halo");
        chats.send(oldUpdate, chat);
        long oldId = TelegramChats.updateIdOf(oldUpdate);
        String youngUpdate = TelegramFixtures.text(chat, "/bahasa");
        chats.send(youngUpdate, chat);
        long youngId = TelegramChats.updateIdOf(youngUpdate);
        age(Channel.TELEGRAM, "123456:" + oldId);

        purge.purge();

        Row old = row(Channel.TELEGRAM, "123456:" + oldId);
        assertEquals(new Row(false, false, false, "DONE"), old, "an update past the retention keeps neither payload nor hashes");
        Row young = row(Channel.TELEGRAM, "123456:" + youngId);
        assertEquals(new Row(true, true, true, "DONE"), young, "a young update keeps its payload and hashes");

        int lines = chats.transcript(chat).size();
        TelegramChats.post(oldUpdate).then().statusCode(200); // redelivered after the retention
        assertEquals(1, chats.storedCount(oldId), "the redelivery is recognised by its platform id");
        assertEquals(new Row(false, false, false, "DONE"), row(Channel.TELEGRAM, "123456:" + oldId));
        Eventually.await("the young chat settles", WAIT, () -> chats.outboxDrained(chat));
        assertEquals(lines, chats.transcript(chat).size(), "the redelivery is not answered again");
    }

    @Test
    void shouldDeleteAWhatsAppUpdatePastTheRetentionOnceItKeepsNothingButItsPlatformId() {
        String number = WhatsAppFixtures.newNumber();
        String oldWamid = WhatsAppFixtures.realisticWamid(number);
        chats.sendWhatsApp(WhatsAppFixtures.payload(number, List.of(WhatsAppFixtures.message("text.json", number, oldWamid,
                "halo", null, null))), oldWamid, number);
        String youngWamid = WhatsAppFixtures.realisticWamid(number);
        chats.sendWhatsApp(WhatsAppFixtures.payload(number, List.of(WhatsAppFixtures.message("text.json", number, youngWamid,
                "/bahasa", null, null))), youngWamid, number);
        age(Channel.WHATSAPP, oldWamid);

        purge.purge();

        assertEquals(0, chats.storedCount(Channel.WHATSAPP, oldWamid),
                "no key of the number is kept past the retention: the row names no one an erasure could find it by");
        assertEquals(new Row(true, true, true, "DONE"), row(Channel.WHATSAPP, youngWamid), "a young update is kept whole");
    }

    @Test
    void shouldEmptyAYoungUpdatesHashesOnHapus() {
        long chat = TelegramFixtures.newChatId();
        String update = TelegramFixtures.text(chat, "halo");
        chats.send(update, chat);
        byte[] hash = contacts.hash(Channel.TELEGRAM, String.valueOf(chat));
        assertTrue(keyed(hash) > 0, "the person's updates are found by their hash before the erasure");

        chats.send(TelegramFixtures.text(chat, "/hapus"), chat);
        chats.send(TelegramFixtures.text(chat, "ya"), chat);
        Eventually.await("erased", WAIT, () -> chats.contact(chat) == null);
        Eventually.await("the confirming update closed", WAIT, () -> keyed(hash) == 0);
        assertEquals(new Row(false, false, false, "DONE"), row(Channel.TELEGRAM, "123456:" + TelegramChats.updateIdOf(update)));
    }

    /** A group's update is about its sender, not the group: erasing the group's contact still finds it by the chat. */
    @Test
    void shouldEmptyAGroupsUpdatesWhenTheGroupsContactIsErased() {
        long person = TelegramFixtures.newChatId();
        long group = TelegramFixtures.newGroupId();
        long updateId = TelegramFixtures.newUpdateId();
        String inGroup = TelegramFixtures.render("group_message_from_user.json", updateId, group, TelegramFixtures.nextMessageId(),
                "pesan di grup", null, null, 0).replace("__FROM_ID__", String.valueOf(person));
        TelegramChats.post(inGroup).then().statusCode(200);
        Eventually.await("group update handled", WAIT, () -> !"PENDING".equals(chats.status(updateId)));
        Row before = row(Channel.TELEGRAM, "123456:" + updateId);
        assertTrue(before.payload() && before.contactHash() && before.subjectHash(), before.toString());
        Long groupContact = QuarkusTransaction.requiringNew().call(() -> contacts.findByExternalId(Channel.TELEGRAM,
                String.valueOf(group)).map(c -> c.id).orElse(null));
        assertNotNull(groupContact, "the group got its one notice, so it has a contact");

        QuarkusTransaction.requiringNew().run(() -> erasure.eraseOnRequest(groupContact));

        assertEquals(new Row(false, false, false, before.status()), row(Channel.TELEGRAM, "123456:" + updateId));
        assertFalse(keyed(contacts.hash(Channel.TELEGRAM, String.valueOf(group))) > 0, "no update keeps the group's hash");
    }

    record Row(boolean payload, boolean contactHash, boolean subjectHash, String status) {
    }

    private void age(Channel channel, String providerId) {
        int aged = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("update inbound_update set "
                + "received_at = now() - interval '8 days 1 minute', processed_at = now() - interval '8 days' "
                + "where channel = ?1 and provider_id = ?2").setParameter(1, channel.name())
                .setParameter(2, ids.key(channel, providerId)).executeUpdate());
        assertEquals(1, aged);
    }

    private Row row(Channel channel, String providerId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] r = (Object[]) em.createNativeQuery("select payload is not null, contact_hash is not null, "
                    + "subject_hash is not null, status from inbound_update where channel = ?1 and provider_id = ?2")
                    .setParameter(1, channel.name()).setParameter(2, ids.key(channel, providerId)).getSingleResult();
            return new Row((Boolean) r[0], (Boolean) r[1], (Boolean) r[2], (String) r[3]);
        });
    }

    private long keyed(byte[] hash) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from inbound_update "
                + "where contact_hash = ?1 or subject_hash = ?1").setParameter(1, hash).getSingleResult()).longValue());
    }
}
