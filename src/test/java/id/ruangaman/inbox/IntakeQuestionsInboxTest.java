package id.ruangaman.inbox;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.transcript.MediaRepository;
import id.ruangaman.intake.ConversationService;
import id.ruangaman.intake.DevConversation;
import id.ruangaman.security.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 17 in the inbox: the violence type and the urgent-medical flag show in the case list and on the case page, the
 * list filters by them (unknown values are refused), the case page lists the parts still missing, and the printed
 * intake form leaves out the code word.
 */
@QuarkusTest
class IntakeQuestionsInboxTest {

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

    private String session;

    @BeforeEach
    void login() {
        fixtures.account("questions-coordinator", Role.COORDINATOR);
        session = InboxFixtures.login("questions-coordinator");
    }

    private String referenceOf(DevConversation person) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select reference_code from intake where contact_id = ?1").setParameter(1, person.contactId).getSingleResult());
    }

    /** Rape within 72 hours, sent the short way after the first questions. */
    private String urgentCase() {
        DevConversation person = new DevConversation(contacts, conversations, media);
        person.button("language:id").button("consent:yes").button("in_danger:no").button("safe_to_reply:yes")
                .button("reporter_role:victim").button("send_now:details").button("violence_type:rape").button("violence_type:done")
                .button("incident_when:within_72h").button("victim_minor:no").button("incident_place:skip").button("chronology:skip")
                .button("biodata_offer:no").button("reported_offer:no").button("evidence_consent:no").button("services:medical")
                .button("services:done").button("urgent_need:skip").button("contact_offer:yes").button("contact_times:skip")
                .button("never_do:skip").text("kodesintetis").button("stats_consent:yes").button("summary:confirm");
        return referenceOf(person);
    }

    private String olderCase() {
        DevConversation person = new DevConversation(contacts, conversations, media);
        person.button("language:id").button("consent:yes").button("in_danger:no").button("safe_to_reply:yes")
                .button("reporter_role:victim").button("send_now:details").button("violence_type:psychological_abuse")
                .button("violence_type:done").button("incident_when:longer").button("victim_minor:no").button("incident_place:campus")
                .text("Cerita sintetis.").restToSubmission(true);
        return referenceOf(person);
    }

    @Test
    void shouldShowAndFilterByViolenceTypeAndUrgentMedicalFlag() {
        String urgent = urgentCase();
        String older = olderCase();

        InboxFixtures.getAs(session).when().get("/inbox?ref=" + urgent).then().statusCode(200)
                .body(containsString("MEDIS MENDESAK")).body(containsString("Perkosaan"))
                // every type in the filter is an Indonesian label on the Indonesian page (before: "Grooming" alone)
                .body(containsString(">Grooming (didekati untuk dimanfaatkan)<"));
        InboxFixtures.getAs(session).when().get("/inbox?urgent=medical&ref=" + urgent).then().statusCode(200)
                .body(containsString("data-ref=\"" + urgent + "\""));
        InboxFixtures.getAs(session).when().get("/inbox?urgent=medical&ref=" + older).then().statusCode(200)
                .body(not(containsString("data-ref=\"" + older + "\"")));
        InboxFixtures.getAs(session).when().get("/inbox?violence=psychological_abuse&ref=" + older).then().statusCode(200)
                .body(containsString("data-ref=\"" + older + "\"")).body(containsString("Kekerasan psikis"));
        InboxFixtures.getAs(session).when().get("/inbox?violence=psychological_abuse&ref=" + urgent).then().statusCode(200)
                .body(not(containsString("data-ref=\"" + urgent + "\"")));
        InboxFixtures.getAs(session).when().get("/inbox?violence=unknown_kind").then().statusCode(400)
                .body(not(containsString("Exception")));
        InboxFixtures.getAs(session).when().get("/inbox?urgent=yes").then().statusCode(400);
    }

    @Test
    void shouldShowTheFlagsAndMissingPartsOnTheCasePageAndKeepTheCodeWordOffThePrint() {
        String urgent = urgentCase();
        InboxFixtures.getAs(session).when().get("/inbox/cases/" + urgent).then().statusCode(200)
                .body(containsString("MEDIS MENDESAK")).body(containsString("PEP dan kontrasepsi darurat"))
                .body(containsString("Perkosaan")).body(containsString("Belum diisi"))
                .body(containsString("Kronologi")).body(containsString("Data diri"))
                .body(containsString("kodesintetis"));
        InboxFixtures.getAs(session).when().get("/inbox/cases/" + urgent + "/print/intake-form").then().statusCode(200)
                .body(not(containsString("kodesintetis")));
    }
}
