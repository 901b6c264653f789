package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An id names one element of a page (HTML: unique in its document): a label, a skip link, a test or a script that finds
 * it by its id finds that one. The case page, its SOP page and its referral page are read in the states that show
 * different parts (new, in verification with the assessment, verified, in examination, closed, erased) and each must
 * hold every id once. A print's id names its link, in every state: a print not offered yet is greyed under
 * {@code {id}-off} (tags/printLink), so a script or test that finds the link by its id never finds the greyed name.
 * Before, the case page's greyed "laporan terverifikasi" print took the id of the link it stands for. Synthetic cases.
 */
@QuarkusTest
class UniqueIdsOnCasePagesTest {

    private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]*)\"");
    /** An element whose id names a print: {@code <tag ... id="print-...">}. */
    private static final Pattern PRINT = Pattern.compile("<(\\w+)\\s[^>]*\\bid=\"(print-[^\"]*)\"");

    @Inject
    InboxFixtures fixtures;

    @Test
    void shouldGiveEveryElementOfACasesPagesItsOwnId() {
        Account coordinator = fixtures.account("unique-ids-coordinator", Role.COORDINATOR);
        String session = InboxFixtures.login("unique-ids-coordinator");
        Map<String, Map<String, Integer>> repeated = new LinkedHashMap<>();

        String fresh = fixtures.submittedCase(true);
        read(session, fresh, "new", repeated);

        String verifying = fixtures.submittedCase(true);
        CaseworkSteps inVerification = new CaseworkSteps(session, verifying);
        assertEquals(303, inVerification.status("in_verification"));
        assertEquals(303, inVerification.assessment());
        read(session, verifying, "in verification, assessed", repeated);

        String verified = fixtures.submittedCase(true);
        CaseworkSteps steps = new CaseworkSteps(session, verified);
        assertEquals(303, steps.status("in_verification"));
        steps.verify();
        read(session, verified, "verified", repeated);
        steps.examine(coordinator.id);
        read(session, verified, "in examination", repeated);

        String closed = fixtures.submittedCase(true);
        CaseworkSteps closing = new CaseworkSteps(session, closed);
        assertEquals(303, closing.status("in_verification"));
        assertEquals(303, closing.assessment());
        assertEquals(303, closing.close("duplicate"));
        read(session, closed, "closed", repeated);

        String erased = fixtures.submittedCase(true);
        CaseworkSteps erasing = new CaseworkSteps(session, erased);
        assertEquals(303, erasing.status("in_verification"));
        assertEquals(303, erasing.assessment());
        InboxFixtures.as(session).formParam("reason", "request_by_phone").post("/inbox/cases/" + erased + "/erase").then().statusCode(303);
        read(session, erased, "erased", repeated);

        assertEquals(Map.of(), repeated, "ids given to more than one element (per page, how often), or a print's id on what is no link");
    }

    private static void read(String session, String ref, String state, Map<String, Map<String, Integer>> repeated) {
        for (String page : List.of("", "/sop", "/referrals")) {
            String html = getAs(session).accept("text/html").get("/inbox/cases/" + ref + page).then().statusCode(200).extract().asString();
            Map<String, Integer> counts = new TreeMap<>();
            Matcher m = ID.matcher(html);
            while (m.find()) {
                counts.merge(m.group(1), 1, Integer::sum);
            }
            counts.values().removeIf(n -> n == 1);
            Matcher print = PRINT.matcher(html);
            while (print.find()) {
                if (!"a".equals(print.group(1)) && !print.group(2).endsWith("-off")) {
                    counts.put(print.group(2) + " on a " + print.group(1) + ", not a link", 1);
                }
            }
            if (!counts.isEmpty()) {
                repeated.put(state + " " + (page.isEmpty() ? "case page" : page), counts);
            }
        }
    }
}
