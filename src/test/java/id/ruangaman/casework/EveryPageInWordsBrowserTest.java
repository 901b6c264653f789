package id.ruangaman.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;

import id.ruangaman.inbox.CaseFileRepository;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.referral.ReferralTestData;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import id.ruangaman.testing.BrowserTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Walkthrough 13, item 2: every page of the inbox, opened in a real browser by the role that uses it (coordinator,
 * leadership) on a case taken to a decision through the SOP's stages and on a referral, in Bahasa Indonesia and in
 * English, and every link of the page's bar, shows words and opens: no code (a snake_case key such as {@code in_verification}), no template left unrendered, no
 * error page. Synthetic case.
 */
@QuarkusTest
class EveryPageInWordsBrowserTest extends BrowserTest {

    /** A code a person should not see: two or more lower-case words joined by '_', or a template's braces. */
    private static final Pattern CODE = Pattern.compile("\\b[a-z]+(_[a-z]+)+\\b|\\{[a-z:]+|ERR-[0-9A-F]{8}");

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;
    @Inject
    CaseFileRepository cases;
    @Inject
    CaseworkRepository repo;
    @Inject
    ReferralTestData data;

    private int visited;

    @Test
    void shouldShowEveryPageInWords() {
        Account coordinator = fixtures.account("words-coordinator", Role.COORDINATOR);
        fixtures.account("words-pimpinan", Role.PIMPINAN);
        String ref = fixtures.submittedCase(true);
        long id = QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().id);
        String session = InboxFixtures.login("words-coordinator");
        new CaseworkSteps(session, ref).toConcluded(coordinator.id, "written_warning",
                () -> QuarkusTransaction.requiringNew().call(() -> repo.parties(id).get(0).id));
        long party = QuarkusTransaction.requiringNew().call(() -> repo.parties(id).get(0).id);
        long interview = QuarkusTransaction.requiringNew().call(() -> repo.interviews(id).get(0).id);
        String referralCase = data.sentinelCase();
        long referral = data.draftAndAsk(session, referralCase);

        String c = "/inbox/cases/" + ref;
        List<String> coordinatorPages = List.of("/inbox", "/inbox?view=mine", "/inbox?view=overdue", c, c + "/sop",
                c + "/print/intake-form", c + "/print/verified-report", c + "/sop/print/surat-tugas", c + "/sop/print/penanganan-awal",
                c + "/sop/print/pemanggilan/" + party, c + "/sop/print/bap/" + interview, "/inbox/cases/" + referralCase + "/referrals",
                "/inbox/referrals", "/inbox/referrals/" + referral, "/inbox/providers", "/inbox/accounts", "/inbox/audit",
                "/inbox/settings", "/inbox/account", "/inbox/pimpinan", "/inbox/pimpinan/" + ref, "/inbox/reports/leadership");
        Map<String, String> found = new LinkedHashMap<>();
        String root = base.toString().replaceAll("/$", "");
        visit(root, "words-coordinator", coordinatorPages, found);
        visit(root, "words-pimpinan", List.of("/inbox/pimpinan/" + ref, "/inbox/account"), found);
        assertEquals(Map.of(), found, "codes or errors shown to a person");
        assertEquals(2 * (coordinatorPages.size() + 9 + 2 + 3), visited, "every page and every link of the bar, in both languages");
    }

    private void visit(String root, String username, List<String> pages, Map<String, String> found) {
        driver.manage().deleteAllCookies();
        driver.get(root + "/login");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("j_username")));
        typeLogin(username, InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
        List<String> all = new ArrayList<>(pages);
        // every link of the bar the role is shown, as a person clicks through them
        driver.findElements(By.cssSelector("header nav a, header a.who")).forEach(a -> all.add(a.getAttribute("href").substring(root.length())));
        for (String lang : List.of("id", "en")) {
            driver.manage().addCookie(new Cookie("ruangaman-lang", lang));
            for (String page : all) {
                driver.get(root + page);
                visited++;
                String text = driver.findElement(By.tagName("body")).getText();
                List<String> codes = new ArrayList<>();
                Matcher m = CODE.matcher(text);
                while (m.find()) {
                    codes.add(m.group());
                }
                if (!driver.findElements(By.id("j_username")).isEmpty() || !driver.findElements(By.id("refusal-reason")).isEmpty()) {
                    codes.add("not shown: " + text.lines().filter(l -> !l.isBlank()).limit(3).toList());
                }
                if (!codes.isEmpty()) {
                    found.put(username + " " + lang + " " + page, String.join(", ", codes));
                }
            }
        }
    }
}
