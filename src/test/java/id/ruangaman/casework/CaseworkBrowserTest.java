package id.ruangaman.casework;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import io.quarkus.test.common.http.TestHTTPResource;
import id.ruangaman.testing.BrowserTest;
import io.quarkus.test.junit.QuarkusTest;

/**
 * One case in a real browser (Debian's chromium + chromedriver), typed and clicked as a person would: from verified
 * through the rapat terbatas, surat tugas, examination, conclusion (first refused for a missing part) and
 * recommendation; the decision as a pimpinan account, heavier than recommended; then recovery with monitoring.
 */
@QuarkusTest
class CaseworkBrowserTest extends BrowserTest {


    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;

    private String root;

    @BeforeEach
    void prepare() throws IOException {
        root = base.toString().replaceAll("/$", "");
    }

    @Test
    void shouldTakeACaseFromVerifiedToRecoveryMonitoring() {
        Account counsellor = fixtures.account("browser-sop-counsellor", Role.COUNSELLOR);
        fixtures.account("browser-sop-pimpinan", Role.PIMPINAN);
        String ref = fixtures.submittedCase(true);
        // Verification through the same forms over HTTP; the browser takes over at "verified".
        CaseworkSteps steps = new CaseworkSteps(InboxFixtures.login("browser-sop-counsellor"), ref);
        steps.status("in_verification");
        steps.tickChecklist();
        steps.assessment();
        steps.status("verified");

        login("browser-sop-counsellor");
        driver.get(root + "/inbox/cases/" + ref);
        click(By.id("case-sop"));
        waitText(By.id("case-status"), "Terverifikasi");

        // Rapat terbatas: the victim chooses the examination.
        date(By.id("meeting-held-on"), CaseworkSteps.today());
        check(By.cssSelector("#meeting input[name=attendees][value='" + counsellor.id + "']"));
        type(By.id("options-explained"), "Pilihan dijelaskan: pemeriksaan atau pendampingan saja");
        type(By.id("procedure-consequences"), "Pemeriksaan tertutup, paling lama 30 hari kerja");
        new Select(driver.findElement(By.id("victim-choice"))).selectByValue("examination");
        new Select(driver.findElement(By.id("meeting-consent"))).selectByValue("victim");
        click(By.id("save-meeting"));
        waitText(By.id("meeting"), "Lanjut ke pemeriksaan");

        // Surat tugas.
        type(By.id("letter-number"), "ST/SELENIUM/1");
        date(By.id("letter-issued-on"), CaseworkSteps.today());
        type(By.id("signatory-name"), "Pimpinan Sintetis");
        type(By.id("signatory-title"), "Rektor");
        check(By.cssSelector("#letter input[name=team][value='" + counsellor.id + "']"));
        WebElement saveLetter = driver.findElement(By.id("save-letter"));
        click(By.id("save-letter"));
        // the page the letter was saved from has a print link at its top too: wait for the answer to replace it, or
        // the next click can cancel the post still on its way
        wait.until(ExpectedConditions.stalenessOf(saveLetter));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("print-surat-tugas")));

        click(By.id("sop-status-in_examination"));
        waitText(By.id("case-status"), "Pemeriksaan");

        // Parties and an interview with its minutes.
        new Select(driver.findElement(By.id("party-role"))).selectByValue("terlapor");
        type(By.id("party-name"), "Dodi Sintetis");
        new Select(driver.findElement(By.id("campus-status"))).selectByValue("student");
        click(By.id("add-party"));
        waitText(By.id("party"), "Dodi Sintetis");
        new Select(driver.findElement(By.id("interview-party"))).selectByIndex(1);
        date(By.id("interview-held-at"), CaseworkSteps.thisMinute());
        type(By.id("interview-place"), "Ruang tertutup Satgas");
        type(By.id("interview-attendees"), "Konselor, pendamping");
        type(By.id("interview-summary"), "Keterangan terlapor dicatat");
        click(By.id("add-interview"));
        waitText(By.id("interview"), "Keterangan terlapor dicatat");

        // Conclusion: a missing required part is refused on the page, with what was typed kept.
        click(By.id("outcome-proven"));
        type(By.id("party-identity"), "Dodi Sintetis, mahasiswa");
        type(By.id("violence-form"), "Bentuk sintetis");
        type(By.id("accompaniment"), "Pendampingan psikologis");
        click(By.id("save-conclusion"));
        waitText(By.cssSelector("#conclusion .refusal"), "perlindungan korban");
        assertTrue(driver.findElement(By.id("accompaniment")).getAttribute("value").contains("Pendampingan psikologis"));
        type(By.id("protection"), "Jadwal kuliah dipisah");
        click(By.id("save-conclusion"));
        waitText(By.id("conclusion-outcome"), "Terbukti");

        type(By.id("rec-recovery"), "Konseling psikolog");
        new Select(driver.findElement(By.id("sanction-measure"))).selectByValue("written_warning");
        type(By.id("rec-prevention"), "Pelatihan pencegahan di fakultas");
        check(By.cssSelector("#recommendation input[name=aggravating][value=victim_impact]"));
        click(By.id("save-recommendation"));
        waitText(By.id("recommendation-summary"), "Peringatan tertulis");
        click(By.id("sop-status-concluded"));
        waitText(By.id("case-status"), "Disimpulkan");
        logout();

        // Leadership decides, heavier than recommended.
        login("browser-sop-pimpinan");
        wait.until(ExpectedConditions.urlContains("/inbox/pimpinan"));
        click(By.linkText(ref));
        waitText(By.id("recommended-sanction"), "Peringatan tertulis");
        assertTrue(!driver.getPageSource().contains("Keterangan terlapor dicatat"), "no examination minutes for leadership");
        type(By.id("decision-number"), "KEP/SELENIUM/1");
        date(By.id("decided-on"), CaseworkSteps.today());
        new Select(driver.findElement(By.id("decision-measure"))).selectByValue("student_rights_reduction");
        date(By.id("recovery-until"), "2027-02-28");
        type(By.id("decision-text"), "Menetapkan sanksi sedang");
        type(By.id("heavier-reason-input"), "Terlapor ketua program studi");
        click(By.id("save-decision"));
        waitText(By.id("heavier"), "lebih berat dari rekomendasi");
        waitText(By.id("heavier-reason"), "Terlapor ketua program studi");
        logout();

        // Recovery with consent, and monitoring.
        login("browser-sop-counsellor");
        driver.get(root + "/inbox/cases/" + ref + "/sop");
        waitText(By.id("case-status"), "Diputuskan pimpinan");
        new Select(driver.findElement(By.id("consent-by"))).selectByValue("victim");
        date(By.id("consent-on"), CaseworkSteps.today());
        new Select(driver.findElement(By.id("victim-status"))).selectByValue("student");
        type(By.id("recovery-plan"), "Konseling mingguan selama satu semester");
        List<WebElement> providers = driver.findElements(By.cssSelector("#recovery input[name=providers]"));
        if (!providers.isEmpty()) {
            providers.get(0).click();
        }
        click(By.id("save-recovery"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("print-accommodations")));
        date(By.id("checked-on"), CaseworkSteps.today());
        new Select(driver.findElement(By.id("with-whom"))).selectByValue("victim");
        type(By.id("checkin-note"), "Tidur mulai membaik");
        click(By.id("add-checkin"));
        waitText(By.id("checkins"), "Tidur mulai membaik");
        waitText(By.id("timeline"), "Keputusan pimpinan dicatat");
    }

    private void login(String username) {
        driver.get(root + "/inbox");
        wait.until(ExpectedConditions.urlContains("/login"));
        typeLogin(username, InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
    }

    private void logout() {
        click(By.id("logout"));
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    private void waitText(By locator, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }
}
