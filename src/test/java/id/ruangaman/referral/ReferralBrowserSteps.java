package id.ruangaman.referral;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A counsellor's steps on the referral pages, in the browser, as a person takes them. */
final class ReferralBrowserSteps {

    private ReferralBrowserSteps() {
    }

    /**
     * On the case's referral page ({@code root}: the service's address without the trailing slash), ticks the
     * chronology at the seeded provider "contoh-lbh", saves the draft and presses "ask for consent"; returns the
     * referral's id once its page says it waits for the survivor's consent.
     */
    static long draftAndAsk(WebDriver driver, WebDriverWait wait, String root, String ref) {
        driver.get(root + "/inbox/cases/" + ref + "/referrals");
        WebElement provider = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("provider-contoh-lbh")));
        provider.findElement(By.cssSelector("input[name=part][value=chronology]")).click();
        WebElement draft = driver.findElement(By.id("draft-contoh-lbh"));
        draft.click();
        wait.until(ExpectedConditions.stalenessOf(draft));
        wait.until(d -> d.getCurrentUrl().matches(".*/inbox/referrals/[0-9]+.*"));
        long id = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/inbox/referrals/([0-9]+).*", "$1"));
        WebElement ask = wait.until(ExpectedConditions.elementToBeClickable(By.id("ask-consent")));
        ask.click();
        wait.until(ExpectedConditions.stalenessOf(ask));
        wait.until(ExpectedConditions.textToBe(By.id("referral-status"), "Menunggu persetujuan"));
        return id;
    }
}
