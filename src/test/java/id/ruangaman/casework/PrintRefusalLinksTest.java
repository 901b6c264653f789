package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
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
 * A print that cannot be made yet says why and links to the form that makes it possible, as a refused stage does.
 * Before, "Cetak surat pemanggilan" beside a party without a scheduled examination, and the recovery letter before the
 * plan, answered with the reason at the top of the long SOP page and no way to the form it asks for. Every code a
 * print is refused with either has such a link or names nothing to fill in. Synthetic case.
 */
@QuarkusTest
class PrintRefusalLinksTest {

    /**
     * Print refusals with nothing to fill in: an erased case prints nothing; a party that is not on the case; a summons
     * for a closed case (its examinations will not be held, and a closed case is not reopened).
     */
    private static final Set<String> NOTHING_TO_FILL = Set.of("case_deleted", "party", "case_closed");

    @Inject
    InboxFixtures fixtures;
    @Inject
    CaseFileRepository cases;
    @Inject
    CaseworkRepository repo;

    @Test
    void shouldLinkEveryPrintRefusalThatAsksForARecordToItsForm() throws IOException {
        // the prints' own refusals, and the checks the page and the prints share (SopPrints)
        String source = Files.readString(Path.of("src/main/java/id/ruangaman/casework/CaseworkPrintResource.java"))
                + Files.readString(Path.of("src/main/java/id/ruangaman/casework/SopPrints.java"));
        Matcher m = Pattern.compile("(?:refused\\(ref, |return |\\? |: )\"([a-z_]+)\"").matcher(source);
        Set<String> codes = new TreeSet<>();
        while (m.find()) {
            codes.add(m.group(1));
        }
        assertTrue(codes.contains("summons_needs_interview"), "the print refusals are read: " + codes);
        for (String code : codes) {
            assertTrue(NOTHING_TO_FILL.contains(code) || RefusalFixes.SECTION.containsKey(code), code + " has no link to its form");
        }
    }

    @Test
    void shouldLeadFromARefusedSummonsToTheExaminationForm() {
        Account counsellor = fixtures.account("print-links-counsellor", Role.COUNSELLOR);
        String session = InboxFixtures.login("print-links-counsellor");
        String ref = fixtures.submittedCase(true);
        CaseworkSteps steps = new CaseworkSteps(session, ref);
        steps.toExamination(counsellor.id);
        assertEquals(303, steps.party("witness", "Sari Sintetis"));
        long party = QuarkusTransaction.requiringNew().call(() -> repo.parties(cases.findByReference(ref).orElseThrow().id).get(0).id);

        String page = getAs(session).when().get("/inbox/cases/" + ref + "/sop/print/pemanggilan/" + party).then().statusCode(409)
                .extract().asString();
        assertTrue(page.contains("Jadwalkan pemeriksaan pihak ini dulu"), "the reason");
        assertTrue(page.contains("href=\"/inbox/cases/" + ref + "/sop#interview\" id=\"refused-fix\""), "and the way to the form");

        String recovery = getAs(session).when().get("/inbox/cases/" + ref + "/sop/print/akomodasi").then().statusCode(409).extract()
                .asString();
        assertTrue(recovery.contains("href=\"/inbox/cases/" + ref + "/sop#recovery\" id=\"refused-fix\""), "the recovery plan's form");
    }
}
