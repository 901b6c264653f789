package id.ruangaman.inbox;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.referral.ReferralTestData;
import id.ruangaman.security.Role;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every inbox page with a filter form, opened with a query value it cannot use (an old bookmark, a hand-edited address:
 * a date written 31/12/2026, an unknown status, page -5 or "abc", a reference with a slash, an unknown period, a month 13,
 * a very long value), shows its list with the values that were valid, a reason next to the form in the reader's
 * language, and what was typed in its field, answered 400; never the "cannot open" page, never a 500. Synthetic cases.
 */
@QuarkusTest
class ListQueryRefusedTest {

    @Inject
    InboxFixtures fixtures;
    @Inject
    ReferralTestData data;

    private static Response open(String session, String path, Map<String, String> query) {
        RequestSpecification request = getAs(session).accept("text/html");
        query.forEach(request::queryParam);
        return request.when().get(path);
    }

    /** The page is the list with the reasons next to its form, not the refusal page, with status 400. */
    private static String refused(String session, String path, Map<String, String> query, String form) {
        Response response = open(session, path, query);
        String html = response.asString();
        assertEquals(400, response.statusCode(), path + " " + query);
        assertFalse(html.contains("class=\"error-page\""), "not the cannot-open page: " + query);
        assertTrue(html.contains("class=\"alert refused query-refused\""), "a reason: " + query);
        assertTrue(html.indexOf("query-refused") < html.indexOf("id=\"" + form + "\""), "the reason right before the form");
        assertFalse(html.contains("Exception") || html.contains("at id.ruangaman"), "no stack trace");
        return html;
    }

    @Test
    void shouldKeepAnAuditFilterWithAnAmpersandOnTheNextPage() {
        fixtures.account("query-audit-links", Role.COORDINATOR);
        String session = InboxFixtures.login("query-audit-links");

        Response response = getAs(session).accept("text/html").queryParam("page", "1").queryParam("actor", "a&b #c")
                .when().get("/inbox/audit");

        assertEquals(200, response.statusCode());
        // Before, the link read "actor=a&amp;b #c": the next page filtered by actor "a" and a stray parameter "b #c".
        assertTrue(response.asString().contains("href=\"/inbox/audit?page=0&amp;actor=a%26b+%23c\""), response.asString());
    }

    @Test
    void shouldShowTheCaseListWithTheValidFiltersWhenAValueIsRefused() {
        fixtures.account("query-coordinator", Role.COORDINATOR);
        String session = InboxFixtures.login("query-coordinator");
        String ref = fixtures.submittedCase(true);

        // An unknown status is left out; the reference filter still applies, so the case is listed alone.
        String html = refused(session, "/inbox", Map.of("status", "xyz", "ref", ref), "case-filters");
        assertTrue(html.contains("Status: pilihan itu tidak ada."), html);
        assertTrue(html.contains("data-ref=\"" + ref + "\""), "the list, filtered by the valid reference");
        assertEquals(1, html.split("data-ref=\"", -1).length - 1, "only the case the reference names");
        assertTrue(html.contains("id=\"ref-search\"") && html.contains("value=\"" + ref + "\""), "the reference stays in its field");

        for (String page : new String[] { "-5", "abc", "99999999999", "1.5" }) {
            String p = refused(session, "/inbox", Map.of("page", page), "case-filters");
            assertTrue(p.contains("Halaman itu tidak ada; ini halaman pertama."), page);
            assertTrue(p.contains("id=\"case-list\""), "the first page of the list: " + page);
        }
        String slash = refused(session, "/inbox", Map.of("ref", "AB/12"), "case-filters");
        assertTrue(slash.contains("Kode referensi: pakai huruf, angka dan tanda hubung saja."), slash);
        assertTrue(slash.contains("value=\"AB/12\""), "what was typed, to correct");
        String longRef = refused(session, "/inbox", Map.of("ref", "R".repeat(200)), "case-filters");
        assertTrue(longRef.contains("Kode referensi: terlalu panjang, 200 karakter, batasnya 16."), longRef);
        String longStatus = refused(session, "/inbox", Map.of("status", "x".repeat(3000), "view", "everything"), "case-filters");
        assertTrue(longStatus.contains("Status: pilihan itu tidak ada.") && longStatus.contains("Tampilan: pilihan itu tidak ada."),
                "each refused value has its line");
        for (String[] kv : new String[][] { { "channel", "sms" }, { "role", "boss" }, { "service", "x" }, { "violence", "x" },
                { "urgent", "yes" }, { "child", "maybe" }, { "danger", "maybe" } }) {
            refused(session, "/inbox", Map.of(kv[0], kv[1]), "case-filters");
        }

        String english = getAs(session).cookie("ruangaman-lang", "en").queryParam("status", "xyz").when().get("/inbox").then()
                .statusCode(400).extract().asString();
        assertTrue(english.contains("Status: that choice does not exist. Choose from the list."), english);

        String fine = getAs(session).queryParam("channel", "telegram").queryParam("page", "0").when().get("/inbox").then()
                .statusCode(200).extract().asString();
        assertFalse(fine.contains("query-refused"), "no reason when every value is used");
    }

