package id.ruangaman.web;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import id.ruangaman.testing.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * An address that takes posts only, opened by a browser (a reload, a bookmark, the address followed or typed), lands on
 * a page, never a 405. The language switch in Chromium: switched to English, then its address opened, the inbox is
 * shown, still in English and still logged in. And every post-only address of the inbox, the login page's language
 * switch and logging out (listed by reflection over the compiled resources) answers a browser's GET with 303 to a page
 * that opens (or with its own page), acting on nothing (GET /logout leaves the session open). Synthetic accounts and case.
 */
@QuarkusTest
class PostOnlyAddressBrowserTest extends BrowserTest {

    private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;

    @Test
    void shouldLandOnTheInboxWhenTheLanguageSwitchAddressIsOpened() {
        fixtures.account("postonly-counsellor", Role.COUNSELLOR);
        String root = base.toString().replaceAll("/$", "");
        driver.get(root + "/inbox");
        wait.until(ExpectedConditions.urlContains("/login"));
        typeLogin("postonly-counsellor", InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
        assertEquals("id", driver.findElement(By.tagName("html")).getAttribute("lang"));
        driver.findElement(By.id("switch-language")).click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));

        driver.get(root + "/inbox/language");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
        assertTrue(driver.getCurrentUrl().matches(".*/inbox(/.*)?$") && !driver.getCurrentUrl().endsWith("/language"),
                driver.getCurrentUrl());
        assertEquals("en", driver.findElement(By.tagName("html")).getAttribute("lang"), "the switch kept");
        assertEquals("Bahasa Indonesia", driver.findElement(By.id("switch-language")).getText());

        driver.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
        assertEquals("en", driver.findElement(By.tagName("html")).getAttribute("lang"));
    }

    @Test
    void shouldAnswerEveryPostOnlyAddressOpenedByABrowserWithItsPage() throws Exception {
        Account coordinator = fixtures.account("postonly-coordinator", Role.COORDINATOR);
        String ref = fixtures.submittedCase(true);
        String session = InboxFixtures.login("postonly-coordinator");
        List<String> paths = posts(ref, coordinator.id);
        assertTrue(paths.size() >= 40, "found the forms: " + paths);
        List<String> failed = new ArrayList<>();
        for (String path : paths) {
            Response get = getAs(session).accept(HTML).when().get(path);
            if (get.statusCode() != 303) { // a few have a GET page of their own (an interview's minutes, the SOP's forms)
                if (get.statusCode() == 405 || get.statusCode() >= 500) {
                    failed.add(path + " answered " + get.statusCode());
                }
                continue;
            }
            String location = URI.create(get.header("Location")).getRawPath();
            int page = getAs(session).accept(HTML).when().get(location).statusCode();
            if (page == 405 || page >= 500) {
                failed.add(path + " led to " + location + " answering " + page);
            }
        }
        assertTrue(failed.isEmpty(), "post-only addresses a browser cannot open: " + failed);
        assertEquals(200, getAs(session).accept(HTML).when().get("/inbox/cases/" + ref).statusCode(),
                "GET /logout and the others acted on nothing: still logged in");
        Response plain = getAs(session).accept("application/json").when().get("/inbox/language");
        assertEquals(405, plain.statusCode(), "a client that does not ask for a page keeps the plain 405");
    }

    /** Every POST address of the inbox, the login page's language switch and logout, with real ids where known. */
    private static List<String> posts(String ref, long accountId) throws Exception {
        Path classes = Path.of("target/classes");
        List<String> paths = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes.resolve("id/ruangaman"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, PostOnlyAddressBrowserTest.class.getClassLoader());
                jakarta.ws.rs.Path root = type.getAnnotation(jakarta.ws.rs.Path.class);
                if (root == null || type.isInterface()) {
                    continue;
                }
                for (Method m : type.getDeclaredMethods()) {
                    if (m.isAnnotationPresent(POST.class)) {
                        jakarta.ws.rs.Path sub = m.getAnnotation(jakarta.ws.rs.Path.class);
                        String path = ("/" + root.value() + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/")
                                .replaceAll("/$", "");
                        path = path.replace("{ref}", ref).replaceAll("\\{[A-Za-z]*[iI]d\\}", Long.toString(accountId));
                        if (path.startsWith("/inbox") || path.startsWith("/login") || path.equals("/logout")) {
                            paths.add(path);
                        }
                    }
                }
            }
        }
        return paths;
    }
}
