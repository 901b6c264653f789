package id.ruangaman.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Role;
import id.ruangaman.testing.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A coordinator has a referral's page open, a guardian's reason half typed, when another coordinator erases the
 * reporter's data at their request. The page learns it without a reload: one line says so, the page shows what is
 * left (the referral revoked, its consent forms gone), and what was typed is kept in one read-only box to be copied.
 * The case's referral list, open in the same way, changes too. Before, the forms stayed open until they were sent.
 * Synthetic accounts, case and texts.
 */
@QuarkusTest
class ReferralErasedWhileOpenBrowserTest extends BrowserTest {

    private static final String TYPED = "Wali sintetis menyetujui lewat telepon";

    ReferralErasedWhileOpenBrowserTest() {
        super(1280, 1000);
    }

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;
    @Inject
    ReferralTestData data;

    @Test
    void shouldShowOnlyWhatIsLeftOnAnOpenReferralPageWhenTheReporterIsErased() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        fixtures.account("rf-erased-c-" + suffix, Role.COUNSELLOR);
        fixtures.account("rf-erased-k-" + suffix, Role.COORDINATOR);
        fixtures.account("rf-eraser-" + suffix, Role.COORDINATOR);
        String ref = data.sentinelCase();
        long id = data.draftAndAsk(InboxFixtures.login("rf-erased-c-" + suffix), ref);

        driver.get(base.toString().replaceAll("/$", "") + "/inbox/referrals/" + id);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("j_username")));
        typeLogin("rf-erased-k-" + suffix, InboxFixtures.PASSWORD);
        type(By.cssSelector("#guardian textarea[name=reason]"), TYPED);
        markNotReloaded();

        InboxFixtures.as(InboxFixtures.login("rf-eraser-" + suffix)).formParam("reason", "request_by_phone").when()
                .post("/inbox/cases/" + ref + "/erase").then().statusCode(303);

        lineShownInPlace("case-gone", "Pelapor baru saja menghapus data laporannya");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("revoked-notice")));
        assertTrue(driver.findElements(By.cssSelector("#guardian textarea[name=reason]")).isEmpty(), "the guardian's form is gone");
        assertFrozenKeeping(TYPED);
        assertFalse(driver.findElement(By.id("content")).getText().contains(ReferralTestData.NAME), "nothing of the person shows");
    }

    @Test
    void shouldChangeAnOpenReferralListOfTheCaseWhenTheReporterIsErased() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        fixtures.account("rf-list-k-" + suffix, Role.COORDINATOR);
        fixtures.account("rf-list-eraser-" + suffix, Role.COORDINATOR);
        String ref = data.sentinelCase();

        driver.get(base.toString().replaceAll("/$", "") + "/inbox/cases/" + ref + "/referrals");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("j_username")));
        typeLogin("rf-list-k-" + suffix, InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("referral-search")));
        markNotReloaded();

        InboxFixtures.as(InboxFixtures.login("rf-list-eraser-" + suffix)).formParam("reason", "request_in_person").when()
                .post("/inbox/cases/" + ref + "/erase").then().statusCode(303);

        lineShownInPlace("case-gone", "Pelapor baru saja menghapus data laporannya");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("referral-search")));
        assertTrue(driver.findElements(By.cssSelector("main form[method=post]")).isEmpty(), "no referral can be drafted");
    }
}
