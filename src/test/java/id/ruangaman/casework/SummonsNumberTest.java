package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.CaseFileRepository;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A surat pemanggilan has its own number, in a series per year ("007/PGL/SATGAS/2026"): not the surat tugas's number
 * with the party's internal id after it. Each summons gets the next number once and keeps it when printed again.
 */
@QuarkusTest
class SummonsNumberTest {

    private static final Pattern NUMBER = Pattern.compile("<p class=\"center\" id=\"summons-number\">Nomor: ([^<]*)</p>");

    @Inject
    InboxFixtures fixtures;
    @Inject
    CaseFileRepository cases;
    @Inject
    CaseworkRepository repo;

    @Test
    void shouldNumberEachSummonsInItsOwnSeries() {
        Account counsellor = fixtures.account("summons-number-counsellor", Role.COUNSELLOR);
        String session = InboxFixtures.login("summons-number-counsellor");
        List<String> numbers = new ArrayList<>();
        for (int caseNo = 0; caseNo < 2; caseNo++) {
            String ref = fixtures.submittedCase(true);
            long id = QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().id);
            CaseworkSteps steps = new CaseworkSteps(session, ref);
            steps.toExamination(counsellor.id);
            assertEquals(303, steps.party("victim", "Rani Sintetis"));
            assertEquals(303, steps.party("witness", "Sari Sintetis"));
            String tomorrow = java.time.LocalDate.parse(CaseworkSteps.today()).plusDays(1) + "T10:00";
            for (Party p : QuarkusTransaction.requiringNew().call(() -> repo.parties(id))) {
                assertEquals(303, steps.schedule(p.id, tomorrow));
                String path = "/inbox/cases/" + ref + "/sop/print/pemanggilan/" + p.id;
                String number = number(session, path);
                assertEquals(number, number(session, path), "printed again, the same number");
                numbers.add(number);
            }
        }
        String year = CaseworkSteps.today().substring(0, 4);
        int first = Integer.parseInt(numbers.get(0).substring(0, numbers.get(0).indexOf('/')));
        for (int i = 0; i < numbers.size(); i++) {
            String n = numbers.get(i);
            assertEquals(String.format("%03d/PGL/SATGAS/%s", first + i, year), n, "one series, across cases: " + numbers);
            assertFalse(n.contains("ST-SINTETIS"), "not the surat tugas's number: " + n);
        }
        assertNotEquals(numbers.get(0), numbers.get(1));
    }

    private static String number(String session, String path) {
        String html = getAs(session).cookie("ruangaman-lang", "id").queryParam("lang", "id").when().get(path).then().statusCode(200)
                .extract().asString();
        Matcher m = NUMBER.matcher(html);
        assertTrue(m.find(), "the summons's number line: " + html);
        return m.group(1);
    }
}
