package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.CaseFileRepository;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A party linked to a task-force member's account marks that account conflicted; removing the party (added by
 * mistake) removes the mark it brought, so the member may open the case again. A mark a coordinator set stays, and so
 * does one another party of the case still brings. Synthetic case only.
 */
@QuarkusTest
class RemovedPartyConflictTest {

    @Inject
    InboxFixtures fixtures;
    @Inject
    CaseFileRepository cases;
    @Inject
    CaseworkRepository repo;

    @Test
    void shouldLiftTheMarkTheRemovedPartyBrought() {
        Account counsellor = fixtures.account("removed-party-counsellor", Role.COUNSELLOR);
        Account member = fixtures.account("removed-party-member", Role.COUNSELLOR);
        Account other = fixtures.account("removed-party-other", Role.COUNSELLOR);
        fixtures.account("removed-party-coordinator", Role.COORDINATOR);
        String session = InboxFixtures.login("removed-party-counsellor");
        String memberSession = InboxFixtures.login("removed-party-member");
        String otherSession = InboxFixtures.login("removed-party-other");
        String coordinator = InboxFixtures.login("removed-party-coordinator");
        String ref = fixtures.submittedCase(true);
        long id = QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().id);
        CaseworkSteps steps = new CaseworkSteps(session, ref);
        steps.toExamination(counsellor.id);

        // a witness linked to the member by mistake (the wrong name chosen), twice for the other account
        assertEquals(303, linked(steps, "witness", member.id));
        assertEquals(303, linked(steps, "witness", other.id));
        assertEquals(303, linked(steps, "reporter", other.id));
        assertEquals(403, open(memberSession, ref), "marked conflicted while the party names the member");
        long memberParty = partyOf(id, member.id);
        assertEquals(303, steps.post().when().post(steps.base() + "/parties/" + memberParty + "/remove").then().extract().statusCode());
        assertFalse(QuarkusTransaction.requiringNew().call(() -> repo.isConflicted(id, member.id)), "the mark went with the party");
        assertEquals(200, open(memberSession, ref), "the member may open the case again");
        String page = getAs(session).cookie("ruangaman-lang", "id").when().get(steps.base()).then().statusCode(200).extract().asString();
        assertTrue(page.contains("Tanda konflik kepentingan dicabut"), "the timeline says the mark was lifted");
        String conflicted = page.substring(page.indexOf("<ul id=\"conflicted\">"), page.indexOf("</ul>", page.indexOf("<ul id=\"conflicted\">")));
        assertFalse(conflicted.contains("removed-party-member"), conflicted);

        // another party still names the other account: its mark stays
        long otherWitness = partyOf(id, other.id);
        assertEquals(303, steps.post().when().post(steps.base() + "/parties/" + otherWitness + "/remove").then().extract().statusCode());
        assertEquals(403, open(otherSession, ref), "the reporter still names the account");

        // a coordinator's own mark is not the party's to lift
        assertEquals(303, InboxFixtures.as(coordinator).formParam("conflict_account", String.valueOf(member.id)).when()
                .post(steps.base() + "/conflicts").then().extract().statusCode());
        assertEquals(303, linked(steps, "witness", member.id));
        long again = partyOf(id, member.id);
        assertEquals(303, steps.post().when().post(steps.base() + "/parties/" + again + "/remove").then().extract().statusCode());
        assertEquals(403, open(memberSession, ref), "the coordinator's mark stays");
    }

    private static int linked(CaseworkSteps steps, String role, long account) {
        return steps.post().formParam("party_role", role).formParam("party_name", "Anggota Sintetis")
                .formParam("campus_status", "staff").formParam("party_account", String.valueOf(account)).when()
                .post(steps.base() + "/parties").then().extract().statusCode();
    }

    private long partyOf(long caseId, long account) {
        return QuarkusTransaction.requiringNew().call(() -> repo.parties(caseId).stream()
                .filter(p -> Long.valueOf(account).equals(p.accountId)).findFirst().orElseThrow().id);
    }

    private static int open(String session, String ref) {
        return getAs(session).when().get("/inbox/cases/" + ref + "/sop").then().extract().statusCode();
    }
}
