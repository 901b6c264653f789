package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A refused SOP form is shown again at its own POST address, with the reason next to the form. What the browser does
 * from there stays sensible: a reload sends the same form again and gets the same answer (the reason, what was typed),
 * not a silent redirect that loses it; and the address opened again later (history, a new tab: a GET) leads to the
 * case's SOP page at that form, not to an error page. Synthetic case.
 */
@QuarkusTest
class RefusedFormReloadTest {

    @Inject
    InboxFixtures fixtures;

    @Test
    void shouldAnswerAReloadAsTheFirstPostAndLeadAGetToTheForm() {
        Account counsellor = fixtures.account("reload-counsellor", Role.COUNSELLOR);
        String session = InboxFixtures.login("reload-counsellor");
        String ref = fixtures.submittedCase(true);
        CaseworkSteps steps = new CaseworkSteps(session, ref);
        assertEquals(303, steps.status("in_verification"));
        String typed = "Pilihan sintetis yang dijelaskan: pemeriksaan atau pendampingan";
        String once = "reload-once-token-0001";
        for (int time = 1; time <= 2; time++) {
            Response r = steps.post().formParam("once", once).formParam("held_on", CaseworkSteps.today())
                    .formParam("attendees", String.valueOf(counsellor.id)).formParam("options_explained", typed)
                    .formParam("procedure_consequences", "Prosedur sintetis").formParam("victim_choice", "examination")
                    .formParam("meeting_consent", "victim").when().post(steps.base() + "/meetings");
            assertEquals(409, r.statusCode(), "post " + time);
            String meeting = SopFormsSayWhenTheyOpenTest.section(r.asString(), "meeting");
            assertTrue(meeting.contains("class=\"alert refusal\""), "post " + time + ": the reason next to the form");
            assertTrue(meeting.contains(typed), "post " + time + ": what was typed");
        }

        for (String form : new String[] { "meetings", "letter", "findings", "interviews", "conclusion", "interviews/12", "recovery-end/clear" }) {
            Response get = getAs(session).when().get(steps.base() + "/" + form);
            assertEquals(303, get.statusCode(), form);
            assertTrue(get.header("Location").matches(".*/inbox/cases/" + ref + "/sop#[a-z0-9-]+"), form + ": " + get.header("Location"));
        }
    }
}
