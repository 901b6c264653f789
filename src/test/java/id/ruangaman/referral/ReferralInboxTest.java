package id.ruangaman.referral;

import static id.ruangaman.inbox.InboxFixtures.as;
import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.transcript.ChatMessage;
import id.ruangaman.conversation.Input;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.intake.ConversationService;
import id.ruangaman.security.Role;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** Referrals in the inbox: the consent gate, partial consent in the letter, withdrawal, guardian override, lifecycle. */
@QuarkusTest
class ReferralInboxTest {

    @Inject
    InboxFixtures fixtures;
    @Inject
    ReferralTestData data;
    @Inject
    ConversationService conversations;

    private String counsellor;
    private String coordinator;
    private Long coordinatorId;

    @BeforeEach
    void login() {
        fixtures.account("referral-counsellor", Role.COUNSELLOR);
        coordinatorId = fixtures.account("referral-coordinator", Role.COORDINATOR).id;
        counsellor = InboxFixtures.login("referral-counsellor");
        coordinator = InboxFixtures.login("referral-coordinator");
    }

    private long draft(String session, String ref, String providerKey, String service, String... parts) {
        RequestSpecification request = as(session).formParam("provider", String.valueOf(data.provider(providerKey)))
                .formParam("service", service);
        for (String part : parts) {
            request = request.formParam("part", part);
        }
        String location = request.when().post("/inbox/cases/" + ref + "/referrals").then().statusCode(303).extract().header("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private void post(String session, long id, String action, int status) {
        as(session).when().post("/inbox/referrals/" + id + "/" + action).then().statusCode(status);
    }

    private void status(String session, long id, String to, int expected) {
        as(session).formParam("status", to).when().post("/inbox/referrals/" + id + "/status").then().statusCode(expected);
    }

    private String lastOutText(long contactId) {
        List<ChatMessage> transcript = data.transcript(contactId);
        return transcript.stream().filter(m -> m.direction == ChatMessage.Direction.OUT).reduce((a, b) -> b).orElseThrow().body;
    }

    @Test
    void shouldNotSendOrPrintWithoutConsent() {
        String ref = data.sentinelCase();
        long id = draft(counsellor, ref, "contoh-lbh", "legal", "chronology");
        status(counsellor, id, "sent", 409);
        getAs(counsellor).when().get("/inbox/referrals/" + id + "/letter").then().statusCode(409);
        post(counsellor, id, "ask", 303);
        assertEquals("awaiting_consent", data.referral(id).status);
        status(counsellor, id, "sent", 409);
        getAs(counsellor).when().get("/inbox/referrals/" + id + "/letter").then().statusCode(409);
        long contactId = data.contactOf(ref);
        data.press(contactId, "_ref" + id + ":no");
        Referral declined = data.referral(id);
        assertEquals("declined", declined.status);
        assertEquals("survivor", declined.consentBy);
        status(counsellor, id, "sent", 409);
        assertTrue(data.audits("referral_change", data.intakeOf(ref), "referral:" + id + " send_refused%") >= 3);
        data.press(contactId, "_ref" + id + ":yes");
        assertEquals("declined", data.referral(id).status, "a stale yes changes nothing");
        assertTrue(lastOutText(contactId).contains("belum ada yang kami bagikan"), "says nothing was shared: " + lastOutText(contactId));
    }

    @Test
    void shouldPrintOnlyTheConsentedParts() {
        String ref = data.sentinelCase();
        long contactId = data.contactOf(ref);
        long id = draft(counsellor, ref, "contoh-pusat-krisis", "psychological", "chronology");
        post(counsellor, id, "ask", 303);
        String question = lastOutText(contactId);
        assertTrue(question.contains("Contoh: Pusat Krisis Perempuan (fiktif)"), "the question names the provider");
        assertTrue(question.contains("kronologi kejadian"), "the question names what would be shared");
        assertFalse(question.contains("identitasmu"), "and nothing else");
        assertTrue(question.contains("\"_ref" + id + "\""), "yes/no buttons on the question: " + question);

        data.press(contactId, "_ref" + id + ":yes");
        Referral consented = data.referral(id);
        assertEquals("consented", consented.status);
        assertEquals("survivor", consented.consentBy);
        assertEquals("chronology", consented.consentedParts);
        assertNotNull(consented.consentAnsweredAt);
        ChatMessage answer = data.transcript(contactId).stream().filter(m -> m.id.equals(consented.consentMessageId)).findFirst().orElseThrow();
        assertEquals(ChatMessage.Direction.IN, answer.direction);
        assertEquals("button", answer.kind);

        String letter = getAs(counsellor).when().get("/inbox/referrals/" + id + "/letter").then().statusCode(200)
                .body(containsString("Surat Permohonan Rujukan")).body(containsString("Contoh: Pusat Krisis Perempuan (fiktif)"))
                .extract().asString();
        assertTrue(letter.contains(ReferralTestData.CHRONOLOGY), "the consented chronology is in the letter");
        assertFalse(letter.contains(ReferralTestData.NAME), "identity was not consented");
        assertFalse(letter.contains(ReferralTestData.NEED), "needs were not consented");
        assertEquals(1, data.audits("print", data.intakeOf(ref), "referral_letter:" + id + "%"));

        // the draft's parts can no longer change once asked
        as(counsellor).formParam("part", "identity").when().post("/inbox/referrals/" + id + "/parts").then().statusCode(409);
    }

    @Test
    void shouldStopAllSharingWhenTheSurvivorWithdraws() {
        String ref = data.sentinelCase();
        long contactId = data.contactOf(ref);
        long first = draft(counsellor, ref, "contoh-lbh", "legal", "needs");
        long second = draft(counsellor, ref, "contoh-pusat-krisis", "psychological", "identity", "chronology");
        post(counsellor, first, "ask", 303);
        post(counsellor, second, "ask", 303);
        data.press(contactId, "_ref" + first + ":yes", "_ref" + second + ":yes");
        status(counsellor, first, "sent", 303);
        assertTrue(lastOutText(contactId).contains("sudah kami kirim"), "the survivor is told when it is sent");

        conversations.receive(contactId, new Input.Text("/CABUT@RuangAmanBot"), null);
        String which = lastOutText(contactId);
        assertTrue(which.contains("\"_refw\"") && which.contains("\"" + first + "\"") && which.contains("\"" + second + "\""), which);
        assertEquals("consented", data.referral(second).status, "choosing comes first");

        data.press(contactId, "_refw:" + second);
        Referral revoked = data.referral(second);
        assertEquals("revoked", revoked.status);
        assertNotNull(revoked.revokedAt);
        getAs(counsellor).when().get("/inbox/referrals/" + second + "/letter").then().statusCode(409);
        status(counsellor, second, "sent", 409);
        getAs(counsellor).when().get("/inbox/referrals/" + second).then().statusCode(200).body(containsString("revoked-notice"));

        conversations.receive(contactId, new Input.Text("/withdraw"), null);
        assertEquals("revoked", data.referral(first).status, "with one left, /withdraw revokes it at once");
        status(counsellor, first, "accepted", 409);
        getAs(counsellor).when().get("/inbox/referrals/" + first + "/letter").then().statusCode(409);
        conversations.receive(contactId, new Input.Text("/cabut"), null);
        assertTrue(lastOutText(contactId).contains("tidak ada rujukan"));
    }

    @Test
    void shouldRevokeEveryOpenReferralWhenTheReporterDeletesTheirData() {
        String ref = data.sentinelCase();
        long contactId = data.contactOf(ref);
        long asked = draft(counsellor, ref, "contoh-lbh", "legal", "needs");
        long drafted = draft(counsellor, ref, "contoh-pusat-krisis", "psychological", "needs");
        post(counsellor, asked, "ask", 303);
        data.press(contactId, "_ref" + asked + ":yes");
        conversations.receive(contactId, new Input.Text("/hapus"), null);
        conversations.receive(contactId, new Input.Text("ya"), null);
        assertEquals("revoked", data.referral(asked).status);
        assertEquals("revoked", data.referral(drafted).status);
        // Walkthrough 8, finding 10: the consent answer went with the erased conversation, and the page says so.
        String page = getAs(counsellor).cookie("ruangaman-lang", "id").when().get("/inbox/referrals/" + asked).then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("dihapus oleh pelapor, bersama seluruh percakapannya") && !page.contains("tercatat di percakapan kasus"),
                page);
        status(counsellor, asked, "sent", 409);
        getAs(counsellor).when().get("/inbox/referrals/" + asked + "/letter").then().statusCode(409);
    }

