package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import id.ruangaman.inbox.CaseFileRepository;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import id.ruangaman.testing.BrowserTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The SOP page offers a print's link exactly when the print is made ({@link SopPrints}, the one check both ask), in a
 * real browser: where the print would be refused, the page shows the print's name greyed with why, in words. Before,
 * "Cetak surat pemanggilan" stood beside every party, and a counsellor who clicked it for a party with no examination
 * scheduled, an examination already past or a victim who chose another path got a refusal page. A link on a page opened
 * before the state changed is still refused by the print, with the reason shown. Synthetic case and names.
 */
@QuarkusTest
class PrintOfferedBrowserTest extends BrowserTest {

    /** The prints without an id, by their link's id. */
    private static final Map<String, String> PRINTS = Map.of("print-penanganan-awal", "penanganan-awal", "print-surat-tugas",
            "surat-tugas", "print-conclusion-report", "kesimpulan", "print-accommodations", "akomodasi");

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;
    @Inject
    CaseworkRepository repo;
    @Inject
    CaseFileRepository cases;

    private String root;
    private String session;
    private String ref;

    @Test
    void shouldOfferEachPrintExactlyWhenThePrintIsMade() {
        Account counsellor = fixtures.account("print-offered-counsellor", Role.COUNSELLOR);
        session = InboxFixtures.login("print-offered-counsellor");
        ref = fixtures.submittedCase(true);
        CaseworkSteps steps = new CaseworkSteps(session, ref);
        steps.toExamination(counsellor.id);
        assertEquals(303, steps.party("witness", "Sari Sintetis"));
        assertEquals(303, steps.party("terlapor", "Dodi Sintetis"));
        List<Long> parties = QuarkusTransaction.requiringNew().call(() -> repo.parties(caseId()).stream().map(p -> p.id).toList());
        long witness = parties.get(0);
        long terlapor = parties.get(1);
        login();

        // No examination scheduled yet: the summons is not offered, and says why.
        openSop();
        assertOfferedExactlyWhenPrinted("print-summons-" + witness, "pemanggilan/" + witness);
        assertTrue(text("print-summons-" + witness + "-off").contains("Jadwalkan pemeriksaan pihak ini dulu"));
        PRINTS.forEach((id, print) -> assertOfferedExactlyWhenPrinted(id, print, false));
        assertTrue(offered("print-surat-tugas") && !offered("print-accommodations"), "the letter is recorded, the recovery plan not");

        // The witness's examination tomorrow: the summons is offered. The terlapor's was held this minute, with its
        // minutes: their summons would call to a time past, so it is not offered, and the minutes are.
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Jakarta")).plusDays(1) + "T10:00";
        assertEquals(303, steps.schedule(witness, tomorrow));
        assertEquals(303, steps.interview(terlapor, "Berita acara sintetis"));
        List<Long> interviews = QuarkusTransaction.requiringNew().call(() -> repo.interviews(caseId()).stream()
                .sorted(java.util.Comparator.comparing(i -> i.partyId)).map(i -> i.id).toList());
        openSop();
        assertOfferedExactlyWhenPrinted("print-summons-" + witness, "pemanggilan/" + witness);
        assertTrue(offered("print-summons-" + witness), "a summons to the examination tomorrow");
        assertOfferedExactlyWhenPrinted("print-summons-" + terlapor, "pemanggilan/" + terlapor);
        assertTrue(text("print-summons-" + terlapor + "-off").contains("Waktu pemeriksaan pihak ini sudah lewat"));
        for (long interview : interviews) {
            assertOfferedExactlyWhenPrinted("print-bap-" + interview, "bap/" + interview);
        }
        assertTrue(text("print-bap-" + interviews.get(0) + "-off").contains("Belum ada pemeriksaan dengan berita acara"),
                "the examination tomorrow has no minutes yet");
        assertTrue(offered("print-bap-" + interviews.get(1)), "the minutes recorded");

        // The page stays open while, in another tab, a new rapat terbatas records that the victim chose accompaniment
        // only: the old page's link is refused by the print, with the reason on the page it answers.
        assertEquals(303, steps.meeting(counsellor.id, "accompaniment_only"));
        click(By.id("print-summons-" + witness));
        WebElement refusal = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("refusal")));
        assertTrue(refusal.getText().contains("korban tidak memilih pemeriksaan"), refusal.getText());
        openSop();
        assertOfferedExactlyWhenPrinted("print-summons-" + witness, "pemanggilan/" + witness);
        assertFalse(offered("print-summons-" + witness), "no longer offered");
        assertTrue(text("print-summons-" + witness + "-off").contains("korban tidak memilih pemeriksaan"));
    }

    private long caseId() {
        return cases.findByReference(ref).orElseThrow().id;
    }

    private void login() {
        root = base.toString().replaceAll("/$", "");
        driver.get(root + "/inbox/cases/" + ref + "/sop");
        wait.until(ExpectedConditions.urlContains("/login"));
        typeLogin("print-offered-counsellor", InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
    }

    private void openSop() {
        driver.get(root + "/inbox/cases/" + ref + "/sop");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
    }

    private boolean offered(String id) {
        return !driver.findElements(By.cssSelector("a#" + id)).isEmpty();
    }

    private String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    /** The page offers the link (or shows the print greyed) exactly as the print answers: 200 when made, 409 refused. */
    private void assertOfferedExactlyWhenPrinted(String id, String print) {
        assertOfferedExactlyWhenPrinted(id, print, true);
    }

    /** As above; {@code shown}: the print's place is on the page at this stage (its section is shown), offered or greyed. */
    private void assertOfferedExactlyWhenPrinted(String id, String print, boolean shown) {
        boolean link = offered(id);
        boolean greyed = !driver.findElements(By.id(id + "-off")).isEmpty();
        int status = getAs(session).when().get("/inbox/cases/" + ref + "/sop/print/" + print).then().extract().statusCode();
        assertTrue(!shown || link || greyed, id + " is on the page, offered or greyed");
        assertEquals(link ? 200 : 409, status, id + (link ? " offered but refused" : " not offered but printed"));
    }
}
