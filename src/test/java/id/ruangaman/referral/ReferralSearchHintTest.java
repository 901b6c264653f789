package id.ruangaman.referral;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static id.ruangaman.inbox.InboxFixtures.login;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.intake.ConversationService;
import id.ruangaman.intake.DevConversation;
import id.ruangaman.intake.IntakeRepository;
import id.ruangaman.security.Role;
import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.transcript.MediaRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Walkthrough 10, F8: the provider search said "Layanan yang diminta penyintas sudah dipilih" on a case whose
 * survivor asked for no service, with nothing selected. The hint now says what is true in both cases.
 */
@QuarkusTest
class ReferralSearchHintTest {

    @Inject
    InboxFixtures fixtures;
    @Inject
    ContactRepository contacts;
    @Inject
    ConversationService conversations;
    @Inject
    MediaRepository media;
    @Inject
    IntakeRepository intakes;

    @Test
    void shouldSayNoServiceWasChosenWhenNoneWas() {
        fixtures.account("hint-counsellor", Role.COUNSELLOR);
        String session = login("hint-counsellor");
        DevConversation person = new DevConversation(contacts, conversations, media)
                .upToChronology().text("Kronologi sintetis tanpa layanan").restToSubmission(true);
        String none = QuarkusTransaction.requiringNew().call(() -> intakes.find("contactId", person.contactId).singleResult().referenceCode);
        String page = getAs(session).get("/inbox/cases/" + none + "/referrals").then().statusCode(200).extract().asString();
        assertTrue(page.contains("Penyintas belum memilih layanan"), page);
        assertFalse(page.contains("sudah dipilih"), "claims services were pre-selected");

        String asked = fixtures.submittedCase(true); // asks for psychological and legal help
        page = getAs(session).get("/inbox/cases/" + asked + "/referrals").then().statusCode(200).extract().asString();
        assertTrue(page.contains("Layanan yang diminta penyintas sudah dipilih"), page);
    }
}