    @Test
    void shouldLetOnlyACoordinatorRecordAGuardiansConsentWithAReason() {
        String ref = data.sentinelCase();
        long intakeId = data.intakeOf(ref);
        long id = draft(counsellor, ref, "contoh-lbh", "legal", "identity", "needs");
        as(counsellor).formParam("reason", "Orang tua korban anak menyetujui secara tertulis").when()
                .post("/inbox/referrals/" + id + "/guardian").then().statusCode(403);
        assertTrue(data.audits("access_denied", intakeId, "referral:" + id + " guardian_override") >= 1);
        assertEquals("draft", data.referral(id).status);

        as(coordinator).when().post("/inbox/referrals/" + id + "/guardian").then().statusCode(400);
        as(coordinator).formParam("reason", "short").when().post("/inbox/referrals/" + id + "/guardian").then().statusCode(400);
        as(coordinator).formParam("reason", "Orang tua korban anak menyetujui secara tertulis").when()
                .post("/inbox/referrals/" + id + "/guardian").then().statusCode(303);
        Referral consented = data.referral(id);
        assertEquals("consented", consented.status);
        assertEquals("guardian", consented.consentBy);
        assertEquals(coordinatorId, consented.overrideById, "the coordinator's account, by id");
        assertEquals(null, consented.overrideBy, "no username kept where the account is known");
        assertEquals("Orang tua korban anak menyetujui secara tertulis", consented.overrideReason);
        assertEquals("identity,needs", consented.consentedParts);
        status(coordinator, id, "sent", 303);
        String letter = getAs(coordinator).when().get("/inbox/referrals/" + id + "/letter").then().statusCode(200).extract().asString();
        assertTrue(letter.contains(ReferralTestData.NAME) && letter.contains(ReferralTestData.NEED));
        assertFalse(letter.contains(ReferralTestData.CHRONOLOGY));

        // the guardian's reason is free text that may name the survivor: /hapus takes it too (walkthrough 8)
        long contactId = data.contactOf(ref);
        conversations.receive(contactId, new Input.Text("/hapus"), null);
        conversations.receive(contactId, new Input.Text("ya"), null);
        Referral erased = data.referral(id);
        assertNull(erased.overrideReason, "the guardian's reason is erased with the person");
        assertEquals("guardian", erased.consentBy, "who consented stays, as a code");
        String page = getAs(coordinator).cookie("ruangaman-lang", "id").when().get("/inbox/referrals/" + id).then().statusCode(200)
                .extract().asString();
        assertFalse(page.contains("Orang tua korban anak menyetujui secara tertulis"), page);
        assertTrue(page.contains("dihapus oleh pelapor"), "the page says where the reason went");
    }

