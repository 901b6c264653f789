package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.as;
import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.audit.AuditLog;
import id.ruangaman.inbox.CaseFile;
import id.ruangaman.inbox.CaseFileRepository;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Pimpinan reaches only concluded cases' conclusion, recommendation and decision, never the transcript, chronology,
 * evidence or notes; an account with a conflict of interest is refused everywhere in the case, and audited.
 */
@QuarkusTest
class CaseworkAuthorizationTest {

    @Inject
    InboxFixtures fixtures;
    @Inject
    CaseFileRepository cases;
    @Inject
    CaseworkRepository repo;
    @Inject
    AuditLog audit;

    private CaseFile file(String ref) {
        return QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow());
    }

    private long denied(String actor, long intakeId, String detail) {
        return QuarkusTransaction.requiringNew().call(() -> audit.count("action = 'access_denied' and actor = ?1 and "
                + "(intakeId = ?2 or intakeId is null) and detail like ?3", actor, intakeId, detail));
    }

    @Test
    void shouldShowPimpinanOnlyTheConclusionRecommendationAndDecisionOfConcludedCases() {
        Account counsellor = fixtures.account("authz-counsellor", Role.COUNSELLOR);
        fixtures.account("authz-pimpinan", Role.PIMPINAN);
        String session = InboxFixtures.login("authz-counsellor");
        String leader = InboxFixtures.login("authz-pimpinan");
        String ref = fixtures.submittedCase(true);
        long id = file(ref).id;
        as(session).formParam("text", "Catatan internal sintetis XYZ").when().post("/inbox/cases/" + ref + "/notes").then().statusCode(303);
        as(session).formParam("text", "Balasan sintetis QRS").when().post("/inbox/cases/" + ref + "/reply").then().statusCode(303);

        // Before the conclusion, leadership sees nothing of the case.
        getAs(leader).when().get("/inbox/pimpinan/" + ref).then().statusCode(403);
        assertEquals(1, denied("authz-pimpinan", id, "not_concluded"));

        CaseworkSteps steps = new CaseworkSteps(session, ref);
        steps.toConcluded(counsellor.id, "public_apology",
                () -> QuarkusTransaction.requiringNew().call(() -> repo.parties(id).get(0).id));

        getAs(leader).when().get("/inbox").then().statusCode(303).header("Location", containsString("/inbox/pimpinan"));
        getAs(leader).when().get("/inbox/pimpinan").then().statusCode(200).body(containsString(ref));
        getAs(leader).when().get("/inbox/pimpinan/" + ref).then().statusCode(200).body(containsString("Terlapor sintetis, mahasiswa"))
                .body(containsString("Pernyataan permohonan maaf tertulis yang dipublikasikan")).body(containsString("decision-number"))
                .body(not(containsString("Kronologi sintetis untuk pengujian"))).body(not(containsString("Catatan internal sintetis XYZ")))
                .body(not(containsString("Balasan sintetis QRS"))).body(not(containsString("/media/")));
        for (String path : new String[] { "", "/transcript", "/media/1", "/print/intake-form", "/print/verified-report", "/referrals",
                "/sop", "/sop/print/bap/1", "/sop/print/penanganan-awal", "/sop/print/kesimpulan" }) {
            getAs(leader).when().get("/inbox/cases/" + ref + path).then().statusCode(403);
        }
        as(leader).formParam("text", "x").when().post("/inbox/cases/" + ref + "/notes").then().statusCode(403);
        getAs(leader).when().get("/inbox/audit").then().statusCode(403);
        assertTrue(denied("authz-pimpinan", id, "path:/inbox/cases/" + ref + "%") >= 9, "each attempt audited");

        // Counsellors read neither leadership's pages nor record its decision.
        getAs(session).when().get("/inbox/pimpinan").then().statusCode(403);
        as(session).formParam("decision_number", "X").formParam("decided_on", CaseworkSteps.today()).formParam("sanction_measure", "written_warning")
                .formParam("decision_text", "x").when().post("/inbox/pimpinan/" + ref + "/decision").then().statusCode(403);
        assertEquals("concluded", file(ref).status);

        // A refused decision shows the page again with the reason.
        as(leader).formParam("decision_number", "KEP/1").formParam("decided_on", CaseworkSteps.today()).formParam("decision_text", "Keputusan")
                .when().post("/inbox/pimpinan/" + ref + "/decision").then().statusCode(400).body(containsString("Pilih sanksi administratif"))
                .body(containsString("KEP/1"));
    }

    @Test
    void shouldRefuseAndAuditAnAccountWithAConflictOfInterest() {
        Account member = fixtures.account("conflict-member", Role.COUNSELLOR);
        Account other = fixtures.account("conflict-other", Role.COUNSELLOR);
        fixtures.account("conflict-coordinator", Role.COORDINATOR);
        String coordinator = InboxFixtures.login("conflict-coordinator");
        String memberSession = InboxFixtures.login("conflict-member");
        String otherSession = InboxFixtures.login("conflict-other");
        String ref = fixtures.submittedCase(true);
        long id = file(ref).id;
        getAs(memberSession).when().get("/inbox/cases/" + ref).then().statusCode(200);

        // A party who is a task-force member with an account: that account is conflicted at once.
        as(coordinator).formParam("party_role", "terlapor").formParam("party_name", "Anggota Sintetis").formParam("campus_status", "staff")
                .formParam("party_account", String.valueOf(member.id)).when().post("/inbox/cases/" + ref + "/sop/parties").then()
                .statusCode(303);
        for (String path : new String[] { "", "/transcript", "/sop", "/referrals", "/print/intake-form", "/sop/print/penanganan-awal",
                "/sop/print/kesimpulan" }) {
            getAs(memberSession).when().get("/inbox/cases/" + ref + path).then().statusCode(403);
        }
        as(memberSession).formParam("text", "x").when().post("/inbox/cases/" + ref + "/notes").then().statusCode(403);
        assertTrue(denied("conflict-member", id, "conflict_of_interest") >= 7, "every attempt audited");

        // Only a coordinator marks a conflict; then that account is refused too.
        getAs(otherSession).when().get("/inbox/cases/" + ref + "/sop").then().statusCode(200);
        as(otherSession).formParam("conflict_account", String.valueOf(other.id)).when().post("/inbox/cases/" + ref + "/sop/conflicts")
                .then().statusCode(403);
        as(coordinator).formParam("conflict_account", String.valueOf(other.id)).when().post("/inbox/cases/" + ref + "/sop/conflicts")
                .then().statusCode(303);
        getAs(otherSession).when().get("/inbox/cases/" + ref).then().statusCode(403);
        assertEquals(1, denied("conflict-other", id, "conflict_of_interest"));
        assertEquals(2, QuarkusTransaction.requiringNew()
                .call(() -> audit.count("action = 'conflict_mark' and intakeId = ?1", id)));
        getAs(coordinator).when().get("/inbox/cases/" + ref + "/sop").then().statusCode(200).body(containsString("conflict-member"))
                .body(containsString("conflict-other"));
    }
}
