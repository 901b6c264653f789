package id.ruangaman.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.CaseFileRepository;
import id.ruangaman.inbox.InboxEventFeed;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import id.ruangaman.testing.Eventually;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A leadership account's live events ({@link InboxEventFeed#readForLeadership}) carry only what its open case page
 * needs to follow an erasure: the {@code case} events of the cases its pages show (concluded, decided, closed with a
 * conclusion), each named; never the events of a case still in verification or examination, never what was written in
 * a case ({@code person_wrote}, {@code message}), and nothing of a case it is conflicted on. The events are written as
 * the service writes them, one of each kind. Synthetic accounts and cases.
 */
@QuarkusTest
class LeadershipEventsTest {

    @Inject
    InboxFixtures fixtures;
    @Inject
    InboxEventFeed feed;
    @Inject
    CaseFileRepository cases;
    @Inject
    CaseworkRepository repo;
    @Inject
    DataSource dataSource;

    @Test
    void shouldNameToLeadershipOnlyTheCaseEventsOfTheCasesItsPagesShow() throws Exception {
        Account counsellor = fixtures.account("leadership-events-counsellor", Role.COUNSELLOR);
        Account leader = fixtures.account("leadership-events-leader", Role.PIMPINAN);
        Account conflicted = fixtures.account("leadership-events-conflicted", Role.PIMPINAN);
        String session = InboxFixtures.login("leadership-events-counsellor");
        String concluded = fixtures.submittedCase(true);
        long concludedId = id(concluded);
        new CaseworkSteps(session, concluded).toConcluded(counsellor.id, "written_warning",
                () -> QuarkusTransaction.requiringNew().call(() -> repo.parties(concludedId).get(0).id));
        String inVerification = fixtures.submittedCase(true);
        assertEquals(303, new CaseworkSteps(session, inVerification).status("in_verification"));
        QuarkusTransaction.requiringNew().run(() -> repo.markConflict(concludedId, conflicted.id, "coordinator", counsellor.id, Instant.now()));

        InboxEventFeed.Cursor start = feed.mark();
        long shown = insertEvent("case", concluded);
        long written = insertEvent("person_wrote", concluded);
        long replied = insertEvent("message", concluded);
        long notYet = insertEvent("case", inVerification);
        Set<Long> ours = Set.of(shown, written, replied, notYet);

        Eventually.await("the events settled", Duration.ofSeconds(60),
                () -> feed.after(start, null, true).stream().filter(item -> ours.contains(item.id())).count() == 4);
        List<InboxEventFeed.Item> toLeader = feed.readForLeadership(start, leader.id).items().stream()
                .filter(item -> ours.contains(item.id())).toList();
        assertEquals(List.of(shown), toLeader.stream().map(InboxEventFeed.Item::id).toList(),
                "only the case event of the concluded case: " + toLeader);
        assertEquals(concluded, toLeader.get(0).referenceCode(), "named, so its open page knows it is its case");
        assertEquals("case", toLeader.get(0).type());
        assertTrue(feed.readForLeadership(start, conflicted.id).items().stream().noneMatch(item -> ours.contains(item.id())),
                "nothing of a case the account is conflicted on");
    }

    /**
     * Where a case stands, for the open leadership page's live check: told for a case leadership's pages show (no
     * content), refused for one they do not show, and refused to a counsellor, whose case pages have their own.
     */
    @Test
    void shouldTellALeaderWhereACaseItsPagesShowStandsAndNothingMore() {
        Account counsellor = fixtures.account("leadership-standing-counsellor", Role.COUNSELLOR);
        fixtures.account("leadership-standing-leader", Role.PIMPINAN);
        String session = InboxFixtures.login("leadership-standing-counsellor");
        String leader = InboxFixtures.login("leadership-standing-leader");
        String concluded = fixtures.submittedCase(true);
        long concludedId = id(concluded);
        new CaseworkSteps(session, concluded).toConcluded(counsellor.id, "written_warning",
                () -> QuarkusTransaction.requiringNew().call(() -> repo.parties(concludedId).get(0).id));
        String inVerification = fixtures.submittedCase(true);
        assertEquals(303, new CaseworkSteps(session, inVerification).status("in_verification"));

        String standing = InboxFixtures.getAs(leader).when().get("/inbox/pimpinan/" + concluded + "/standing").then().statusCode(200)
                .extract().asString();
        assertTrue(standing.contains("id=\"case-standing\" data-standing=\"open\""), standing);
        assertFalse(standing.contains("sintetis"), "no content: " + standing);
        InboxFixtures.getAs(leader).when().get("/inbox/pimpinan/" + inVerification + "/standing").then().statusCode(403);
        InboxFixtures.getAs(session).when().get("/inbox/pimpinan/" + concluded + "/standing").then().statusCode(403);
    }

    private long id(String ref) {
        return QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().id);
    }

    private long insertEvent(String type, String ref) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "insert into inbox_event (type, intake_id) select ?, id from intake where reference_code = ? returning id")) {
            insert.setString(1, type);
            insert.setString(2, ref);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