    @Test
    void shouldWalkTheLifecycleAndRefuseIllegalSteps() {
        String ref = data.sentinelCase();
        long contactId = data.contactOf(ref);
        long id = draft(counsellor, ref, "contoh-rumah-sakit", "medical", "needs");
        status(counsellor, id, "accepted", 409);
        status(counsellor, id, "completed", 409);
        status(counsellor, id, "bogus", 400);
        status(counsellor, id, "consented", 400); // consent only comes from the survivor or a guardian
        post(counsellor, id, "ask", 303);
        post(counsellor, id, "ask", 409);
        String question = lastOutText(contactId);
        assertTrue(question.contains("kebutuhan dan layanan yang kamu minta"), "the question names the part to share: " + question);
        data.press(contactId, "_ref" + id + ":yes");
        status(counsellor, id, "accepted", 409);
        status(counsellor, id, "sent", 303);
        status(counsellor, id, "sent", 409);
        status(counsellor, id, "accepted", 303);
        assertTrue(lastOutText(contactId).contains("menerima rujukanmu"), "the survivor is told when it is accepted");
        status(counsellor, id, "completed", 303);
        status(counsellor, id, "revoked", 409);
        Referral done = data.referral(id);
        assertEquals("completed", done.status);
        assertNotNull(done.sentAt);
        assertNotNull(done.acceptedAt);
        assertNotNull(done.completedAt);
        assertNull(done.revokedAt);
        assertEquals(5, data.audits("referral_change", data.intakeOf(ref), "referral:" + id + " %->%"));
        getAs(counsellor).when().get("/inbox/referrals/" + id).then().statusCode(200)
                .body(containsString("Rujukan Contoh: Rumah Sakit Harapan (fiktif) · Draf → Menunggu persetujuan"))
                .body(containsString("Rujukan Contoh: Rumah Sakit Harapan (fiktif) · Diterima penyedia → Selesai"))
                .body(not(containsString("Rujukan #")))
                // Walkthrough 9, finding 14: the heading names the provider and the case, not an id.
                .body(containsString("<h1>Rujukan ke Contoh: Rumah Sakit Harapan (fiktif) · " + ref))
                .body(not(containsString("draft-&gt;awaiting_consent")));

        // A draft the team no longer wants is discarded, never "revoked" by hand.
        long unwanted = draft(counsellor, ref, "contoh-rumah-sakit", "medical", "needs");
        getAs(counsellor).when().get("/inbox/referrals/" + unwanted).then().body(containsString("id=\"referral-discard\""))
                .body(containsString("Hapus draf")).body(not(containsString("id=\"referral-revoked\"")));
        status(counsellor, unwanted, "revoked", 409);
        status(counsellor, unwanted, "discarded", 303);
        assertEquals("discarded", data.referral(unwanted).status);
        assertNull(data.referral(unwanted).revokedAt);
        status(counsellor, unwanted, "sent", 409);
        status(counsellor, id, "discarded", 409);

        assertTrue(ReferralStatus.DRAFT.canMoveTo(ReferralStatus.AWAITING_CONSENT));
        assertFalse(ReferralStatus.DRAFT.canMoveTo(ReferralStatus.SENT));
        assertFalse(ReferralStatus.DECLINED.canMoveTo(ReferralStatus.CONSENTED));
        assertTrue(ReferralStatus.SENT.canMoveTo(ReferralStatus.DECLINED_BY_PROVIDER));
        assertTrue(ReferralStatus.ACCEPTED.canMoveTo(ReferralStatus.REVOKED));
        for (ReferralStatus s : ReferralStatus.values()) {
            assertEquals(!s.isFinal(), s.canMoveTo(ReferralStatus.REVOKED), "revoked is reachable from every non-final state: " + s);
        }
        assertTrue(ReferralStatus.COMPLETED.isFinal() && ReferralStatus.REVOKED.isFinal() && ReferralStatus.DECLINED.isFinal());
    }

