package id.ruangaman.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

import id.ruangaman.security.Role;
import id.ruangaman.testing.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What a counsellor types into a form on a logged-in page is never in the tab's storage in plain text, not even for the
 * moment between the press and the next page. Before, the whole form (a note about a survivor) was kept in plain text
 * from the press until the next page's load, while its sealed copy was being made, and stayed so when no page of the
 * inbox came next. Now only where it was typed and when are kept in plain text; the text is kept sealed with the
 * account's key, and a refused form still gets its text back from that seal. Read by a listener that runs right after
 * the inbox's own at each press, in a real browser. Synthetic case and text.
 */
@QuarkusTest
class KeptTextNeverPlainBrowserTest extends BrowserTest {

    KeptTextNeverPlainBrowserTest() {
        super(1280, 1200);
    }

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;

    @Test
    void shouldKeepARefusedNoteOnlySealedAndStillGiveItBack() {
        String ref = fixtures.submittedCase(true);
        fixtures.account("never-plain-counsellor", Role.COUNSELLOR);
        driver.get(base.toString().replaceAll("/$", "") + "/inbox/cases/" + ref);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("j_username")));
        typeLogin("never-plain-counsellor", InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("note-text")));
        // after the inbox's own listener, at each press: everything the tab's storage holds then
        js("document.addEventListener('submit', function () {"
                + " var all = ''; for (var i = 0; i < sessionStorage.length; i++) {"
                + "   var k = sessionStorage.key(i); if (k !== 'probe') { all += k + '=' + sessionStorage.getItem(k) + ';'; } }"
                + " sessionStorage.setItem('probe', (sessionStorage.getItem('probe') || '') + all + '|'); });");
        String note = "Catatan sintetis rahasia tentang pelapor. ".repeat(110); // past the server's limit: refused
        js("var t = document.getElementById('note-text'); t.removeAttribute('maxlength'); t.value = arguments[0];", note);
        driver.findElement(By.id("add-note")).click();
        wait.until(ExpectedConditions.urlContains("refused="));

        wait.until(d -> note.equals(d.findElement(By.id("note-text")).getAttribute("value")));
        String seen = (String) js("return sessionStorage.getItem('probe');");
        assertTrue(seen != null && seen.contains("ruangaman-kept-form="), "the probe saw the press: " + seen);
        assertFalse(seen.contains("rahasia"), "the note was in the tab's storage in plain text: " + seen);
        assertEquals(null, js("return sessionStorage.getItem('ruangaman-kept-form');"), "nothing left once given back");
        assertEquals(null, js("return sessionStorage.getItem('ruangaman-kept-sealed');"));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
