package id.ruangaman.referral;

import static id.ruangaman.inbox.InboxFixtures.as;
import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Role;
import id.ruangaman.transcript.ChatMessage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A referral shares at least one part of the case. The draft form with nothing ticked is refused with the reason on the
 * case's referral page, a draft's parts cannot be emptied, and a draft that shares nothing (saved before this rule) is
 * never put to the survivor: no consent question reaches the chat. Synthetic case only.
 */
@QuarkusTest
class EmptyReferralRefusedTest {

    private static final String HTML = "text/html";
    private static final String REASON = "Pilih setidaknya satu bagian kasus yang dibagikan";

    @Inject
    InboxFixtures fixtures;
    @Inject
    ReferralTestData data;
    @Inject
    EntityManager em;

    private String counsellor;

    @BeforeEach
    void login() {
        fixtures.account("empty-referral-counsellor", Role.COUNSELLOR);
        counsellor = InboxFixtures.login("empty-referral-counsellor");
    }

    @Test
    void shouldRefuseTheDraftFormWithNothingTickedAndSayWhy() {
        String ref = data.sentinelCase();
        int before = data.referralsOf(ref).size();
        String location = as(counsellor).accept(HTML).redirects().follow(false)
                .formParam("provider", String.valueOf(data.provider("contoh-lbh"))).formParam("service", "legal").when()
                .post("/inbox/cases/" + ref + "/referrals").then().statusCode(303).extract().header("Location");
        assertTrue(location.contains("/inbox/cases/" + ref + "/referrals") && location.contains("refused=referral_parts_none"), location);
        String page = getAs(counsellor).cookie("ruangaman-lang", "id").when()
                .get(location.replaceFirst("^https?://[^/]+", "")).then().statusCode(200).extract().asString();
        assertTrue(page.contains(REASON), "the page says why");
        assertEquals(before, data.referralsOf(ref).size(), "no draft saved");
    }

    @Test
    void shouldNeitherEmptyADraftNorAskConsentForOneThatSharesNothing() {
        String ref = data.sentinelCase();
        long contactId = data.contactOf(ref);
        String location = as(counsellor).formParam("provider", String.valueOf(data.provider("contoh-lbh"))).formParam("service", "legal")
                .formParam("part", "needs").when().post("/inbox/cases/" + ref + "/referrals").then().statusCode(303).extract()
                .header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        // unticking every part of the draft is refused; the draft keeps what it shared
        as(counsellor).when().post("/inbox/referrals/" + id + "/parts").then().statusCode(400);
        assertTrue(data.referral(id).shareNeeds);

        // a draft that shares nothing, as one saved before the rule
        QuarkusTransaction.requiringNew().run(() -> em.find(Referral.class, id).shareNeeds = false);
        long outBefore = outCount(contactId);
        as(counsellor).when().post("/inbox/referrals/" + id + "/ask").then().statusCode(400);
        assertEquals("draft", data.referral(id).status, "still a draft");
        assertEquals(outBefore, outCount(contactId), "no consent question was sent to the survivor");
    }

    private long outCount(long contactId) {
        List<ChatMessage> transcript = data.transcript(contactId);
        return transcript.stream().filter(m -> m.direction == ChatMessage.Direction.OUT).count();
    }
}