    @Test
    void shouldSearchTheDirectoryWithTheRequestedServicesPreselected() {
        String ref = data.sentinelCase(); // asked for psychological and legal
        getAs(counsellor).when().get("/inbox/cases/" + ref + "/referrals").then().statusCode(200)
                .body(containsString("id=\"service-psychological\" checked"))
                .body(containsString("id=\"service-legal\" checked"))
                .body(not(containsString("id=\"service-medical\" checked")))
                .body(containsString("provider-contoh-lbh"))
                .body(containsString("provider-contoh-pusat-krisis"))
                .body(not(containsString("provider-contoh-pendamping-rohani")));
        getAs(counsellor).queryParam("search", "1").queryParam("service", "legal").queryParam("region", "DI Yogyakarta")
                .when().get("/inbox/cases/" + ref + "/referrals").then().statusCode(200)
                .body(containsString("provider-contoh-lbh")).body(not(containsString("provider-contoh-pusat-krisis")))
                .body(not(containsString("provider-contoh-psikolog")));
        getAs(counsellor).queryParam("search", "1").queryParam("service", "psychological").queryParam("region", "dki jakarta")
                .when().get("/inbox/cases/" + ref + "/referrals").then().statusCode(200)
                .body(containsString("provider-contoh-psikolog")).body(containsString("provider-contoh-rumah-sakit"))
                .body(not(containsString("provider-contoh-pusat-krisis")));
        getAs(counsellor).queryParam("search", "1").queryParam("q", "kursi roda")
                .when().get("/inbox/cases/" + ref + "/referrals").then().statusCode(200)
                .body(containsString("provider-contoh-rumah-sakit")).body(not(containsString("provider-contoh-lbh")));
        getAs(counsellor).queryParam("search", "1").queryParam("service", "astrology")
                .when().get("/inbox/cases/" + ref + "/referrals").then().statusCode(400);
        getAs(counsellor).when().get("/inbox/cases/NOPE123/referrals").then().statusCode(404);
    }

