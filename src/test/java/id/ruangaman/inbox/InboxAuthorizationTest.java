package id.ruangaman.inbox;

import static id.ruangaman.inbox.InboxFixtures.as;
import static id.ruangaman.inbox.InboxFixtures.getAs;
import static id.ruangaman.inbox.InboxFixtures.login;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.audit.AuditLog;
import id.ruangaman.security.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every inbox route for anonymous, counsellor and coordinator; CSRF on forms, not on JSON webhooks. */
@QuarkusTest
class InboxAuthorizationTest {

    @Inject
    InboxFixtures fixtures;
    @Inject
    AuditLog audit;
    @Inject
    CaseFileRepository cases;

    private String counsellor;
    private String otherCounsellor;
    private String coordinator;
    private long otherId;

    @BeforeEach
    void accounts() {
        fixtures.account("authz-counsellor", Role.COUNSELLOR);
        otherId = fixtures.account("authz-other", Role.COUNSELLOR).id;
        fixtures.account("authz-coordinator", Role.COORDINATOR);
        counsellor = login("authz-counsellor");
        otherCounsellor = login("authz-other");
        coordinator = login("authz-coordinator");
    }

    private static final List<String> GET_ROUTES = List.of("/inbox", "/inbox/accounts", "/inbox/audit", "/inbox/events",
            "/inbox/cases/RA-NOPE", "/inbox/cases/RA-NOPE/transcript", "/inbox/cases/RA-NOPE/answers", "/inbox/cases/RA-NOPE/print/intake-form",
            "/inbox/cases/RA-NOPE/print/verified-report", "/inbox/cases/RA-NOPE/media/1");
    private static final List<String> POST_ROUTES = List.of("/inbox/language", "/inbox/accounts", "/inbox/accounts/1/active",
            "/inbox/accounts/1/password", "/inbox/cases/RA-NOPE/assign", "/inbox/cases/RA-NOPE/status",
            "/inbox/cases/RA-NOPE/checks", "/inbox/cases/RA-NOPE/notes", "/inbox/cases/RA-NOPE/reply", "/inbox/cases/RA-NOPE/reveal");

    @Test
    void shouldRedirectAnonymousToLoginOnEveryRoute() {
        for (String route : GET_ROUTES) {
            given().redirects().follow(false).when().get(route).then().statusCode(302).header("Location", endsWith("/login"));
        }
        for (String route : POST_ROUTES) {
            given().redirects().follow(false).contentType(ContentType.URLENC).formParam("x", "y").when().post(route)
                    .then().statusCode(302).header("Location", endsWith("/login"));
        }
        given().when().get("/login").then().statusCode(200).body(containsString("j_security_check"));
    }

    @Test
    void shouldGiveCounsellorsTheCaseListButNotCoordinatorPages() {
        getAs(counsellor).when().get("/inbox").then().statusCode(200);
        getAs(counsellor).when().get("/inbox/accounts").then().statusCode(403);
        getAs(counsellor).when().get("/inbox/audit").then().statusCode(403);
        as(counsellor).formParam("username", "made-by-counsellor").formParam("role", "coordinator")
                .formParam("password", "another-password-1").when().post("/inbox/accounts").then().statusCode(403);
        as(counsellor).formParam("active", "false").when().post("/inbox/accounts/" + otherId + "/active").then().statusCode(403);
        long denied = QuarkusTransaction.requiringNew().call(() -> audit.count("actor = ?1 and action = 'access_denied'", "authz-counsellor"));
        assertTrue(denied >= 4, "role denials are audited");
    }

    @Test
    void shouldGiveCoordinatorsEveryPage() {
        getAs(coordinator).when().get("/inbox").then().statusCode(200);
        getAs(coordinator).when().get("/inbox/accounts").then().statusCode(200).body(containsString("authz-counsellor"));
        getAs(coordinator).when().get("/inbox/audit").then().statusCode(200);
        getAs(coordinator).when().get("/inbox/audit?action=login").then().statusCode(200).body(containsString("authz-coordinator"));
        getAs(coordinator).when().get("/inbox/audit?action=bogus").then().statusCode(400);
    }

