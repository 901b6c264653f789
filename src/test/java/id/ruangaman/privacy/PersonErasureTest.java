package id.ruangaman.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.ChatMessage;
import id.ruangaman.transcript.Contact;
import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.transcript.Outbox;
import id.ruangaman.audit.AuditEvent;
import id.ruangaman.audit.AuditLog;
import id.ruangaman.conversation.Input;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.intake.Intake;
import id.ruangaman.intake.ReporterErasure;
import id.ruangaman.security.Role;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.intake.IntakeRepository;
import id.ruangaman.security.crypto.FieldCipher;
import id.ruangaman.testing.DatabaseScan;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.TelegramChats;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A WhatsApp reporter with Meta-shaped wamids (base64 records embedding their number) walks the intake, sends a
 * photo, corrects the story after sending the report (a WhatsApp edit, kept as a correction of the answer), gets a
 * counsellor's reply with delivery statuses, then erases everything with /hapus. Before: no
 * plain column holds the number, even base64-decoded. After: decrypting every encrypted column of every table
 * finds neither the sentinel phrase nor the number.
 */
@QuarkusTest
class PersonErasureTest extends WebhookTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    IntakeRepository intakes;
    @Inject
    ContactRepository contacts;
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
    InboxFixtures fixtures;
    @Inject
    AuditLog audit;

    /** Every wamid the person's messages came with, to find their raw updates. */
    private final List<String> wamids = new java.util.ArrayList<>();
    @Inject
    id.ruangaman.transcript.ProviderIds providerIds;

    private String wamid(String number) {
        String wamid = WhatsAppFixtures.realisticWamid(number);
        wamids.add(wamid);
        return wamid;
    }

    private void say(String number, String fixture, String text, String data, String mediaId) {
        chats.sayWhatsApp(number, wamid(number), fixture, text, data, mediaId);
    }

    @Test
    void shouldLeaveNeitherTheWordsNorTheNumberAnywhereAfterHapus() throws Exception {
        String number = WhatsAppFixtures.newNumber();
        String sentinel = "SENTINEL-" + number.substring(4) + "-ungu";
        graph.media("wa-media-" + number, ("synthetic photo " + sentinel).getBytes(StandardCharsets.UTF_8));

        chats.walkWhatsApp(number, IntakeWalk.of("halo " + sentinel, "language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes",
                "reporter_role:witness", "victim_knows:skip", "send_now:details", "violence_type:skip", "incident_when:longer",
                "victim_minor:no", "incident_place:online", "Kronologi " + sentinel + " (sintetis).")
                .then(IntakeWalk.lecturerWithOneFile("Fakultas " + sentinel, "wa-media-" + number, true)),
                () -> wamid(number));
        Contact contact = chats.contact(Channel.WHATSAPP, number);
        long contactId = contact.id;
        Intake intake = QuarkusTransaction.requiringNew().call(() -> intakes.find("contactId", contactId).singleResult());
        assertNotNull(intake.answers);
        // the person corrects their story after sending the report (WhatsApp edit): kept as a correction of the answer
        ChatMessage story = chats.transcript(Channel.WHATSAPP, number).stream().filter(m -> m.direction == ChatMessage.Direction.IN
                && m.body != null && m.body.contains("Kronologi " + sentinel) && !"edit".equals(m.kind)).findFirst().orElseThrow();
        say(number, "edit_text.json", "Kronologi dikoreksi " + sentinel + " (sintetis).", story.providerMessage, null);

        long reply = QuarkusTransaction.requiringNew().call(() -> {
            Contact c = contacts.findById(contactId);
            return outbox.queueText(c, "Balasan konselor tentang " + sentinel).id;
        });
        Eventually.await("reply sent", WAIT, () -> row(reply).status == ChatMessage.Status.SENT);
        String replyWamid = row(reply).providerMessage;
        assertTrue(new String(java.util.Base64.getDecoder().decode(replyWamid.substring("wamid.".length())),
                StandardCharsets.ISO_8859_1).contains(number), "the fake Cloud API's wamids embed the number, as Meta's do");
        for (String state : List.of("sent", "delivered", "read")) {
            WhatsAppFixtures.post(WhatsAppFixtures.statuses(List.of(WhatsAppFixtures.status(replyWamid, number, state))))
                    .then().statusCode(200);
        }
        Eventually.await("statuses applied", WAIT, () -> "read".equals(row(reply).deliveryStatus));

        try (Connection db = connection()) {
            assertEquals(List.of(), DatabaseScan.find(db, cipher, false, List.of(number, sentinel), since),
                    "the number or the words are readable without the data key");
            List<String> encrypted = DatabaseScan.find(db, cipher, true, List.of(number, sentinel), since);
            assertTrue(encrypted.contains("contact.external_id: " + number), encrypted.toString());
            assertTrue(encrypted.contains("inbound_update.payload: " + sentinel), encrypted.toString());
            assertTrue(encrypted.contains("chat_message.body: " + sentinel), encrypted.toString());
            assertTrue(encrypted.contains("intake.answers: " + sentinel), encrypted.toString());
            assertTrue(encrypted.contains("media.content: " + sentinel), encrypted.toString());
            assertTrue(encrypted.contains("answer_correction.body: " + sentinel), encrypted.toString());
            assertTrue(encrypted.contains("chat_message.provider_message: " + number), encrypted.toString());
        }

        java.util.Map<String, Object> before;
        try (Connection db = connection()) {
            before = ErasedShell.row(db, intake.id);
        }
        assertEquals("witness", before.get("reporter_role"), "the walk gave a reporter role, so its erasure is checked");
        assertEquals("no", before.get("victim_minor"));

        say(number, "text.json", "/hapus", null, null);
        say(number, "text.json", "ya", null, null);
        Eventually.await("erasure confirmed", WAIT, () -> graph.sentTo(number).stream().anyMatch(m -> m.text().contains("sudah dihapus")));
        Eventually.await("confirmation settled", WAIT, () -> QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from chat_message where contact_id = ?1 and recipient is not null").setParameter(1, contactId)
                .getSingleResult()).longValue() == 0));

        try (Connection db = connection()) {
            assertEquals(List.of(), DatabaseScan.find(db, cipher, true, List.of(number, sentinel), since),
                    "after /hapus, decrypting every column still finds the person");
        }
        try (Connection db = connection()) {
            ErasedShell.assertEveryColumn(db, intake.id, before);
        }
        Contact erased = QuarkusTransaction.requiringNew().call(() -> contacts.findById(contactId));
        assertNull(erased.externalId);
        assertNotNull(erased.erasedAt);
        assertNull(chats.contact(Channel.WHATSAPP, number), "the old contact can no longer be found by the number");
        String[] keys = wamids.stream().map(wamid -> providerIds.key(Channel.WHATSAPP, wamid)).toArray(String[]::new);
        long rawRows = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from inbound_update "
                + "where channel = 'WHATSAPP' and provider_id = any(?1) and payload is null and contact_hash is null and subject_hash is null")
                .setParameter(1, keys).getSingleResult()).longValue());
        assertTrue(rawRows > 20, "raw update rows are kept for deduplication, emptied of the payload and of the person's hashes: "
                + rawRows);

        // The person writes again: a fresh start, nothing of the erased conversation.
        say(number, "text.json", "halo lagi", null, null);
        Contact fresh = chats.contact(Channel.WHATSAPP, number);
        assertNotNull(fresh);
        assertTrue(fresh.id != contactId);
    }

    private Connection connection() throws java.sql.SQLException {
        return dataSource.getConnection();
    }

    private ChatMessage row(long id) {
        return QuarkusTransaction.requiringNew().call(() -> em.find(ChatMessage.class, id));
    }

    /**
     * Walkthrough 8, finding 1, by the survivor: a case through every SOP stage with a sentinel in every free-text
     * field, then {@code /hapus} in the chat. No decrypted column holds the sentinel; the SOP skeleton is kept; one
     * audit row (codes only) records the erasure; the pages render the skeleton.
     */
    @Test
    void shouldKeepTheCaseworkSkeletonAndEraseItsTextOnHapus() throws Exception {
        var coordinatorAccount = fixtures.account("hapus-sop-coordinator", Role.COORDINATOR);
        fixtures.account("hapus-sop-leader", Role.PIMPINAN);
        long chat = TelegramFixtures.newChatId();
        String ref = fixtures.submittedTelegramCase(chat);
        String sentinel = "HAPUSSOP-" + chat;
        SopCaseFile file = new SopCaseFile(InboxFixtures.login("hapus-sop-coordinator"), InboxFixtures.login("hapus-sop-leader"), ref,
                sentinel).recordedBy("hapus-sop-coordinator");
        file.walk(coordinatorAccount.id);
        long intakeId = QuarkusTransaction.requiringNew().call(() -> intakes.findByReferenceCode(ref).orElseThrow().id);
        java.util.Map<String, Object> before;
        try (Connection db = connection()) {
            before = ErasedShell.row(db, intakeId);
        }
        assertNotNull(before.get("reporter_role"), "the walk gave a reporter role, so its erasure is checked");
        assertNotNull(before.get("verification_started_at"), "the walk verified the case, so the shell's keeping it is checked");
        fixtures.survivorSends(ref, new Input.Text("/hapus"));
        fixtures.survivorSends(ref, new Input.Text("ya"));
        Intake shell = QuarkusTransaction.requiringNew().call(() -> intakes.findByReferenceCode(ref).orElseThrow());
        assertNotNull(shell.deletedByReporterAt, "erased");
        try (Connection db = connection()) {
            assertEquals(List.of(), DatabaseScan.find(db, cipher, true, List.of(sentinel), since),
                    "after /hapus, decrypting every column still finds the sentinel");
            file.assertSkeletonKept(db, shell.id);
            ErasedShell.assertEveryColumn(db, shell.id, before);
        }
        List<AuditEvent> erasures = QuarkusTransaction.requiringNew().call(() -> audit.list("intakeId = ?1 and action = 'erase'", shell.id));
        assertEquals(1, erasures.size(), "one audit row per erasure");
        assertEquals(ReporterErasure.CHAT_ACTOR, erasures.get(0).actor);
        assertEquals("reason:request_in_chat cases:1", erasures.get(0).detail);
        String sop = InboxFixtures.getAs(InboxFixtures.login("hapus-sop-coordinator")).get("/inbox/cases/" + ref + "/sop")
                .then().statusCode(200).extract().asString();
        assertTrue(sop.contains("Data pelapor dihapus atas permintaannya; kasus ditutup"), "no erasure line on the SOP timeline");
    }

    /**
     * Status note 9, noticed: the erasure's audit row named only the person's latest case, so an earlier case's SOP
     * timeline never showed that its pelapor's data was erased. A person with two reports confirms {@code /hapus}: each
     * case has its own audit row (codes only, both counting two cases) and its own erasure line on the SOP page.
     */
    @Test
    void shouldAuditTheErasureOnEveryCaseOfThePerson() {
        fixtures.account("hapus-two-coordinator", Role.COORDINATOR);
        String first = fixtures.submittedTelegramCase(TelegramFixtures.newChatId());
        String second = fixtures.anotherReport(first);
        fixtures.survivorSends(second, new Input.Text("/hapus"));
        fixtures.survivorSends(second, new Input.Text("ya"));
        String coordinator = InboxFixtures.login("hapus-two-coordinator");
        for (String ref : List.of(first, second)) {
            Intake shell = QuarkusTransaction.requiringNew().call(() -> intakes.findByReferenceCode(ref).orElseThrow());
            assertNotNull(shell.deletedByReporterAt, ref + " not erased");
            List<AuditEvent> rows = QuarkusTransaction.requiringNew().call(() -> audit.list("intakeId = ?1 and action = 'erase'", shell.id));
            assertEquals(1, rows.size(), "one erasure row for " + ref);
            assertEquals("reason:request_in_chat cases:2", rows.get(0).detail);
            String sop = InboxFixtures.getAs(coordinator).get("/inbox/cases/" + ref + "/sop").then().statusCode(200).extract().asString();
            assertTrue(sop.contains("Data pelapor dihapus atas permintaannya; kasus ditutup"), "no erasure line on " + ref + "'s SOP timeline");
            assertTrue(sop.contains("Pelapor (lewat chat)") && !sop.contains("survivor-chat"), "the chat's actor shown as a code (walkthrough 10, F5)");
        }
    }

    /**
     * Walkthrough 8, finding 11: what the person sent in a Telegram group (the chat is the group, the sender is them;
     * fixture group_message_from_user.json) is purged with their own chat on /hapus, not left to the retention clean-up.
     */
    @Test
    void shouldPurgeWhatThePersonSentInAGroupOnHapus() throws Exception {
        long person = TelegramFixtures.newChatId();
        long group = TelegramFixtures.newGroupId();
        String sentinel = "GRUPSENTINEL-" + person;
        chats.send(TelegramFixtures.text(person, "halo"), person);
        long updateId = TelegramFixtures.newUpdateId();
        String inGroup = TelegramFixtures.render("group_message_from_user.json", updateId, group, TelegramFixtures.nextMessageId(),
                "pesan di grup " + sentinel, null, null, 0).replace("__FROM_ID__", String.valueOf(person));
        TelegramChats.post(inGroup).then().statusCode(200);
        Eventually.await("group update handled", WAIT, () -> !"PENDING".equals(chats.status(updateId)));
        try (Connection db = connection()) {
            assertTrue(DatabaseScan.find(db, cipher, true, List.of(sentinel), since).contains("inbound_update.payload: " + sentinel));
        }
        long contactId = chats.contact(person).id;
        chats.send(TelegramFixtures.text(person, "/hapus"), person);
        chats.send(TelegramFixtures.text(person, "ya"), person);
        Eventually.await("erased", WAIT, () -> chats.contact(person) == null);
        // this person's confirmation only: another test's erased dev-chat contact keeps its own until the dev chat reads it
        Eventually.await("confirmation settled", WAIT, () -> QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from chat_message where recipient is not null and contact_id = ?1").setParameter(1, contactId)
                .getSingleResult()).longValue() == 0));
        try (Connection db = connection()) {
            assertEquals(List.of(), DatabaseScan.find(db, cipher, true, List.of(sentinel, String.valueOf(person)), since),
                    "the person's group message or id is still stored after /hapus");
        }
    }

    /** Walkthrough 8, finding 11: erasure unlinks a dev-chat contact as it does every channel's (no external id kept). */
    @Test
    void shouldUnlinkADevChatContactAsAnyOther() {
        String ref = fixtures.submittedCase(true);
        long contactId = fixtures.contactOf(ref);
        fixtures.survivorSends(ref, new Input.Text("/hapus"));
        fixtures.survivorSends(ref, new Input.Text("ya"));
        Contact erased = QuarkusTransaction.requiringNew().call(() -> contacts.findById(contactId));
        assertNotNull(erased.erasedAt);
        assertNull(erased.externalId, "the dev chat's token stays linked to the erased contact");
    }
}