    @Test
    void shouldRefuseMalformedRequestsAndOtherCounsellorsCases() {
        String ref = data.sentinelCase();
        long id = draft(counsellor, ref, "contoh-lbh", "legal", "needs");
        getAs(counsellor).when().get("/inbox/referrals/abc").then().statusCode(404); // no number names no referral, as a number nothing has
        getAs(counsellor).when().get("/inbox/referrals/999999999").then().statusCode(404);
        as(counsellor).formParam("provider", "x").formParam("service", "legal").when().post("/inbox/cases/" + ref + "/referrals")
                .then().statusCode(400);
        as(counsellor).formParam("provider", String.valueOf(data.provider("contoh-lbh"))).formParam("service", "medical")
                .when().post("/inbox/cases/" + ref + "/referrals").then().statusCode(400);
        as(counsellor).formParam("provider", String.valueOf(data.provider("contoh-lbh"))).formParam("service", "legal")
                .formParam("part", "diary").when().post("/inbox/cases/" + ref + "/referrals").then().statusCode(400);
        // without a CSRF token
        getAs(counsellor).contentType("application/x-www-form-urlencoded").formParam("status", "revoked")
                .when().post("/inbox/referrals/" + id + "/status").then().statusCode(400);

        // assigned to someone else: another counsellor is refused and audited
        fixtures.account("referral-other", Role.COUNSELLOR);
        as(counsellor).formParam("assignee", "me").when().post("/inbox/cases/" + ref + "/assign").then().statusCode(303);
        String other = InboxFixtures.login("referral-other");
        getAs(other).when().get("/inbox/referrals/" + id).then().statusCode(403);
        getAs(other).when().get("/inbox/cases/" + ref + "/referrals").then().statusCode(403);
        status(other, id, "revoked", 403);
        assertTrue(data.auditsByActor("referral-other", "access_denied") >= 3);
    }

    @Test
    void shouldShowCoordinatorsTheOverviewAndLetThemManageProviders() {
        String ref = data.sentinelCase();
        draft(counsellor, ref, "contoh-lbh", "legal", "needs");
        getAs(coordinator).when().get("/inbox/referrals").then().statusCode(200)
                .body(containsString("by-provider")).body(containsString(ref));
        getAs(counsellor).when().get("/inbox/referrals").then().statusCode(403);
        getAs(counsellor).when().get("/inbox/providers").then().statusCode(403);

        String key = "uji-" + System.nanoTime();
        as(coordinator).formParam("key", key).formParam("name", "Uji: Layanan Fiktif").formParam("service", "medical")
                .formParam("region", "Bali").formParam("city", "Denpasar").formParam("cost", "free")
                .formParam("minors", "no").when().post("/inbox/providers").then().statusCode(303);
        long id = data.provider(key);
        as(coordinator).formParam("key", key).formParam("name", "Duplikat").formParam("service", "medical")
                .formParam("region", "Bali").formParam("city", "Denpasar").formParam("cost", "free")
                .formParam("minors", "no").when().post("/inbox/providers").then().statusCode(409);
        as(coordinator).formParam("name", "Uji: Layanan Fiktif Baru").formParam("service", "medical").formParam("service", "legal")
                .formParam("region", "Bali").formParam("city", "Denpasar").formParam("cost", "paid")
                .formParam("minors", "yes").when().post("/inbox/providers/" + id).then().statusCode(303);
        as(coordinator).formParam("name", "X").formParam("service", "tarot").formParam("region", "Bali").formParam("city", "Denpasar")
                .formParam("cost", "paid").when().post("/inbox/providers/" + id).then().statusCode(400);
        getAs(counsellor).queryParam("search", "1").queryParam("region", "bali").when().get("/inbox/cases/" + ref + "/referrals")
                .then().body(containsString("Uji: Layanan Fiktif Baru"));
        as(coordinator).formParam("active", "false").when().post("/inbox/providers/" + id + "/active").then().statusCode(303);
        getAs(counsellor).queryParam("search", "1").queryParam("region", "bali").when().get("/inbox/cases/" + ref + "/referrals")
                .then().body(not(containsString("Uji: Layanan Fiktif Baru")));
        as(counsellor).formParam("active", "true").when().post("/inbox/providers/" + id + "/active").then().statusCode(403);
        getAs(coordinator).when().get("/inbox/providers").then().statusCode(200).body(containsString(key));
        assertEquals(3, data.auditsWithDetail("provider_change", "provider:" + id + " %"), "create, edit, deactivate");
    }
}