    @Test
    void shouldShowTheAuditLogWithTheTypedDateWhenADateIsRefused() {
        fixtures.account("query-audit", Role.COORDINATOR);
        String session = InboxFixtures.login("query-audit");

        String html = refused(session, "/inbox/audit", Map.of("from", "31/12/2026", "to", "kemarin"), "audit-filters");
        assertTrue(html.contains("Dari: tanggalnya tidak bisa dibaca. Tulis seperti 2026-12-31."), html);
        assertTrue(html.contains("Sampai: tanggalnya tidak bisa dibaca."), html);
        assertTrue(html.contains("type=\"text\" name=\"from\" id=\"audit-from\" value=\"31/12/2026\""), "the typed date, to correct");
        assertTrue(html.contains("type=\"text\" name=\"to\" id=\"audit-to\" value=\"kemarin\""), "the typed date, to correct");
        assertTrue(html.contains("<tr><td>"), "the log's rows (this account's own login at least)");

        // The valid filter still applies: an actor nobody is leaves no rows, the refused date changes nothing.
        String none = refused(session, "/inbox/audit", Map.of("actor", "nobody-like-this", "from", "2026-13-01"), "audit-filters");
        assertFalse(none.contains("<tr><td>"), "the actor filter applied");
        assertTrue(none.contains("value=\"nobody-like-this\""), "the actor typed");

        refused(session, "/inbox/audit", Map.of("page", "abc"), "audit-filters");
        refused(session, "/inbox/audit", Map.of("page", "-5"), "audit-filters");
        String action = refused(session, "/inbox/audit", Map.of("action", "xyz"), "audit-filters");
        assertTrue(action.contains("Tindakan: pilihan itu tidak ada."), action);
        refused(session, "/inbox/audit", Map.of("ref", "R".repeat(300)), "audit-filters");

        String fine = getAs(session).queryParam("from", "2026-01-01").queryParam("to", "2026-12-31").when().get("/inbox/audit")
                .then().statusCode(200).extract().asString();
        assertTrue(fine.contains("type=\"date\" name=\"from\" id=\"audit-from\" value=\"2026-01-01\""), "a used date keeps its picker");
    }

    @Test
    void shouldShowTheLeadershipReportOfThisPeriodWhenThePeriodIsRefused() {
        fixtures.account("query-pimpinan", Role.PIMPINAN);
        String session = InboxFixtures.login("query-pimpinan");
        String html = refused(session, "/inbox/reports/leadership", Map.of("period", "decade"), "report-period");
        assertTrue(html.contains("Periode: pilihan itu tidak ada."), html);
        assertTrue(html.contains("id=\"leadership-report\""), "the report itself");
        String month = refused(session, "/inbox/reports/leadership", Map.of("period", "month", "year", "2019", "part", "13"),
                "report-period");
        assertTrue(month.contains("Bulan/semester ke-: angka itu tidak bisa dipakai."), month);
        assertTrue(month.contains("<option value=\"2019\"") || month.contains("/2019"), "the valid year still used");
        refused(session, "/inbox/reports/leadership", Map.of("year", "abc"), "report-period");
        refused(session, "/inbox/reports/leadership", Map.of("period", "semester", "part", "3"), "report-period");
        // The export with a value it cannot use: no file, the report page and its reason.
        String csv = refused(session, "/inbox/reports/leadership.csv", Map.of("period", "decade"), "report-period");
        assertTrue(csv.contains("Periode: pilihan itu tidak ada."), csv);
        getAs(session).when().get("/inbox/reports/leadership.csv?period=year&year=2019").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"));
    }

    @Test
    void shouldSearchReferralsWithTheKnownServicesWhenOneIsRefused() {
        fixtures.account("query-referrals", Role.COORDINATOR);
        String session = InboxFixtures.login("query-referrals");
        String ref = data.sentinelCase();
        Response response = getAs(session).accept("text/html").queryParam("search", "1").queryParam("service", "legal")
                .queryParam("service", "astrology").when().get("/inbox/cases/" + ref + "/referrals");
        String html = response.asString();
        assertEquals(400, response.statusCode());
        assertTrue(html.contains("Layanan: pilihan itu tidak ada."), html);
        assertTrue(html.contains("id=\"service-legal\" checked"), "the known service still searched");
        assertTrue(html.indexOf("query-refused") < html.indexOf("id=\"referral-search\""));
        String q = refused(session, "/inbox/cases/" + ref + "/referrals", Map.of("search", "1", "q", "kata".repeat(40)),
                "referral-search");
        assertTrue(q.contains("Kata kunci: terlalu panjang, 160 karakter, batasnya 100."), q);
        assertTrue(q.contains("value=\"" + "kata".repeat(40) + "\""), "the text typed");
    }
}
