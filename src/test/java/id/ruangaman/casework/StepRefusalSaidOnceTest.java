package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Walkthrough 12, finding 3: a refused close (or any refused step) said its reason twice, at the top of the page and in
 * the hint beside the form. It is said once, next to the form that asked for it, on the SOP page and on the case page,
 * posted as the browser's form is (HTML accepted). Synthetic case.
 */
@QuarkusTest
class StepRefusalSaidOnceTest {

    private static final String NEEDS_DECISION = "Kasus dalam pemeriksaan hanya selesai setelah keputusan pimpinan.";
    private static final String NEEDS_ASSESSMENT = "Catat assessment awal dulu";

    @Inject
    InboxFixtures fixtures;

    private static int count(String page, String text) {
        Matcher m = Pattern.compile(Pattern.quote(text)).matcher(page);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The page a refused form post lands on, as the browser follows its redirect. */
    private static String refused(CaseworkSteps steps, String path, String status, String reason) {
        var post = steps.post().accept(ContentType.HTML).formParam("status", status);
        if (reason != null) {
            post = post.formParam("reason", reason);
        }
        String location = post.post(path).then().statusCode(303).extract().header("Location");
        return getAs(steps.session()).cookie("ruangaman-lang", "id").accept(ContentType.HTML).get(location.replaceAll("#.*$", ""))
                .then().statusCode(200).extract().asString();
    }

    /** The form (its whole element) that posts {@code status} ("closed" for the close form) on the page. */
    private static String formOf(String page, String id) {
        Matcher form = Pattern.compile("(?is)<form\\b[^>]*/status\"[^>]*>(.*?)</form>").matcher(page);
        while (form.find()) {
            if (form.group(1).contains(id)) {
                return form.group(1);
            }
        }
        throw new AssertionError("no status form holding " + id);
    }

    @Test
    void shouldSayARefusedCloseOnceNextToTheCloseForm() {
        Account counsellor = fixtures.account("once-counsellor", Role.COUNSELLOR);
        String ref = fixtures.submittedCase(true);
        CaseworkSteps steps = new CaseworkSteps(InboxFixtures.login("once-counsellor"), ref);
        steps.toExamination(counsellor.id);

        String sop = refused(steps, steps.base() + "/status", "closed", "resolved");
        assertEquals(1, count(sop, NEEDS_DECISION), "said once on the SOP page");
        assertEquals(1, count(sop, "class=\"alert refused\""), "one refusal line on the SOP page");
        assertTrue(formOf(sop, "sop-close").contains(NEEDS_DECISION), "next to the close form");
        String casePage = refused(steps, "/inbox/cases/" + ref + "/status", "closed", "resolved");
        assertEquals(1, count(casePage, NEEDS_DECISION), "said once on the case page");
        assertEquals(1, count(casePage, "class=\"alert refused\""), "one refusal line on the case page");
        assertTrue(formOf(casePage, "value=\"closed\"").contains(NEEDS_DECISION), "next to the case page's close form");
        // the hint for another reason is still there, and nothing is said when nothing was refused
        String plain = getAs(steps.session()).accept(ContentType.HTML).get(steps.base()).then().extract().asString();
        assertEquals(1, count(plain, NEEDS_DECISION), "the hint beside the close form, before any refusal");
    }

    @Test
    void shouldSayARefusedStepOnceNextToItsButton() {
        fixtures.account("once-step", Role.COORDINATOR);
        String ref = fixtures.submittedCase(true);
        CaseworkSteps steps = new CaseworkSteps(InboxFixtures.login("once-step"), ref);
        assertEquals(303, steps.status("in_verification"));
        String sop = refused(steps, steps.base() + "/status", "verified", null);
        assertEquals(1, count(sop, NEEDS_ASSESSMENT), "said once on the SOP page");
        assertEquals(1, count(sop, "class=\"alert refused\""), "one refusal line on the SOP page");
        assertTrue(formOf(sop, "sop-status-verified").contains(NEEDS_ASSESSMENT), "next to the step's button");
        String casePage = refused(steps, "/inbox/cases/" + ref + "/status", "verified", null);
        assertEquals(1, count(casePage, NEEDS_ASSESSMENT), "said once on the case page");
        assertEquals(1, count(casePage, "class=\"alert refused\""), "one refusal line on the case page");
        assertTrue(formOf(casePage, "status-verified").contains(NEEDS_ASSESSMENT), "next to the case page's step button");
    }
}
