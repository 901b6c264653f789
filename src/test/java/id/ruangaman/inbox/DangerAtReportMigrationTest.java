package id.ruangaman.inbox;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import id.ruangaman.conversation.Input;
import id.ruangaman.intake.ReporterErasure;
import id.ruangaman.security.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * V273's backfill of {@code intake.in_danger_at_report} on cases stored before it (made here by clearing the column on
 * fresh cases): a case in danger whose thread never said danger was flagged by its report and is marked (danger words
 * while reporting, or the danger question answered yes); a case in danger only from its thread, a case not in danger and an erased shell are not. The statement runs on these cases
 * only, so no other test's rows change. Synthetic cases.
 */
@QuarkusTest
class DangerAtReportMigrationTest {

    private static final Path MIGRATION = Path.of("src/main/resources/db/migration/V273__in_danger_at_report.sql");

    @Inject
    InboxFixtures fixtures;
    @Inject
    ReporterErasure erasure;
    @Inject
    EntityManager em;

    @Test
    void marksTheCasesWhoseReportFlaggedThemAndNoOther() throws Exception {
        String words = fixtures.caseWithDangerWords();
        String answered = fixtures.caseAnsweredInDanger();
        String thread = fixtures.submittedCase(true);
        fixtures.survivorSends(thread, new Input.Text("tolong kak, dia di depan pintu"));
        String calm = fixtures.submittedCase(true);
        String erased = fixtures.caseWithDangerWords();
        QuarkusTransaction.requiringNew().run(() -> erasure.eraseOnRequest(fixtures.contactOf(erased)));
        List<String> refs = List.of(words, answered, thread, calm, erased);
        String ids = String.join(", ", refs.stream().map(ref -> "'" + ref + "'").toList());
        // as stored before the column: every case reads false
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update intake set in_danger_at_report = false "
                + "where reference_code in (" + ids + ")").executeUpdate());

        String sql = Files.readString(MIGRATION);
        String backfill = sql.substring(sql.indexOf("update intake"), sql.lastIndexOf(';'));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(backfill + " and reference_code in (" + ids + ")").executeUpdate());

        assertEquals(List.of(true, true, false, false, false), refs.stream().map(this::atReport).toList(),
                "words, answered, thread, calm, erased");
        fixtures.account("danger-migration-counsellor", Role.COUNSELLOR);
        String page = getAs(InboxFixtures.login("danger-migration-counsellor")).cookie("ruangaman-lang", "id").when()
                .get("/inbox/cases/" + words).then().statusCode(200).extract().asString();
        assertTrue(page.contains("kata-kata bahaya saat melapor (lihat transkrip)"), "an older case keeps its reason");
    }

    private boolean atReport(String ref) {
        return QuarkusTransaction.requiringNew().call(() -> (Boolean) em.createNativeQuery(
                "select in_danger_at_report from intake where reference_code = ?1").setParameter(1, ref).getSingleResult());
    }


}
