package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.as;
import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.referral.ReferralTestData;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Who ticked the checklist, recorded a verification finding, the initial assessment, a recording consent and the conclusion,
 * wrote a note, made a referral and recorded the guardian's consent, are kept by account: after the account's username is corrected (by an
 * operator) and its person's name changed, every page and print that names them shows the name the person has now, not
 * a username, old or new. Read through the pages, as a coordinator sees them. Synthetic names only.
 */
@QuarkusTest
class PeopleNamedOnRecordsTest {

    private static final String NAME = "Rina Lestari Sintetis";

    @Inject
    InboxFixtures fixtures;
    @Inject
    ReferralTestData data;
    @Inject
    EntityManager em;

    @Test
    void shouldNameTheRecordsPersonByTheirNameAfterTheAccountIsRenamed() {
        Account worker = fixtures.account("records-worker", Role.COORDINATOR);
        fixtures.account("records-reader", Role.COORDINATOR);
        String session = InboxFixtures.login("records-worker");
        String reader = InboxFixtures.login("records-reader");
        String ref = data.sentinelCase();
        CaseworkSteps steps = new CaseworkSteps(session, ref);
        assertEquals(303, steps.status("in_verification"));
        steps.verify();
        steps.examine(worker.id);
        assertEquals(303, steps.party("terlapor", "Dodi Sintetis"));
        long party = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select p.id from case_party p join intake i on i.id = p.intake_id where i.reference_code = :ref")
                .setParameter("ref", ref).getSingleResult()).longValue());
        assertEquals(303, steps.post().formParam("party", String.valueOf(party)).formParam("held_at", CaseworkSteps.thisMinute())
                .formParam("channel", "in_person").formParam("place", "Ruang rapat sintetis")
                .formParam("interview_attendees", "Konselor sintetis").formParam("summary", "Berita acara sintetis")
                .formParam("recording_consent", "yes").when().post(steps.base() + "/interviews").then().extract().statusCode());
        long interview = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select id from case_interview where party_id = :party").setParameter("party", party).getSingleResult()).longValue());
        assertEquals(303, steps.provenConclusion());
        assertEquals(303, steps.provenRecommendation("written_warning"));
        as(session).formParam("text", "Catatan sintetis").when().post("/inbox/cases/" + ref + "/notes").then().statusCode(303);
        long referral = data.draftAndAsk(session, ref);
        as(session).formParam("reason", "Orang tua korban anak menyetujui secara tertulis").when()
                .post("/inbox/referrals/" + referral + "/guardian").then().statusCode(303);

        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update account set username = 'records-worker-b' where id = :id")
                .setParameter("id", worker.id).executeUpdate());
        assertEquals(303, as(reader).formParam("full_name", NAME).when().post("/inbox/accounts/" + worker.id + "/name").then().extract()
                .statusCode());

        String casePage = getAs(reader).get("/inbox/cases/" + ref).then().statusCode(200).extract().asString();
        assertTrue(casePage.contains("<span class=\"who\">" + NAME + " · "), "who ticked the checklist");
        assertTrue(casePage.contains("<div class=\"meta\">" + NAME + " · "), "who wrote the note");

        String sop = getAs(reader).get(steps.base()).then().statusCode(200).extract().asString();
        assertTrue(sop.contains("<p class=\"who\">" + NAME + " · "), "who recorded the initial assessment");
        assertTrue(sop.contains("(" + NAME + " · "), "who recorded the recording consent");
        assertTrue(java.util.regex.Pattern.compile("id=\"conclusion-outcome\">[^<]*</strong> <span class=\"who\">" + NAME + " · ")
                .matcher(sop).find(), "who recorded the conclusion");

        String verified = printed(reader, "/inbox/cases/" + ref + "/print/verified-report");
        assertTrue(verified.contains(NAME + " · "), "the verified report: who ticked and who recorded the findings");
        String handling = printed(reader, steps.base() + "/print/penanganan-awal");
        assertTrue(handling.contains("<td>" + NAME + " · "), "the initial handling form: who assessed");
        String minutes = printed(reader, steps.base() + "/print/bap/" + interview);
        assertTrue(minutes.contains(" · " + NAME + " · "), "the minutes: who recorded the consent to record");

        // The referral's page (not a print) also lists its history from the audit log, which keeps the account (V206).
        String detail = getAs(reader).get("/inbox/referrals/" + referral).then().statusCode(200).extract().asString();
        assertFalse(detail.contains("records-worker"), "the referral's page, its history too, shows a username");
        assertTrue(detail.contains("<li>") && detail.contains(" · " + NAME + " · "), "who moved the referral, in its history");
        assertTrue(detail.contains("<dd>" + NAME + " · "), "who made the referral");
        assertTrue(detail.contains("<dd>" + NAME + "</dd>"), "who recorded the guardian's consent");
        String letter = printed(reader, "/inbox/referrals/" + referral + "/letter");
        assertTrue(letter.contains("<dd>" + NAME + " · Koordinator"), "the referral letter's referrer, with the role");

        // The case's timeline (from the audit log) names the person.
        assertFalse(sop.contains("records-worker"), "the SOP page's timeline shows a username");
        // The audit log keeps the username as written then, and names the person beside it; a filter finds the rows by
        // the old username, the new one, or the person's name.
        String audit = getAs(reader).get("/inbox/audit?ref=" + ref).then().statusCode(200).extract().asString();
        assertTrue(audit.contains("<td>" + NAME + " <span class=\"who\" title=\"Nama pengguna yang tercatat saat itu\">(records-worker)</span></td>"),
                "the audit row: the person's name and the username written then");
        for (String actor : new String[] { "records-worker", "records-worker-b", NAME, NAME.toUpperCase(java.util.Locale.ROOT) }) {
            String found = getAs(reader).queryParam("actor", actor).queryParam("ref", ref).get("/inbox/audit").then().statusCode(200).extract()
                    .asString();
            assertTrue(found.contains("(records-worker)</span>"), "the filter by " + actor + " finds the person's rows");
        }
        // A row written before V206 (no account id) is read through the usernames as they were when V206 ran.
        long intake = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select id from intake where reference_code = :ref").setParameter("ref", ref).getSingleResult()).longValue());
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("insert into audit_actor_before_v206 (username, account_id) values ('records-worker-old', :id)")
                    .setParameter("id", worker.id).executeUpdate();
            em.createNativeQuery("insert into audit_event (at, actor, action, intake_id, detail) values (now(), 'records-worker-old', "
                    + "'note', :intake, null), (now(), 'records-nobody', 'note', :intake, null)").setParameter("intake", intake).executeUpdate();
        });
        String old = getAs(reader).queryParam("actor", NAME).queryParam("ref", ref).get("/inbox/audit").then().statusCode(200).extract()
                .asString();
        assertTrue(old.contains("<td>" + NAME + " <span class=\"who\" title=\"Nama pengguna yang tercatat saat itu\">(records-worker-old)</span></td>"),
                "a row from before V206, by the person");
        String nobody = getAs(reader).queryParam("actor", "records-nobody").get("/inbox/audit").then().statusCode(200).extract().asString();
        assertTrue(nobody.contains("<td>records-nobody</td>"), "a username that named no account, as written");
    }

    /** The page, which names nobody by username, old or new. */
    private static String printed(String session, String path) {
        String page = getAs(session).get(path).then().statusCode(200).extract().asString();
        assertFalse(page.contains("records-worker"), path + " shows a username");
        return page;
    }
}
