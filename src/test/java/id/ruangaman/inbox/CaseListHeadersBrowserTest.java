package id.ruangaman.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.ExpectedConditions;

import id.ruangaman.security.Role;
import id.ruangaman.testing.BrowserTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The case list's column headers in Chromium at a 1280 px wide window (a counsellor's laptop), at 1920 px, at a
 * tablet's 800 px and at a phone's 375 px, in Bahasa Indonesia and English, with a crowded case on the list (every flag, four kinds of violence,
 * four services, a long username as the assignee, danger said in the chat). Before, at 1280 px the headers broke inside
 * their words ("Tengg/at 72 jam", "St/at/us", "Penanggun/g jawab", "Receive/d") and so did the labels under them
 * ("Bar/u", "Menyeb/ut bahaya"): main's {@code overflow-wrap: anywhere} let the table size its columns below a word.
 * Now a header wraps only between words, in at most two lines, its classification term in one piece; no header
 * overlaps the next; the labels in the row are whole words; the page does not scroll sideways. Narrower than the ten
 * columns with whole headers fit (about 930 px), the list reads one block per case, as on a phone. Screenshots are left in
 * {@code target/screenshots/}. Synthetic cases.
 */
@QuarkusTest
class CaseListHeadersBrowserTest extends BrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /**
     * What the layout looks like, read in the page: per header its text, the words split over two lines, how many lines
     * its label (the header without its term) and its term take, whether it overlaps the next header or its text spills
     * out of its box; the words split in the crowded row's labels (flags, tags, countdown, status, channel, reporter:
     * not the assignee, a username that may break anywhere); and how far the page scrolls sideways.
     */
    private static final String MEASURE = """
            const row = document.querySelector(arguments[0]);
            function lines(range) {
              return new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size;
            }
            function splitWords(element, skip) {
              const split = [];
              const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
              let node;
              while ((node = walker.nextNode())) {
                if (skip && node.parentElement.closest(skip)) continue;
                const word = /[^\\s-]+/g; let m;
                while ((m = word.exec(node.data))) {
                  const range = document.createRange(); range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
                  if (lines(range) > 1) split.push(m[0]);
                }
              }
              return split;
            }
            function linesOf(element, keep) {
              const range = document.createRange(); range.selectNodeContents(element);
              const tops = new Set();
              const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
              let node;
              while ((node = walker.nextNode())) {
                if (!keep(node) || !node.data.trim()) continue;
                const r = document.createRange(); r.selectNodeContents(node);
                [...r.getClientRects()].filter(x => x.width > 0).forEach(x => tops.add(Math.round(x.top)));
              }
              return tops.size;
            }
            const headers = [...document.querySelectorAll('#case-list table.cases thead th')];
            const out = { headers: [], rowSplit: [], sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
                headerShown: headers.length > 0 && headers[0].getBoundingClientRect().width > 0 };
            headers.forEach((th, i) => {
              const box = th.getBoundingClientRect();
              const next = headers[i + 1] ? headers[i + 1].getBoundingClientRect() : null;
              out.headers.push({ text: th.textContent.replace(/\\s+/g, ' ').trim(), split: splitWords(th, null),
                  labelLines: linesOf(th, n => !n.parentElement.closest('.term')),
                  termLines: linesOf(th, n => !!n.parentElement.closest('.term')),
                  overlapsNext: next ? box.right > next.left + 0.5 : false, spills: th.scrollWidth > th.clientWidth });
            });
            if (row) {
              for (const td of row.querySelectorAll('td:not(.assignee)')) out.rowSplit.push(...splitWords(td, null));
            }
            return out;
            """;

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;
    @Inject
    EntityManager em;

    @Test
    void theHeadersBreakBetweenWordsOnlyAndTheListFitsAt1280And1920And375() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        fixtures.account("list-headers-coordinator", Role.COORDINATOR);
        var assignee = fixtures.account("konselor.dengan.nama.panjang", Role.COUNSELLOR);
        String crowded = fixtures.fullyAnsweredCase();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update intake set in_danger = true, urgent_medical = true, "
                + "victim_child = true, violence_types = 'rape,sexual_assault,psychological_abuse,image_sharing', "
                + "services = 'psychological,legal,medical,social_reintegration', assignee_id = ?2, danger_said_at = now() "
                + "where reference_code = ?1").setParameter(1, crowded).setParameter(2, assignee.id).executeUpdate());
        String list = base.toString().replaceAll("/$", "") + "/inbox?ref=" + crowded;
        String row = "#case-list tr[data-ref='" + crowded + "']";

        driver.manage().window().setSize(new Dimension(1280, 800));
        openLoggedIn(base, "/inbox", "list-headers-coordinator", InboxFixtures.PASSWORD);
        for (String language : List.of("id", "en")) {
            driver.manage().addCookie(new Cookie("ruangaman-lang", language));
            for (int width : new int[] { 1280, 1920, 800, 375 }) {
                driver.manage().window().setSize(new Dimension(width, 800));
                driver.get(list);
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(row)));
                screenshot("case-list-" + language + "-" + width);
                @SuppressWarnings("unchecked")
                Map<String, Object> measured = (Map<String, Object>) ((JavascriptExecutor) driver).executeScript(MEASURE, row);
                String at = language + " at " + width + " px: " + measured;

                assertTrue(((Number) measured.get("sideways")).intValue() <= 0, "the page scrolls sideways, " + at);
                if (width < 1024) {
                    assertEquals(Boolean.FALSE, measured.get("headerShown"), "a phone or a tablet reads each case as a block, " + at);
                    assertEquals(List.of(), measured.get("rowSplit"), "labels in the row split inside a word, " + at);
                    continue;
                }
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> headers = (List<Map<String, Object>>) measured.get("headers");
                assertEquals(10, headers.size(), at);
                for (Map<String, Object> header : headers) {
                    String which = "header \"" + header.get("text") + "\", " + at;
                    assertEquals(List.of(), header.get("split"), "split inside a word: " + which);
                    assertTrue(((Number) header.get("labelLines")).intValue() <= 2, "more than two lines: " + which);
                    assertTrue(((Number) header.get("termLines")).intValue() <= 1, "its term broken over lines: " + which);
                    assertEquals(Boolean.FALSE, header.get("overlapsNext"), "overlaps the next header: " + which);
                    assertEquals(Boolean.FALSE, header.get("spills"), "its text spills out of its box: " + which);
                }
                assertEquals(List.of(), measured.get("rowSplit"), "labels in the row split inside a word, " + at);
            }
        }
    }

    private void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
