package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Role;
import id.ruangaman.security.crypto.FieldCipher;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The leadership report counts, hides cells under 5 (and a lone hidden cell's smallest neighbour), leaves out cases
 * whose survivor answered "no" to statistics and erased ones, counts those who never answered, and never shows a
 * case's code or content.
 */
@QuarkusTest
class LeadershipReportTest {

    @Inject
    InboxFixtures fixtures;
    @Inject
    EntityManager em;
    @Inject
    FieldCipher cipher;

    /** Moves a case into March 2019, a period no other test uses, and optionally adds the statistics answer. */
    private void backdate(String ref, String statsConsent, boolean erased) {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant received = Instant.parse("2019-03-15T03:00:00Z");
            em.createNativeQuery("update intake set received_at = ?1, first_response_due_at = ?2, deleted_by_reporter_at = ?3 "
                    + "where reference_code = ?4").setParameter(1, received).setParameter(2, received.plusSeconds(72 * 3600))
                    .setParameter(3, erased ? received.plusSeconds(60) : null).setParameter(4, ref).executeUpdate();
            if (statsConsent != null) {
                byte[] stored = (byte[]) em.createNativeQuery("select answers from intake where reference_code = ?1").setParameter(1, ref)
                        .getSingleResult();
                // The intake already holds the question (skipped by the fixture's walk): the person's answer replaces it.
                String json = cipher.decryptString(stored).replaceAll(",?\"stats_consent\":\\{[^}]*\\}", "")
                        .replace("{,", "{");
                String withConsent = json.replaceFirst("^\\{", "{\"consent_statistics\":{\"stats_consent\":{\"kind\":\"yes_no\",\"value\":\""
                        + statsConsent + "\"}},");
                em.createNativeQuery("update intake set answers = ?1 where reference_code = ?2")
                        .setParameter(1, cipher.encryptString(withConsent)).setParameter(2, ref).executeUpdate();
            }
        });
    }

    @Test
    void shouldCountOnlyConsentingCasesAndHideSmallCells() {
        fixtures.account("report-pimpinan", Role.PIMPINAN);
        fixtures.account("report-counsellor", Role.COUNSELLOR);
        String leader = InboxFixtures.login("report-pimpinan");
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            refs.add(fixtures.submittedCase(true));
        }
        backdate(refs.get(0), "no", false);
        backdate(refs.get(1), null, true);
        backdate(refs.get(2), "yes", false);
        for (String ref : refs.subList(3, 8)) {
            backdate(ref, null, false);
        }
        String html = getAs(leader).when().get("/inbox/reports/leadership?period=month&year=2019&part=3").then().statusCode(200)
                .extract().asString();
        String text = CaseworkPrintTest.visibleText(html);
        assertTrue(text.contains("Laporan diterima Jumlah laporan 6"), "7 of 8 minus the erased one, minus the one who said no: " + text);
        // Reporter roles are SOP terms, marked as such as everywhere in the inbox (AnswerLabelMeaningTest).
        assertTrue(text.contains("Menurut pelapor (istilah SOP) Korban 6 Saksi <5 Atas nama orang lain <5"), text);
        // Services in the survivor's words, the flow's own labels (walkthrough 7, finding 5).
        assertTrue(text.contains("Konseling dengan psikolog 6") && text.contains("Bantuan hukum 6") && text.contains("Perawatan kesehatan <5"), text);
        assertTrue(text.contains("Belum dibalas 6") && text.contains("Dalam 72 jam <5"), text);
        assertTrue(text.contains("Terbukti <5") && text.contains("Berat <5"), text);
        for (String ref : refs) {
            assertFalse(html.contains(ref), "no case code in the report");
        }
        assertFalse(html.contains("Kronologi sintetis"), "no content in the report");

        String csv = getAs(leader).when().get("/inbox/reports/leadership.csv?period=month&year=2019&part=3").then().statusCode(200)
                .header("Content-Type", containsString("text/csv")).extract().asString();
        assertTrue(csv.startsWith("\"Bagian\",\"Kategori\",\"Jumlah\""), csv);
        assertTrue(csv.contains("\"Laporan diterima\",\"Jumlah laporan\",\"6\""), csv);
        assertTrue(csv.contains("\"Menurut pelapor (istilah SOP)\",\"Saksi\",\"<5\""), csv);
        getAs(leader).cookie("ruangaman-lang", "en").when().get("/inbox/reports/leadership.csv?period=semester&year=2019&part=1").then()
                .statusCode(200).body(containsString("\"Reports received\",\"Reports\",\"6\"")).body(not(containsString("victim")))
                .body(containsString("\"By reporter (SOP term)\",\"Victim\""));
        assertTrue(CaseworkPrintTest.visibleText(getAs(leader).cookie("ruangaman-lang", "en").when()
                .get("/inbox/reports/leadership?period=month&year=2019&part=3").then().statusCode(200).extract().asString())
                .contains("By reporter (SOP term) Victim 6"));
        getAs(leader).when().get("/inbox/reports/leadership?period=year&year=2019").then().statusCode(200)
                .body(containsString("Jumlah laporan</th><td data-code=\"total\">6"));

        getAs(InboxFixtures.login("report-counsellor")).when().get("/inbox/reports/leadership").then().statusCode(403);
        getAs(leader).when().get("/inbox/reports/leadership?period=decade").then().statusCode(400);
    }

    @Test
    void shouldHideTheNextSmallestCellWhenOnlyOneWouldBeHidden() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("victim", 10L);
        counts.put("witness", 3L);
        counts.put("proxy", 7L);
        LeadershipReport.Section s = LeadershipReport.section("by_reporter_role", "role", counts);
        assertEquals(List.of("10", "<5", "<5"), s.cells().stream().map(LeadershipReport.Cell::shown).toList(),
                "3 could be worked out from the total and 10 + 7");
        counts.put("proxy", 2L);
        assertEquals(List.of("10", "<5", "<5"),
                LeadershipReport.section("x", "role", counts).cells().stream().map(LeadershipReport.Cell::shown).toList());
        counts.put("witness", 5L);
        counts.put("proxy", 6L);
        assertEquals(List.of("10", "5", "6"),
                LeadershipReport.section("x", "role", counts).cells().stream().map(LeadershipReport.Cell::shown).toList());
    }
}
