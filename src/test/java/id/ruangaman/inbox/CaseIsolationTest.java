package id.ruangaman.inbox;

import static id.ruangaman.inbox.InboxFixtures.as;
import static id.ruangaman.inbox.InboxFixtures.getAs;
import static id.ruangaman.inbox.InboxFixtures.login;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import id.ruangaman.transcript.MediaStaging;
import id.ruangaman.conversation.Input;
import id.ruangaman.conversation.MediaKind;
import id.ruangaman.security.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 13, point 5 and 6: one chat sends two reports; counsellor A works case 1, counsellor B case 2. Transcript,
 * evidence, reveal, print and live events are per case: B never sees case 1's story, A's reply or case 1's photo,
 * through case 2's routes or any other; every route of the other's case is refused; the event stream replays only
 * cases the account may see now, and nothing to a deactivated account.
 */
@QuarkusTest
class CaseIsolationTest {

    @Inject
    InboxFixtures fixtures;
    @Inject
    MediaStaging staging;
    @Inject
    CaseFileRepository cases;
    @Inject
    InboxEventFeed feed;
    @Inject
    EntityManager em;

    @Test
    void shouldKeepTwoReportsOfOnePersonApart() {
        long aId = fixtures.account("iso-counsellor-a", Role.COUNSELLOR).id;
        long bId = fixtures.account("iso-counsellor-b", Role.COUNSELLOR).id;
        String a = login("iso-counsellor-a");
        String b = login("iso-counsellor-b");
        String secret = "S1-" + UUID.randomUUID();
        id.ruangaman.inbox.InboxEventFeed.Cursor start = feed.mark(); // a replay from here covers everything of both cases, from their first event

        // Case 1: the report, then a follow-up and a photo kept as evidence after the person says yes.
        String ref1 = fixtures.submittedCase(true);
        fixtures.survivorSends(ref1, new Input.Text("Cerita kasus satu " + secret));
        long contact = fixtures.contactOf(ref1);
        long photo = staging.stage(contact, "test:" + secret, MediaKind.PHOTO, "image/jpeg",
                ("photo " + secret).getBytes(StandardCharsets.UTF_8), false);
        fixtures.survivorSends(ref1, new Input.Media(String.valueOf(photo), MediaKind.PHOTO, null));
        fixtures.survivorSends(ref1, Input.ButtonPress.fromCallbackData("_keep:yes"));
        as(a).formParam("assignee", "me").when().post("/inbox/cases/" + ref1 + "/assign").then().statusCode(303);
        String replyA = "Balasan A untuk kasus satu " + secret;
        as(a).formParam("text", replyA).when().post("/inbox/cases/" + ref1 + "/reply").then().statusCode(303);
        getAs(a).when().get("/inbox/cases/" + ref1).then().statusCode(200).body(containsString(secret))
                .body(containsString("/inbox/cases/" + ref1 + "/media/" + photo));
        getAs(a).when().get("/inbox/cases/" + ref1 + "/media/" + photo).then().statusCode(200);

        // Case 2 from the same chat, taken by B.
        String ref2 = fixtures.anotherReport(ref1);
        assertFalse(ref1.equals(ref2));
        as(b).formParam("assignee", "me").when().post("/inbox/cases/" + ref2 + "/assign").then().statusCode(303);
        String later = "Pesan untuk laporan kedua " + UUID.randomUUID();
        fixtures.survivorSends(ref2, new Input.Text(later));

        // B on case 2: nothing of case 1, but case 2's own lines, including the latest message.
        for (String route : List.of("", "/transcript")) {
            getAs(b).when().get("/inbox/cases/" + ref2 + route).then().statusCode(200)
                    .body(not(containsString(secret))).body(containsString(later));
        }
        getAs(b).when().get("/inbox/cases/" + ref2 + "/print/intake-form").then().statusCode(200).body(not(containsString(secret)));
        getAs(b).when().get("/inbox/cases/" + ref2 + "/media/" + photo).then().statusCode(404);
        // A's case 1 does not receive the message sent after the second report.
        getAs(a).when().get("/inbox/cases/" + ref1 + "/transcript").then().statusCode(200).body(not(containsString(later)));

        // The route matrix: each counsellor is refused every route of the other's case.
        refusedEverywhere(b, ref1, photo);
        refusedEverywhere(a, ref2, photo);

        // Live events: a reply on case 1 raises events on case 1 only, and B's stream never names case 1,
        // not even when replaying from the beginning (events written while case 1 was still unassigned).
        long case1 = QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref1).orElseThrow().id);
        id.ruangaman.inbox.InboxEventFeed.Cursor mark = feed.mark();
        as(a).formParam("text", "Balasan kedua " + secret).when().post("/inbox/cases/" + ref1 + "/reply").then().statusCode(303);
        id.ruangaman.testing.Eventually.await("events settled", java.time.Duration.ofSeconds(60), () -> feed.mark().tx() > mark.tx());
        @SuppressWarnings("unchecked")
        // Only the cases of this chat: the senders go on delivering what earlier tests queued meanwhile, and each
        // delivery raises an event on its own case (or none), which is no event of case 2.
        List<Number> touched = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select distinct e.intake_id from inbox_event e join intake i on i.id = e.intake_id where e.tx::text::bigint >= ?1 "
                        + "and i.contact_id = ?2").setParameter(1, mark.tx()).setParameter(2, contact).getResultList());
        assertEquals(List.of(case1), touched.stream().map(Number::longValue).toList(), "events of another case: " + touched);
        assertTrue(feed.after(start, bId, false).stream().anyMatch(item -> ref2.equals(item.referenceCode())), "B sees case 2");
        assertTrue(feed.after(start, bId, false).stream().noneMatch(item -> ref1.equals(item.referenceCode())),
                "B's stream replays case 1");
        assertTrue(feed.after(start, aId, false).stream().noneMatch(item -> ref2.equals(item.referenceCode())),
                "A's stream replays case 2");
        assertEquals(true, feed.after(mark, aId, false).stream().anyMatch(item -> ref1.equals(item.referenceCode())));

        // The account is checked on every read: a deactivated counsellor's open stream goes quiet.
        setActive(bId, false);
        try {
            assertTrue(feed.after(start, bId, false).isEmpty(), "a deactivated account still receives events");
        } finally {
            setActive(bId, true);
        }
    }

    private void setActive(long accountId, boolean active) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update account set active = ?1 where id = ?2")
                .setParameter(1, active).setParameter(2, accountId).executeUpdate());
    }

    private static void refusedEverywhere(String session, String ref, long mediaId) {
        for (String route : List.of("", "/transcript", "/print/intake-form", "/print/verified-report", "/media/" + mediaId)) {
            getAs(session).when().get("/inbox/cases/" + ref + route).then().statusCode(403);
        }
        as(session).formParam("field", "contact_id").formParam("reason", "verification").when()
                .post("/inbox/cases/" + ref + "/reveal").then().statusCode(403);
        as(session).formParam("text", "x").when().post("/inbox/cases/" + ref + "/reply").then().statusCode(403);
        as(session).formParam("text", "x").when().post("/inbox/cases/" + ref + "/notes").then().statusCode(403);
    }
}
