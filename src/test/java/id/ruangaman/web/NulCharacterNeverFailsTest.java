package id.ruangaman.web;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Role;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A real NUL character (U+0000, sent as {@code %00}) in an inbox address, a filter of a list or the login's username: a
 * hand-edited address or a script, never a person typing. PostgreSQL's text cannot hold it, so it used to reach a query
 * and come back as a 500 with an error reference ("invalid byte sequence for encoding UTF8: 0x00"): {@code
 * /inbox/cases/%00}, a case's referral search ({@code q}, {@code region}), the audit log's {@code actor} and {@code ref},
 * and a login whose username held one. {@code BadInputNeverFailsTest} sends the three characters "%00", which arrive as
 * that text, never as the character. Now each is answered as its kind of bad input is: a filter is refused next to its
 * form (400, the list still shown), an address names nothing (4xx with the error page's reason), a login fails as a
 * wrong one does. Synthetic account and case.
 */
@QuarkusTest
class NulCharacterNeverFailsTest {

    private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Inject
    InboxFixtures fixtures;

    @Test
    void shouldAnswerANulInAnAddressOrAFilterAsBadInputNeverAServerError() {
        fixtures.account("nul-coordinator", Role.COORDINATOR);
        String session = InboxFixtures.login("nul-coordinator");
        String ref = fixtures.submittedCase(true);
        String c = "/inbox/cases/" + ref;
        List<String> addresses = List.of("/inbox/cases/%00", c + "%00", "/inbox/cases/%00/sop", "/inbox/cases/%00/referrals",
                "/inbox/cases/RA-%00X/transcript", "/inbox/pimpinan/%00", "/inbox/accounts/%00",
                c + "/referrals?q=a%00b", c + "/referrals?region=a%00b", c + "/referrals?city=a%00b",
                "/inbox/audit?actor=a%00b", "/inbox/audit?ref=RA-%00", "/inbox?ref=RA-%00", "/inbox/referrals?q=a%00b",
                "/inbox/providers?q=a%00b", "/inbox/reports/leadership?period=%00");
        Map<String, String> wrong = new LinkedHashMap<>();
        for (String address : addresses) {
            Response response = getAs(session).urlEncodingEnabled(false).accept(HTML).get(address);
            String body = response.asString();
            int status = response.statusCode();
            boolean page = body.contains("id=\"refusal-reason\"") || body.contains("role=\"alert\"") || status < 400;
            if (status >= 500 || body.contains("ERR-") || body.contains("Exception") || !page) {
                wrong.put(address, status + " " + (body.length() > 120 ? body.substring(0, 120) : body));
            }
        }
        assertEquals(Map.of(), wrong, "answered with a server error or without a reason");

        String filtered = getAs(session).urlEncodingEnabled(false).accept(HTML).get("/inbox/audit?actor=a%00b")
                .then().statusCode(400).extract().asString();
        assertTrue(filtered.contains("class=\"cases audit\""), "the audit log is still listed");
        String script = getAs(session).urlEncodingEnabled(false).get("/inbox/cases/%00").then().extract().asString();
        assertTrue(!script.contains("internal error"), "a client that does not ask for HTML gets the refusal, not a 500");
    }

    @Test
    void shouldFailALoginWhoseUsernameHoldsANulAsAWrongLogin() {
        fixtures.account("nul-login", Role.COUNSELLOR);
        Response login = given().redirects().follow(false).contentType(ContentType.URLENC).accept(HTML)
                .formParam("j_username", "nul-login\u0000").formParam("j_password", InboxFixtures.PASSWORD)
                .when().post("/j_security_check");
        assertEquals(302, login.statusCode(), login.asString());
        assertTrue(login.header("Location").contains("/login?error"), login.header("Location"));
    }
}