    @Test
    void shouldLetCounsellorsOpenUnassignedAndOwnCasesButNotOthers() {
        String ref = fixtures.submittedCase(true);
        getAs(counsellor).when().get("/inbox/cases/" + ref).then().statusCode(200).body(containsString(ref));
        // searched by its code: the list is in urgency order, so other tests' open cases can put a new one on a later page
        getAs(counsellor).when().get("/inbox?ref=" + ref).then().statusCode(200).body(containsString("data-ref=\"" + ref + "\""));

        as(otherCounsellor).formParam("assignee", "me").when().post("/inbox/cases/" + ref + "/assign").then().statusCode(303);

        getAs(counsellor).when().get("/inbox?ref=" + ref).then().statusCode(200).body(not(containsString("data-ref=\"" + ref + "\"")));
        for (String route : List.of("", "/transcript", "/answers", "/print/intake-form", "/print/verified-report")) {
            getAs(counsellor).when().get("/inbox/cases/" + ref + route).then().statusCode(403);
        }
        as(counsellor).formParam("text", "x").when().post("/inbox/cases/" + ref + "/notes").then().statusCode(403);
        as(counsellor).formParam("text", "x").when().post("/inbox/cases/" + ref + "/reply").then().statusCode(403);
        as(counsellor).formParam("field", "contact_id").formParam("reason", "verification").when()
                .post("/inbox/cases/" + ref + "/reveal").then().statusCode(403);
        as(counsellor).formParam("assignee", "me").when().post("/inbox/cases/" + ref + "/assign").then().statusCode(403);

        long intakeId = QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().id);
        long denied = QuarkusTransaction.requiringNew()
                .call(() -> audit.count("actor = ?1 and action = 'access_denied' and intakeId = ?2", "authz-counsellor", intakeId));
        assertEquals(9, denied, "each refused case access is audited with the case");

        getAs(otherCounsellor).when().get("/inbox/cases/" + ref).then().statusCode(200);
        getAs(coordinator).when().get("/inbox/cases/" + ref).then().statusCode(200);
        getAs(coordinator).when().get("/inbox/cases/" + ref + "/print/intake-form").then().statusCode(200);
    }

    @Test
    void shouldAnswer404ForAnUnknownCaseAnd400ForBadFilters() {
        getAs(coordinator).when().get("/inbox/cases/RA-NOPE").then().statusCode(404).body(not(containsString("Exception")));
        getAs(coordinator).when().get("/inbox?status=bogus").then().statusCode(400);
        getAs(coordinator).when().get("/inbox?page=-1").then().statusCode(400);
        getAs(coordinator).when().get("/inbox?page=abc").then().statusCode(400);
    }

    @Test
    void shouldRejectAFormPostWithoutCsrfTokenButNotAJsonWebhook() {
        String ref = fixtures.submittedCase(true);
        getAs(counsellor).contentType(ContentType.URLENC).formParam("text", "note without token").when()
                .post("/inbox/cases/" + ref + "/notes").then().statusCode(400);
        getAs(counsellor).contentType(ContentType.URLENC).cookie("ruangaman-csrf", "forged").formParam("csrf-token", "forged")
                .formParam("text", "note with forged token").when().post("/inbox/cases/" + ref + "/notes").then().statusCode(400);
        as(counsellor).formParam("text", "note with token").when().post("/inbox/cases/" + ref + "/notes").then().statusCode(303);

        given().contentType(ContentType.JSON).body("{\"update_id\":1}").when().post("/webhooks/csrf-probe")
                .then().statusCode(200).body(equalTo("ok"));
    }

    @Test
    void shouldSendSecurityHeadersOnInboxPages() {
        for (String path : List.of("/inbox", "/inbox/accounts")) {
            getAs(coordinator).when().get(path).then().statusCode(200)
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", containsString("script-src 'self'"))
                    .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                    .header("Cache-Control", "no-store")
                    .header("Referrer-Policy", "no-referrer");
        }
        given().when().get("/login").then().header("Cache-Control", "no-store").header("Content-Security-Policy",
                containsString("frame-ancestors 'none'"));
    }

    @Test
    void shouldEndTheSessionOnLogout() {
        String session = login("authz-counsellor");
        as(session).when().post("/logout").then().statusCode(303).header("Location", endsWith("/login"));
        long logouts = QuarkusTransaction.requiringNew().call(() -> audit.count("actor = ?1 and action = 'logout'", "authz-counsellor"));
        assertTrue(logouts >= 1);
    }
}
