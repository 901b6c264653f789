package id.ruangaman.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
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
 * An examination moved to another day in a real browser, by typing the new day and time into the form. The form opens
 * with the examination's day and time, channel and place as recorded, so a counsellor changes only what changed; a
 * refused time (before the report was received) is said next to the form, which stays open with what was typed. The
 * saved time is the one typed, in the task force's zone. Synthetic case and names.
 */
@QuarkusTest
class RescheduleBrowserTest extends BrowserTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;
    @Inject
    CaseFileRepository cases;
    @Inject
    CaseworkRepository repo;

    @Test
    void shouldOpenWithTheRecordedTimeKeepARefusedOneAndSaveTheTypedOne() {
        Account counsellor = fixtures.account("reschedule-browser", Role.COUNSELLOR);
        String ref = fixtures.submittedCase(true);
        long id = QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().id);
        CaseworkSteps steps = new CaseworkSteps(InboxFixtures.login("reschedule-browser"), ref);
        steps.toExamination(counsellor.id);
        assertEquals(303, steps.party("witness", "Sari Sintetis"));
        long party = QuarkusTransaction.requiringNew().call(() -> repo.parties(id).get(0).id);
        LocalDate tomorrow = LocalDate.parse(CaseworkSteps.today()).plusDays(1);
        assertEquals(303, steps.schedule(party, tomorrow + "T10:00"));
        long interview = QuarkusTransaction.requiringNew().call(() -> repo.interviews(id).get(0).id);

        driver.get(base.toString().replaceAll("/$", "") + "/inbox/cases/" + ref + "/sop");
        typeLogin("reschedule-browser", InboxFixtures.PASSWORD);
        click(By.id("reschedule-heading-" + interview));
        WebElement heldAt = wait.until(ExpectedConditions.elementToBeClickable(By.id("reschedule-held-at-" + interview)));
        assertEquals(tomorrow + "T10:00", heldAt.getAttribute("value"), "the form opens with the examination's time");
        assertEquals("Ruang rapat sintetis", driver.findElement(By.id("reschedule-place-" + interview)).getAttribute("value"));

        // a time before the report came in: refused next to the form, which keeps what was typed
        typeDateTime(heldAt, LocalDateTime.of(2020, 1, 2, 9, 15));
        WebElement place = driver.findElement(By.id("reschedule-place-" + interview));
        place.clear();
        place.sendKeys("Ruang konseling sintetis");
        click(By.id("save-reschedule-" + interview));
        WebElement refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("refusal")));
        assertTrue(refusal.getText().contains("sebelum laporan diterima"), refusal.getText());
        assertEquals("2020-01-02T09:15", driver.findElement(By.id("reschedule-held-at-" + interview)).getAttribute("value"),
                "the time as typed, to correct");
        assertEquals("Ruang konseling sintetis", driver.findElement(By.id("reschedule-place-" + interview)).getAttribute("value"));
        assertTrue(driver.findElement(By.id("reschedule-held-at-" + interview)).isDisplayed(), "the form stays open");

        // the day after tomorrow at 09:15, typed: saved as that time in the task force's zone
        LocalDateTime moved = tomorrow.plusDays(1).atTime(9, 15);
        typeDateTime(driver.findElement(By.id("reschedule-held-at-" + interview)), moved);
        click(By.id("save-reschedule-" + interview));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("saved"), "Pemeriksaan dijadwalkan ulang"));
        Interview saved = QuarkusTransaction.requiringNew().call(() -> repo.find(Interview.class, interview));
        assertEquals(moved.atZone(ZONE).toInstant(), saved.heldAt);
        assertEquals("Ruang konseling sintetis", saved.place);
        click(By.id("reschedule-heading-" + interview));
        assertEquals(moved.toString(), wait.until(ExpectedConditions.elementToBeClickable(By.id("reschedule-held-at-" + interview)))
                .getAttribute("value"), "the form opens with the new time");
    }

    /**
     * Types {@code at} into a {@code datetime-local} field as a person does, segment by segment in the order the browser's
     * locale shows them (month first and a 12-hour clock in en-US, Chromium's default here; day first and 24 hours else).
     */
    private void typeDateTime(WebElement field, LocalDateTime at) {
        String language = String.valueOf(((JavascriptExecutor) driver).executeScript("return navigator.language"));
        String keys;
        if ("en-US".equals(language)) {
            int hour = at.getHour() % 12 == 0 ? 12 : at.getHour() % 12;
            keys = String.format("%02d%02d%04d", at.getMonthValue(), at.getDayOfMonth(), at.getYear()) + Keys.TAB
                    + String.format("%02d%02d", hour, at.getMinute()) + (at.getHour() < 12 ? "A" : "P");
        } else {
            keys = String.format("%02d%02d%04d", at.getDayOfMonth(), at.getMonthValue(), at.getYear()) + Keys.TAB
                    + String.format("%02d%02d", at.getHour(), at.getMinute());
        }
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", field);
        field.sendKeys(keys);
        assertEquals(at.toString(), field.getAttribute("value"), "typed in " + language);
    }
}
