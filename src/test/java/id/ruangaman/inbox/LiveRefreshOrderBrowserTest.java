package id.ruangaman.inbox;

import java.net.URL;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

import id.ruangaman.security.Role;
import id.ruangaman.testing.BrowserTest;
import id.ruangaman.testing.TelegramChats;
import id.ruangaman.testing.TelegramFixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An open case page follows the transcript live. When one refresh is slow (a loaded server, a slow phone network)
 * and the next event arrives meanwhile, the slower, older answer must not land last: before the fix the second
 * survivor message appeared and then vanished again, as a counsellor reply once stayed "SENDING" on the page
 * although it had been sent (a clean-clone CI run caught it). Here the page's first transcript refresh is held back
 * in the browser until a later one has finished, or 4 s have passed.
 */
@QuarkusTest
class LiveRefreshOrderBrowserTest extends BrowserTest {

    /** Holds the first transcript response until a later one was answered (or 4 s), then lets it through. */
    private static final String HOLD_FIRST_REFRESH = """
            (function () {
              var orig = window.fetch, n = 0;
              window.__released = false;
              window.fetch = function (u, o) {
                var p = orig(u, o);
                if (String(u).indexOf('/transcript') < 0) { return p; }
                if (n++ > 0) { return p.then(function (r) { setTimeout(function () { window.__laterDone = true; }, 500); return r; }); }
                return p.then(function (r) {
                  window.__firstAnswered = true;
                  var t0 = Date.now();
                  return new Promise(function (done) {
                    (function check() {
                      if (window.__laterDone || Date.now() - t0 > 4000) { window.__released = true; done(r); }
                      else { setTimeout(check, 50); }
                    })();
                  });
                });
              };
            })();
            """;

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;
    @Inject
    TelegramChats chats;




    @Test
    void shouldShowTheNewestTranscriptWhenAnOlderRefreshAnswersLate() throws Exception {
        long chat = TelegramFixtures.newChatId();
        String ref = CompletableFuture.supplyAsync(() -> fixtures.submittedTelegramCase(chat)).get();
        fixtures.account("refresh-counsellor", Role.COUNSELLOR);
        String root = base.toString().replaceAll("/$", "");
        driver.get(root + "/inbox/cases/" + ref);
        wait.until(ExpectedConditions.urlContains("/login"));
        typeLogin("refresh-counsellor", InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("transcript-lines")));
        ((JavascriptExecutor) driver).executeScript(HOLD_FIRST_REFRESH);

        String first = "Pesan sintetis pertama " + ref;
        CompletableFuture.runAsync(() -> chats.send(TelegramFixtures.text(chat, first), chat)).get();
        // The first refresh has been answered by the server (and is held) before the second message exists.
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return window.__firstAnswered === true;")));
        String second = "Pesan sintetis kedua " + ref;
        CompletableFuture.runAsync(() -> chats.send(TelegramFixtures.text(chat, second), chat)).get();

        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return window.__released;")));
        wait.until(ExpectedConditions.presenceOfElementLocated(line(second)));
        wait.until(ExpectedConditions.presenceOfElementLocated(line(first)));
    }

    private static By line(String text) {
        return By.xpath("//li[contains(@class,'in')][.//div[@class='text' and contains(., '" + text + "')]]");
    }
}
