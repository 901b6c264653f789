package id.ruangaman.inbox;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static id.ruangaman.inbox.InboxFixtures.login;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.audit.AuditLog;
import id.ruangaman.intake.IntakeRepository;
import id.ruangaman.security.Role;
import id.ruangaman.testing.TelegramFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Reading a case's transcript is audited once per person and case within the idle window: a read on its own leaves
 * a row, while the open page's own refreshes and repeats are covered by the view they belong to.
 */
@QuarkusTest
class TranscriptAuditTest {

    @Inject
    InboxFixtures fixtures;
    @Inject
    IntakeRepository intakes;
    @Inject
    AuditLog audit;

    @Test
    void shouldAuditATranscriptReadOnItsOwnButNotEachRefreshOfAnOpenCase() {
        fixtures.account("transcript-reader", Role.COORDINATOR);
        fixtures.account("case-viewer", Role.COORDINATOR);
        String ref = fixtures.submittedTelegramCase(TelegramFixtures.newChatId());
        String reader = login("transcript-reader");
        String viewer = login("case-viewer");

        for (int read = 0; read < 3; read++) {
            getAs(reader).get("/inbox/cases/" + ref + "/transcript").then().statusCode(200);
        }
        assertEquals(1, rows(ref, "transcript-reader", "transcript_view"), "a direct read is audited, its repeats are not");

        getAs(viewer).get("/inbox/cases/" + ref).then().statusCode(200);
        for (int refresh = 0; refresh < 3; refresh++) {
            getAs(viewer).header("X-Ruangaman-Background", "1").get("/inbox/cases/" + ref + "/transcript").then().statusCode(200);
        }
        assertEquals(1, rows(ref, "case-viewer", "case_view"));
        assertEquals(0, rows(ref, "case-viewer", "transcript_view"), "the open page's refreshes belong to its view");
    }

    private long rows(String ref, String actor, String action) {
        return QuarkusTransaction.requiringNew().call(() -> audit.count("actor = ?1 and action = ?2 and intakeId = ?3", actor, action,
                intakes.findByReferenceCode(ref).orElseThrow().id));
    }
}
