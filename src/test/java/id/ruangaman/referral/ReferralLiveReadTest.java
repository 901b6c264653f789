package id.ruangaman.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.audit.AuditAction;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Role;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The address an open referral page reads again when its case changes ({@code GET /inbox/referrals/{id}/live}): the
 * page's own access rules, and a read is in the audit log as a view of the referral, once per half hour for the live
 * page's many re-reads, so a read of the address by hand is never unaudited. Synthetic case and accounts.
 */
@QuarkusTest
class ReferralLiveReadTest {

    @Inject
    InboxFixtures fixtures;
    @Inject
    ReferralTestData data;

    @Test
    void shouldAuditTheFirstReadAndCoverTheLiveRereads() {
        fixtures.account("live-read-coordinator", Role.COORDINATOR);
        String session = InboxFixtures.login("live-read-coordinator");
        long id = data.draftAndAsk(session, data.sentinelCase());
        long before = data.auditsByActor("live-read-coordinator", AuditAction.REFERRAL_VIEW.code());

        String page = InboxFixtures.as(session).when().get("/inbox/referrals/" + id + "/live").then().statusCode(200).extract().asString();
        assertTrue(page.contains("id=\"referral-status\""), "the parts the page replaces");
        assertEquals(before + 1, data.auditsByActor("live-read-coordinator", AuditAction.REFERRAL_VIEW.code()), "the read is audited");

        InboxFixtures.as(session).when().get("/inbox/referrals/" + id + "/live").then().statusCode(200);
        assertEquals(before + 1, data.auditsByActor("live-read-coordinator", AuditAction.REFERRAL_VIEW.code()),
                "a live re-read within the half hour is covered by that view");
    }

    @Test
    void shouldRefuseAnAddressThatNamesNoReferral() {
        fixtures.account("live-read-other", Role.COORDINATOR);
        String session = InboxFixtures.login("live-read-other");
        InboxFixtures.as(session).when().get("/inbox/referrals/not-a-number/live").then().statusCode(404);
        InboxFixtures.as(session).when().get("/inbox/referrals/987654321/live").then().statusCode(404);
    }
}
