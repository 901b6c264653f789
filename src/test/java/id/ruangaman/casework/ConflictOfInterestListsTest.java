package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.as;
import static id.ruangaman.inbox.InboxFixtures.getAs;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.InboxEventFeed;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.referral.ReferralTestData;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.RenderedForm;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Walkthrough 8, finding 2: an account marked with a conflict of interest on a case learns nothing about it. The
 * case is in none of its lists (case list, search, filters, live events, referral overview, audit log), and the
 * case's address shows the inbox's page saying why, with nothing of the case. Accounts log in through the rendered
 * login form; the conflict is marked through the rendered form on the casework page.
 */
@QuarkusTest
class ConflictOfInterestListsTest {

    private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Inject
    InboxFixtures fixtures;
    @Inject
    ReferralTestData data;
    @Inject
    InboxEventFeed feed;

    @Test
    void shouldLeaveTheCaseOutOfEveryListOfAConflictedAccount() {
        Account member = fixtures.account("coi-list-member", Role.COUNSELLOR);
        Account leadCoordinator = fixtures.account("coi-list-conflicted-coordinator", Role.COORDINATOR);
        fixtures.account("coi-list-coordinator", Role.COORDINATOR);
        String coordinator = loginThroughTheForm("coi-list-coordinator");
        id.ruangaman.inbox.InboxEventFeed.Cursor start = feed.mark();
        String ref = fixtures.submittedCase(true);
        String other = fixtures.submittedCase(true);
        as(coordinator).formParam("provider", String.valueOf(data.provider("contoh-lbh"))).formParam("service", "legal")
                .formParam("part", "needs").when().post("/inbox/cases/" + ref + "/referrals").then().statusCode(303);
        as(coordinator).formParam("provider", String.valueOf(data.provider("contoh-lbh"))).formParam("service", "legal")
                .formParam("part", "needs").when().post("/inbox/cases/" + other + "/referrals").then().statusCode(303);
        markConflict(coordinator, ref, member.id);
        markConflict(coordinator, ref, leadCoordinator.id);

        String counsellor = loginThroughTheForm("coi-list-member");
        for (String page : List.of("/inbox", "/inbox?ref=" + ref, "/inbox?ref=" + ref.substring(0, 4), "/inbox?channel=DEV",
                "/inbox?view=unassigned", "/inbox?status=new")) {
            getAs(counsellor).accept(HTML).when().get(page).then().statusCode(200)
                    .body(not(containsString("href=\"/inbox/cases/" + ref + "\"")));
        }
        // The other case is looked for by its code: a new case sorts after every older unanswered one (the list puts the
        // nearest deadline first), so on the first page of a suite's shared database it is there only while fewer than
        // a page of cases came before it.
        getAs(counsellor).accept(HTML).when().get("/inbox?ref=" + other).then().body(containsString("href=\"/inbox/cases/" + other + "\""));
        Eventually.await("the other case's events are readable", Duration.ofSeconds(60),
                () -> feed.after(start, member.id, false).stream().anyMatch(i -> i.referenceCode().equals(other)));
        assertFalse(feed.after(start, member.id, false).stream().anyMatch(i -> i.referenceCode().equals(ref)), "no live events");
        assertTrue(feed.after(start, null, true).stream().anyMatch(i -> i.referenceCode().equals(ref)), "the events exist");

        String conflicted = loginThroughTheForm("coi-list-conflicted-coordinator");
        getAs(conflicted).accept(HTML).when().get("/inbox").then().statusCode(200).body(not(containsString("href=\"/inbox/cases/" + ref + "\"")));
        getAs(conflicted).accept(HTML).when().get("/inbox?ref=" + ref).then().statusCode(200)
                .body(not(containsString("href=\"/inbox/cases/" + ref + "\"")));
        getAs(conflicted).accept(HTML).when().get("/inbox?ref=" + other).then().statusCode(200)
                .body(containsString("href=\"/inbox/cases/" + other + "\""));
        getAs(conflicted).accept(HTML).when().get("/inbox/referrals").then().statusCode(200)
                .body(not(containsString("<td>" + ref + "</td>"))).body(containsString("<td>" + other + "</td>"));
        getAs(coordinator).accept(HTML).when().get("/inbox/referrals").then().body(containsString("<td>" + ref + "</td>"));
        for (String page : List.of("/inbox/audit", "/inbox/audit?ref=" + ref)) {
            getAs(conflicted).accept(HTML).when().get(page).then().statusCode(200)
                    .body(not(containsString("href=\"/inbox/cases/" + ref + "\"")));
        }
        getAs(coordinator).accept(HTML).when().get("/inbox/audit?ref=" + ref).then()
                .body(containsString("href=\"/inbox/cases/" + ref + "\""));
    }

    @Test
    void shouldExplainTheRefusalWithoutShowingTheCase() {
        Account member = fixtures.account("coi-page-member", Role.COUNSELLOR);
        fixtures.account("coi-page-coordinator", Role.COORDINATOR);
        String coordinator = loginThroughTheForm("coi-page-coordinator");
        String ref = fixtures.submittedCase(true);
        markConflict(coordinator, ref, member.id);
        String counsellor = loginThroughTheForm("coi-page-member");
        for (String page : List.of("/inbox/cases/" + ref, "/inbox/cases/" + ref + "/sop", "/inbox/cases/" + ref + "/referrals")) {
            String html = getAs(counsellor).accept(HTML).when().get(page).then().statusCode(403).contentType(ContentType.HTML)
                    .body(containsString("id=\"refusal-reason\""))
                    .body(containsString("tercatat ada konflik kepentingan"))
                    .body(containsString("href=\"/inbox/account\"")) // the inbox layout, with the way back
                    .body(containsString("id=\"error-back\"")).extract().asString();
            assertFalse(html.contains("Kekerasan") || html.contains("Penyintas") || html.contains("Pelapor:"), html);
        }
        getAs(counsellor).accept(HTML).cookie("ruangaman-lang", "en").when().get("/inbox/cases/" + ref).then().statusCode(403)
                .body(containsString("a conflict of interest is recorded")).body(containsString("Back to the case list"));
        // A script or the live page's fetches keep the short plain answer.
        getAs(counsellor).when().get("/inbox/cases/" + ref).then().statusCode(403).body(not(containsString("<html")));
    }

    private static void markConflict(String coordinator, String ref, long accountId) {
        String page = getAs(coordinator).accept(HTML).when().get("/inbox/cases/" + ref + "/sop").then().statusCode(200).extract().asString();
        RenderedForm.holding(page, "mark-conflict").with("conflict_account", String.valueOf(accountId)).submit(coordinator).then()
                .statusCode(303);
    }

    /** Logs in as a person does: the login page's form, filled in and submitted; returns the session cookie. */
    static String loginThroughTheForm(String username) {
        String page = given().accept(HTML).when().get("/login").then().statusCode(200).extract().asString();
        RenderedForm form = RenderedForm.holding(page, "login").with("j_username", username).with("j_password", InboxFixtures.PASSWORD);
        var request = given().redirects().follow(false).contentType(ContentType.URLENC).accept(HTML);
        request = request.formParam("j_username", form.values("j_username").get(0)).formParam("j_password", form.values("j_password").get(0));
        for (String name : List.of("csrf-token")) {
            if (!form.values(name).isEmpty()) {
                request = request.formParam(name, form.values(name).get(0));
            }
        }
        String session = request.when().post(form.action()).then().extract().cookie("ruangaman-session");
        assertTrue(session != null && !session.isEmpty(), "logged in");
        return session;
    }
}
