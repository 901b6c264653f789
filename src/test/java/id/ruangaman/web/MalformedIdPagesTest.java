package id.ruangaman.web;

import static id.ruangaman.inbox.InboxFixtures.as;
import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Role;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Every inbox address with a number in its path, given something that is no number ({@code abc}, a negative or too long
 * one) or a number nothing has, answers a browser with the inbox's error page and a short reason, 4xx (or with its
 * form's page and the reason, where the address still names that page): never a bare
 * 404 with an empty page, a 500 or a stack trace. A form post to such an address (the Akun page's buttons,
 * {@code /inbox/accounts/abc/active}) gave a bare 404 before. Synthetic accounts and case.
 */
@QuarkusTest
class MalformedIdPagesTest {

    private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Inject
    InboxFixtures fixtures;

    @Test
    void shouldAnswerEveryMalformedOrUnknownIdWithTheErrorPage() {
        fixtures.account("malformed-coordinator", Role.COORDINATOR);
        String session = InboxFixtures.login("malformed-coordinator");
        String c = "/inbox/cases/" + fixtures.submittedCase(true);
        List<String> posts = new ArrayList<>();
        List<String> gets = new ArrayList<>();
        for (String bad : List.of("abc", "-1", "99999999999999999999", "12abc")) {
            for (String form : List.of("active", "password", "role", "unlock", "name")) {
                posts.add("/inbox/accounts/" + bad + "/" + form);
            }
            posts.addAll(List.of(c + "/sop/interviews/" + bad, c + "/sop/interviews/" + bad + "/reschedule",
                    c + "/sop/parties/" + bad, c + "/sop/parties/" + bad + "/remove",
                    "/inbox/referrals/" + bad + "/status", "/inbox/referrals/" + bad + "/parts", "/inbox/providers/" + bad,
                    "/inbox/providers/" + bad + "/active"));
            gets.addAll(List.of(c + "/sop/interviews/" + bad, c + "/sop/interviews/" + bad + "/attachment",
                    c + "/sop/print/pemanggilan/" + bad, c + "/sop/print/bap/" + bad, c + "/media/" + bad, c + "/cards/" + bad,
                    "/inbox/referrals/" + bad, "/inbox/referrals/" + bad + "/letter", "/inbox/providers/" + bad));
        }
        posts.add("/inbox/accounts/987654321/active"); // a number no account has
        Map<String, String> wrong = new LinkedHashMap<>();
        for (String path : posts) {
            check(wrong, "POST " + path, as(session).accept(HTML).formParam("active", "false").formParam("role", "counsellor")
                    .post(path));
        }
        for (String path : gets) {
            check(wrong, "GET " + path, getAs(session).accept(HTML).get(path));
        }
        assertEquals(Map.of(), wrong, "answered without the error page");
        // An id that is no number says what was not found, as an account's does, never the general line.
        Map<String, String> said = new LinkedHashMap<>();
        for (String bad : List.of("abc", "12abc", "99999999999999999999")) {
            Map<String, String> reasons = new LinkedHashMap<>();
            for (String path : List.of("/inbox/providers/" + bad, "/inbox/providers/" + bad + "/active")) {
                reasons.put("POST " + path, "Penyedia itu tidak ditemukan.");
            }
            reasons.put("GET /inbox/providers/" + bad, "Penyedia itu tidak ditemukan.");
            for (String path : List.of("/inbox/referrals/" + bad + "/status", "/inbox/referrals/" + bad + "/parts",
                    "/inbox/referrals/" + bad + "/ask", "/inbox/referrals/" + bad + "/guardian")) {
                reasons.put("POST " + path, "Rujukan itu tidak ditemukan.");
            }
            reasons.put("GET /inbox/referrals/" + bad, "Rujukan itu tidak ditemukan.");
            reasons.put("GET /inbox/referrals/" + bad + "/letter", "Rujukan itu tidak ditemukan.");
            for (String path : List.of(c + "/sop/interviews/" + bad, c + "/sop/interviews/" + bad + "/reschedule")) {
                reasons.put("POST " + path, "Pemeriksaan itu tidak ditemukan.");
            }
            for (String path : List.of(c + "/sop/parties/" + bad, c + "/sop/parties/" + bad + "/remove")) {
                reasons.put("POST " + path, "Pihak itu tidak ditemukan.");
            }
            reasons.put("POST /inbox/accounts/" + bad + "/active", "Akun itu tidak ditemukan.");
            reasons.put("GET " + c + "/media/" + bad, "Bukti itu tidak ditemukan.");
            reasons.put("GET " + c + "/cards/" + bad, "Kartu kontak itu tidak ditemukan.");
            reasons.put("GET " + c + "/sop/print/bap/" + bad, "Pemeriksaan itu tidak ditemukan.");
            reasons.put("GET " + c + "/sop/print/pemanggilan/" + bad, "Pihak itu tidak ditemukan.");
            reasons.forEach((what, reason) -> {
                String path = what.substring(what.indexOf(' ') + 1);
                Response response = what.startsWith("POST")
                        ? as(session).accept(HTML).formParam("active", "false").formParam("status", "sent").post(path)
                        : getAs(session).accept(HTML).get(path);
                if (response.statusCode() != 404 || !response.asString().contains(reason)) {
                    said.put(what, response.statusCode() + " " + response.header("Location"));
                }
            });
        }
        // A number nothing has says the same as an id that is no number.
        for (String[] numbered : new String[][] { { c + "/media/987654321", "Bukti itu tidak ditemukan." },
                { c + "/cards/987654321", "Kartu kontak itu tidak ditemukan." } }) {
            Response response = getAs(session).accept(HTML).get(numbered[0]);
            if (response.statusCode() != 404 || !response.asString().contains(numbered[1])) {
                said.put("GET " + numbered[0], response.statusCode() + " " + response.header("Location"));
            }
        }
        assertEquals(Map.of(), said, "answered without the reason that names what was not found");
        String page = as(session).accept(HTML).formParam("active", "false").post("/inbox/accounts/abc/active").then().statusCode(404)
                .extract().asString();
        assertEquals(true, page.contains("Akun itu tidak ditemukan."), "the reason names the account");
    }

    private static void check(Map<String, String> wrong, String what, Response response) {
        int status = response.statusCode();
        String body = response.asString();
        String location = response.header("Location");
        if (status == 303 && location != null && (location.contains("?refused=") || what.startsWith("GET"))) {
            return; // a form's own page shown again with the reason (web.Refusals), or a post-only address's GET sent to its page
        }
        // the error page, or the form's page shown again at once with the reason in an alert (the SOP page)
        boolean reason = body.contains("id=\"refusal-reason\"") || body.contains("role=\"alert\"");
        if (status < 400 || status >= 500 || !reason || body.contains("Exception")) {
            wrong.put(what, status + " " + (body.length() > 80 ? body.substring(0, 80) : body));
        }
    }
}
