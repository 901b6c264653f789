package id.ruangaman.inbox;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.intake.ConversationService;
import id.ruangaman.intake.DevConversation;
import id.ruangaman.security.Role;
import id.ruangaman.security.crypto.FieldCipher;
import id.ruangaman.testing.DatabaseScan;
import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.transcript.MediaRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A multi-choice answer given in the person's own words keeps those words (walkthrough 7: only a typed single choice
 * did), so the case page shows "Kata-kata pelapor: …" beside the options, as it does for a single choice. The words are
 * stored encrypted with the other answers and are gone after /hapus.
 */
@QuarkusTest
class TypedMultiChoiceInboxTest {

    @Inject
    InboxFixtures fixtures;
    @Inject
    ContactRepository contacts;
    @Inject
    ConversationService conversations;
    @Inject
    MediaRepository media;
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

    @Test
    void shouldShowTheTypedWordsOfAMultiChoiceKeepThemEncryptedAndEraseThem() throws Exception {
        fixtures.account("typed-multi-coordinator", Role.COORDINATOR);
        String session = InboxFixtures.login("typed-multi-coordinator");
        String sentinel = "sintetis" + UUID.randomUUID().toString().substring(0, 8);
        String services = "psikolog saja, tidak perlu polisi (" + sentinel + ")";
        String violence = "diraba " + sentinel;

        DevConversation person = new DevConversation(contacts, conversations, media);
        person.button("language:id").button("consent:yes").button("in_danger:no").button("safe_to_reply:yes")
                .button("reporter_role:victim").button("send_now:details").text(violence).button("violence_type:done")
                .button("incident_when:longer").button("victim_minor:no").button("incident_place:skip").button("chronology:skip")
                .button("biodata_offer:no").button("reported_offer:no").button("evidence_consent:no").text(services)
                .button("services:done").button("urgent_need:skip")
                .button("contact_offer:no").button("stats_consent:skip").button("summary:confirm");
        String ref = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select reference_code from intake where contact_id = ?1").setParameter(1, person.contactId).getSingleResult());

        InboxFixtures.getAs(session).when().get("/inbox/cases/" + ref).then().statusCode(200)
                .body(containsString("Konseling dengan psikolog")).body(containsString("Kata-kata pelapor: \u201c" + services + "\u201d"))
                .body(containsString("Kata-kata pelapor: \u201c" + violence + "\u201d"));
        try (Connection db = dataSource.getConnection()) {
            assertEquals(List.of(), DatabaseScan.find(db, cipher, false, List.of(sentinel), since), "readable without the data key");
            List<String> encrypted = DatabaseScan.find(db, cipher, true, List.of(sentinel), since);
            assertTrue(encrypted.contains("intake.answers: " + sentinel), encrypted.toString());
        }

        person.text("/hapus").text("ya");

        try (Connection db = dataSource.getConnection()) {
            assertEquals(List.of(), DatabaseScan.find(db, cipher, true, List.of(sentinel), since), "after /hapus");
        }
    }

    /**
     * Walkthrough (chat2, session 19): a broad word ("pelecehan", "kekerasan seksual") was not kept, so the counsellor
     * never saw what the survivor had typed. Now the words are the answer's own words, shown as "Kata-kata pelapor",
     * beside the options chosen and also when the question was skipped; encrypted, and gone after /hapus.
     */
    @Test
    void shouldShowTheSurvivorsBroadWordsToTheCounsellorKeepThemEncryptedAndEraseThem() throws Exception {
        fixtures.account("broad-words-coordinator", Role.COORDINATOR);
        String session = InboxFixtures.login("broad-words-coordinator");
        String sentinel = "sintetis" + UUID.randomUUID().toString().substring(0, 8);
        String broad = "kekerasan seksual " + sentinel;
        String mixed = "pelecehan dan dipukul " + sentinel;

        DevConversation person = new DevConversation(contacts, conversations, media);
        person.button("language:id").button("consent:yes").button("in_danger:no").button("safe_to_reply:yes")
                .button("reporter_role:victim").button("send_now:details").text(broad).text(mixed).button("violence_type:done")
                .button("incident_when:longer").button("victim_minor:no").button("incident_place:skip").button("chronology:skip")
                .button("biodata_offer:no").button("reported_offer:no").button("evidence_consent:no")
                .button("services:skip").button("urgent_need:skip")
                .button("contact_offer:no").button("stats_consent:skip").button("summary:confirm");
        String ref = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select reference_code from intake where contact_id = ?1").setParameter(1, person.contactId).getSingleResult());

        InboxFixtures.getAs(session).when().get("/inbox/cases/" + ref).then().statusCode(200)
                .body(containsString("Kekerasan fisik"))
                .body(containsString("Kata-kata pelapor: \u201c" + broad + " / " + mixed + "\u201d"));
        try (Connection db = dataSource.getConnection()) {
            assertEquals(List.of(), DatabaseScan.find(db, cipher, false, List.of(sentinel), since), "readable without the data key");
            assertTrue(DatabaseScan.find(db, cipher, true, List.of(sentinel), since).contains("intake.answers: " + sentinel));
        }

        person.text("/hapus").text("ya");

        try (Connection db = dataSource.getConnection()) {
            assertEquals(List.of(), DatabaseScan.find(db, cipher, true, List.of(sentinel), since), "after /hapus");
        }
    }
}
