package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.as;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
 * Every inbox page that is the answer to a form post (a refused form shown again with its reason and what was typed, or
 * the revealed id), walked in a real browser (Debian's chromium + chromedriver): reloaded at once, then left by
 * correcting and saving the form (or following the page's link), reloaded after the save, then Back to it and reloaded
 * again. Each time the browser shows a page of the inbox, never Chromium's "Confirm Form Resubmission" page
 * (chrome-error://chromewebdata/), a dead end. The SOP page's forms have their own test (BackAfterRefusalBrowserTest).
 * Synthetic accounts, cases and texts; the forms are the rendered ones, sent with the browser's own checks set aside
 * where the refusal must come from the server, as an older browser would.
 */
@QuarkusTest
class BackAfterPostedAnswerBrowserTest extends BrowserTest {

    private static final AtomicInteger RUN = new AtomicInteger();

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;
    @Inject
    CaseFileRepository cases;
    @Inject
    CaseworkRepository repo;
    @Inject
    jakarta.persistence.EntityManager em;

    /** One page answered at a post: who opens which page, the form refused (or the post answered with a page), the save. */
    enum Walk {
        ACCOUNT_CREATE, ACCOUNT_PASSWORD_RESET, ACCOUNT_NAME, PROVIDER_CREATE, PROVIDER_UPDATE, OWN_PASSWORD, CASE_ERASE, REVEAL,
        DECISION, DECISION_CORRECTION
    }

    @ParameterizedTest
    @EnumSource(Walk.class)
    void shouldNeverLeadToAResubmissionPage(Walk walk) {
        String n = "backs" + RUN.incrementAndGet() + "-" + walk.name().toLowerCase().replace('_', '-');
        String root = base.toString().replaceAll("/$", "");
        String form;
        Map<String, String> refused = new LinkedHashMap<>();
        Map<String, String> saved = new LinkedHashMap<>();
        By refusedMark = By.cssSelector("main [role=alert]");
        String user = n + "-coordinator";
        String page;
        switch (walk) {
            case ACCOUNT_CREATE -> {
                fixtures.account(user, Role.COORDINATOR);
                fixtures.account(n + "-taken", Role.COUNSELLOR);
                page = "/inbox/accounts";
                form = "form[action='/inbox/accounts']";
                refused.put("username", n + "-taken");
                refused.put("password", "synthetic-password-456");
                saved.put("username", n + "-new");
                saved.put("password", "synthetic-password-456");
            }
            case ACCOUNT_PASSWORD_RESET -> {
                fixtures.account(user, Role.COORDINATOR);
                Account other = fixtures.account(n + "-other", Role.COUNSELLOR);
                page = "/inbox/accounts";
                form = "form[action='/inbox/accounts/" + other.id + "/password']";
                refused.put("password", "short");
                saved.put("password", "synthetic-password-789");
            }
            case ACCOUNT_NAME -> {
                fixtures.account(user, Role.COORDINATOR);
                Account other = fixtures.account(n + "-other", Role.COUNSELLOR);
                page = "/inbox/accounts";
                form = "form[action='/inbox/accounts/" + other.id + "/name']";
                refused.put("full_name", "N".repeat(260));
                saved.put("full_name", "Nama Kembali Sintetis"); // not "Nama Sintetis": PeopleNamedOnLettersTest checks no account shows that name
            }
            case PROVIDER_CREATE, PROVIDER_UPDATE -> {
                fixtures.account(user, Role.COORDINATOR);
                saved.put("key", n);
                saved.put("name", "Layanan Sintetis");
                saved.put("service", "psychological");
                saved.put("region", "Provinsi Sintetis");
                saved.put("city", "Kota Sintetis");
                saved.put("cost", "free");
                saved.put("minors", "yes");
                refused.putAll(saved);
                refused.put("name", "L".repeat(260));
                if (walk == Walk.PROVIDER_CREATE) {
                    page = "/inbox/providers";
                    form = "form[action='/inbox/providers']";
                } else {
                    as(InboxFixtures.login(user)).formParams(saved).post("/inbox/providers").then().statusCode(303);
                    long id = QuarkusTransaction.requiringNew().call(() -> ((Number) em
                            .createNativeQuery("select id from referral_provider where provider_key = ?1").setParameter(1, n)
                            .getSingleResult()).longValue());
                    page = "/inbox/providers/" + id;
                    form = "form[action='/inbox/providers/" + id + "']";
                    refused.remove("key");
                    saved.remove("key");
                    saved.put("name", "Layanan Sintetis Baru");
                }
            }
            case OWN_PASSWORD -> {
                user = n + "-counsellor";
                fixtures.account(user, Role.COUNSELLOR);
                page = "/inbox/account";
                form = "form[action='/inbox/account/password']";
                refused.put("current_password", "not-the-password-1");
                refused.put("new_password", "synthetic-password-789");
                refused.put("repeat_password", "synthetic-password-789");
                saved.putAll(refused);
                saved.put("current_password", InboxFixtures.PASSWORD);
            }
            case CASE_ERASE -> {
                fixtures.account(user, Role.COORDINATOR);
                String ref = fixtures.submittedCase(true);
                page = "/inbox/cases/" + ref + "/erase";
                form = "form[action='/inbox/cases/" + ref + "/erase']";
                refused.put("reason", "");
                saved.put("reason", "request_in_writing");
            }
            case REVEAL -> {
                // Not a refusal: the revealed id is the post's answer (never in a URL). "Saved" is the way back to the case.
                fixtures.account(user, Role.COORDINATOR);
                String ref = fixtures.submittedCase(true);
                page = "/inbox/cases/" + ref;
                form = "form[action='/inbox/cases/" + ref + "/reveal']";
                refused.put("reason", "verification");
                refusedMark = By.id("revealed");
            }
            case DECISION, DECISION_CORRECTION -> {
                Account counsellor = fixtures.account(n + "-counsellor", Role.COUNSELLOR);
                user = n + "-pimpinan";
                fixtures.account(user, Role.PIMPINAN);
                String ref = fixtures.submittedCase(true);
                long id = QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().id);
                new CaseworkSteps(InboxFixtures.login(n + "-counsellor"), ref).toConcluded(counsellor.id, "written_warning",
                        () -> QuarkusTransaction.requiringNew().call(() -> repo.parties(id).get(0).id));
                page = "/inbox/pimpinan/" + ref;
                saved.put("decision_number", "KEP-SINTETIS/1");
                saved.put("decided_on", CaseworkSteps.today());
                saved.put("sanction_measure", "written_warning");
                saved.put("decision_text", "Keputusan sintetis");
                if (walk == Walk.DECISION) {
                    form = "form[action='/inbox/pimpinan/" + ref + "/decision']";
                    refused.putAll(saved);
                    refused.put("decision_number", "");
                } else {
                    as(InboxFixtures.login(user)).formParams(saved).post("/inbox/pimpinan/" + ref + "/decision").then().statusCode(303);
                    form = "form[action='/inbox/pimpinan/" + ref + "/decision/correction']";
                    refused.put("correction_reason", "Alasan sintetis"); // nothing else changed: refused
                    saved.put("decision_number", "KEP-SINTETIS/2");
                    saved.put("correction_reason", "Alasan sintetis");
                }
            }
            default -> throw new IllegalStateException(walk.name());
        }

        driver.get(root + page);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("j_username")));
        typeLogin(user, InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
        driver.get(root + page);

        // The answer to a post, reloaded at once.
        send(form, refused);
        wait.until(ExpectedConditions.presenceOfElementLocated(refusedMark));
        reloadAndExpectAPage("a reload of the page answered at the post");

        // Answered again, then left: the form corrected and saved, or the page's own link followed.
        driver.get(root + page);
        send(form, refused);
        wait.until(ExpectedConditions.presenceOfElementLocated(refusedMark));
        if (walk == Walk.REVEAL) {
            WebElement link = driver.findElement(By.cssSelector("main a[href='" + page + "']"));
            link.click();
            wait.until(ExpectedConditions.stalenessOf(link));
        } else {
            send(form, saved);
        }
        wait.until(d -> "complete".equals(js("return document.readyState")));
        reloadAndExpectAPage("a reload right after the save");

        driver.navigate().back();
        expectAPage("Back to the page answered at the post");
        reloadAndExpectAPage("a reload after Back");
    }

    /** Opens the rendered form (a closed section around it too), fills its fields by name (a checkbox or radio: the one with that value) and presses its button. */
    private void send(String form, Map<String, String> values) {
        WebElement element = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(form)));
        js("""
                var f = arguments[0], values = arguments[1];
                f.noValidate = true;
                for (var d = f.closest('details'); d; d = d.parentElement.closest('details')) { d.open = true; }
                Object.keys(values).forEach(function (name) {
                  f.querySelectorAll('[name="' + name + '"]').forEach(function (field) {
                    if (field.type === 'checkbox' || field.type === 'radio') { field.checked = field.value === values[name]; }
                    else { field.removeAttribute('maxlength'); field.value = values[name]; }
                  });
                });
                f.scrollIntoView({block: 'center'});
                """, element, values);
        WebElement button = element.findElement(By.cssSelector("button[type=submit], button:not([type])"));
        button.click();
        wait.until(ExpectedConditions.stalenessOf(button));
    }

    private void reloadAndExpectAPage(String what) {
        driver.navigate().refresh();
        expectAPage(what);
    }

    private void expectAPage(String what) {
        wait.until(d -> "complete".equals(js("return document.readyState")));
        String url = driver.getCurrentUrl();
        assertFalse(url.startsWith("chrome-error:"), what + ": a page of the inbox, not the browser's: " + url);
        // Chromium's "Confirm Form Resubmission" page may keep the post's address in the location bar: the page tells.
        assertFalse(driver.findElements(By.id("logout")).isEmpty(),
                what + ": a page of the inbox, not the browser's (\"" + driver.getTitle() + "\" at " + url + ")");
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
