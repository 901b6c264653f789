package id.ruangaman.inbox;

import static id.ruangaman.inbox.InboxFixtures.as;
import static id.ruangaman.inbox.InboxFixtures.login;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import id.ruangaman.testing.Eventually;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A case that changes hands reaches the open list it left, not only the one it joined: the counsellor a coordinator
 * reassigns it away from, and the other counsellors whose unassigned queue showed it when someone takes it. Before,
 * the feed gave a counsellor only events of cases unassigned or theirs when read, so those lists kept the case as it
 * was until a reload. A counsellor who never had the case still hears nothing of it. Synthetic accounts and cases.
 */
@QuarkusTest
class CaseLeftListEventsTest {

    @Inject
    InboxFixtures fixtures;
    @Inject
    InboxEventFeed feed;

    private Account account(String role) {
        return fixtures.account("left-" + UUID.randomUUID().toString().substring(0, 8), role);
    }

    /** The case's case events after {@code from}, as the whole team's feed has them: their ids. */
    private List<Long> caseEvents(InboxEventFeed.Cursor from, String ref) {
        return feed.after(from, null, true).stream().filter(item -> ref.equals(item.referenceCode()) && "case".equals(item.type()))
                .map(InboxEventFeed.Item::id).toList();
    }

    /** Whether the viewer's feed hands them a case event of the case, and how it names it ("" when unnamed). */
    private java.util.Optional<String> caseEventFor(InboxEventFeed.Cursor from, Account viewer, String ref) {
        List<Long> ids = caseEvents(from, ref);
        return feed.after(from, viewer.id, false).stream().filter(item -> ids.contains(item.id()))
                .map(InboxEventFeed.Item::referenceCode).findFirst();
    }

    @Test
    void shouldTellThePreviousAssigneeThatACaseWasReassignedAway() {
        Account a = account(Role.COUNSELLOR);
        Account b = account(Role.COUNSELLOR);
        Account bystander = account(Role.COUNSELLOR);
        Account coordinator = account(Role.COORDINATOR);
        String ref = fixtures.submittedCase(true);
        as(login(a.username)).formParam("assignee", "me").when().post("/inbox/cases/" + ref + "/assign").then().statusCode(303);
        InboxEventFeed.Cursor start = feed.mark();

        as(login(coordinator.username)).formParam("assignee", String.valueOf(b.id)).when()
                .post("/inbox/cases/" + ref + "/assign").then().statusCode(303);

        Eventually.await("the new assignee hears of the case", Duration.ofSeconds(60),
                () -> caseEventFor(start, b, ref).isPresent());
        assertEquals(java.util.Optional.of(ref), caseEventFor(start, b, ref), "named to the new assignee");
        assertEquals(java.util.Optional.of(""), caseEventFor(start, a, ref),
                "the counsellor the case was taken from hears of it too, without its name: it is no longer theirs");
        assertFalse(caseEventFor(start, bystander, ref).isPresent(), "a counsellor who never had the case hears nothing");
    }

    @Test
    void shouldTellTheOtherCounsellorsThatAReplyTookACaseOffTheQueue() {
        Account taker = account(Role.COUNSELLOR);
        Account other = account(Role.COUNSELLOR);
        String ref = fixtures.submittedCase(true);
        InboxEventFeed.Cursor start = feed.mark();

        as(login(taker.username)).formParam("text", "Halo, kami di sini untuk membantu.").when()
                .post("/inbox/cases/" + ref + "/reply").then().statusCode(303);

        Eventually.await("the taker hears of the case", Duration.ofSeconds(60),
                () -> caseEventFor(start, taker, ref).isPresent());
        assertEquals(java.util.Optional.of(""), caseEventFor(start, other, ref),
                "a counsellor whose unassigned queue showed the case hears that it left it, not which case");
    }

    @Test
    void shouldTellTheCounsellorACoordinatorTookTheCaseFromToNobody() {
        Account a = account(Role.COUNSELLOR);
        Account coordinator = account(Role.COORDINATOR);
        String ref = fixtures.submittedCase(true);
        as(login(a.username)).formParam("assignee", "me").when().post("/inbox/cases/" + ref + "/assign").then().statusCode(303);
        InboxEventFeed.Cursor start = feed.mark();

        as(login(coordinator.username)).formParam("assignee", "none").when().post("/inbox/cases/" + ref + "/assign").then().statusCode(303);

        Eventually.await("the counsellor hears the case went back to the queue", Duration.ofSeconds(60),
                () -> caseEventFor(start, a, ref).isPresent());
        assertEquals(java.util.Optional.of(ref), caseEventFor(start, a, ref), "unassigned: every counsellor may see it");
    }

    /** An erasure closes every case of the person: each case's list hears of it, not only the case it was done from. */
    @Test
    void shouldTellTheListsOfEveryCaseAnErasureClosed() {
        Account a = account(Role.COUNSELLOR);
        Account coordinator = account(Role.COORDINATOR);
        String first = fixtures.submittedCase(true);
        String second = fixtures.anotherReport(first);
        as(login(a.username)).formParam("assignee", "me").when().post("/inbox/cases/" + first + "/assign").then().statusCode(303);
        InboxEventFeed.Cursor start = feed.mark();

        as(login(coordinator.username)).formParam("reason", "request_by_phone").when().post("/inbox/cases/" + second + "/erase")
                .then().statusCode(303);

        Eventually.await("the erased-from case's event", Duration.ofSeconds(60), () -> !caseEvents(start, second).isEmpty());
        assertEquals(java.util.Optional.of(first), caseEventFor(start, a, first),
                "the person's other case, now closed, left its list unchanged");
    }
}
