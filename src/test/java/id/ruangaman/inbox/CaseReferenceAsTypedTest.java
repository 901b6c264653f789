package id.ruangaman.inbox;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.security.Role;
import id.ruangaman.testing.LogLines;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A case reference is read the way people type it ({@link CaseReference}): any case and spaces around open the case, in
 * the search box and in every address that names a case; a reference that cannot be one (a NUL byte, a space inside, a
 * very long text) is refused with a short 400 before any query, so the database driver never sees it. Synthetic cases.
 */
@QuarkusTest
class CaseReferenceAsTypedTest {

    @Inject
    InboxFixtures fixtures;

    /** Every kind of address that names a case: the case page, its SOP page, its prints, its transcript, its answers and erasure. */
    private static final List<String> ROUTES = List.of("/inbox/cases/%s", "/inbox/cases/%s/sop", "/inbox/cases/%s/transcript", "/inbox/cases/%s/answers",
            "/inbox/cases/%s/print/intake-form", "/inbox/cases/%s/print/verified-report", "/inbox/cases/%s/sop/print/surat-tugas",
            "/inbox/cases/%s/sop/print/penanganan-awal", "/inbox/cases/%s/sop/print/pemanggilan/1", "/inbox/cases/%s/sop/print/bap/1",
            "/inbox/cases/%s/sop/print/kesimpulan", "/inbox/cases/%s/sop/print/akomodasi", "/inbox/cases/%s/erase",
            "/inbox/cases/%s/referrals", "/inbox/cases/%s/media/1", "/inbox/cases/%s/cards/1");

    @Test
    void shouldOpenACaseWhoseReferenceIsTypedInLowerCase() {
        fixtures.account("ref-lower", Role.COORDINATOR);
        String session = InboxFixtures.login("ref-lower");
        String ref = fixtures.submittedCase(true);
        String lower = ref.toLowerCase(Locale.ROOT);

        for (String path : List.of("/inbox/cases/" + lower, "/inbox/cases/" + lower + "/sop", "/inbox/cases/%20" + lower + "%20")) {
            Response page = getAs(session).accept("text/html").urlEncodingEnabled(false).when().get(path);
            assertEquals(200, page.statusCode(), path);
            assertTrue(page.asString().contains(ref), "the page shows the reference as it is made: " + path);
        }
        // a form posted to a lower-case address acts on the case too (a note)
        Response note = InboxFixtures.as(session).formParam("text", "catatan sintetis").when().post("/inbox/cases/" + lower + "/notes");
        assertEquals(303, note.statusCode(), note.asString());
        assertTrue(getAs(session).when().get("/inbox/cases/" + ref).asString().contains("catatan sintetis"));
    }

    @Test
    void shouldFindACaseTypedInLowerCaseWithSpacesInTheSearchBox() {
        fixtures.account("ref-search-lower", Role.COORDINATOR);
        String session = InboxFixtures.login("ref-search-lower");
        String ref = fixtures.submittedCase(true);

        String html = getAs(session).accept("text/html").queryParam("ref", "  " + ref.toLowerCase(Locale.ROOT) + " ").when().get("/inbox")
                .then().statusCode(200).extract().asString();
        assertTrue(html.contains("data-ref=\"" + ref + "\""), "the case is listed");
        assertEquals(1, html.split("data-ref=\"", -1).length - 1, "only the case the reference names");
    }

    @Test
    void shouldRefuseAMalformedReferenceBeforeAnyQueryOnEveryRoute() {
        fixtures.account("ref-malformed", Role.COORDINATOR);
        String session = InboxFixtures.login("ref-malformed");
        LogLines warnings = LogLines.warnings();
        warnings.start();
        try {
            for (String bad : List.of("RA-AB%00CD", "%00", "RA%20AB", "RA-" + "X".repeat(40), "RA-%C3%A9")) {
                for (String route : ROUTES) {
                    String path = route.formatted(bad);
                    Response response = getAs(session).accept("text/html").urlEncodingEnabled(false).when().get(path);
                    assertEquals(400, response.statusCode(), path);
                    assertFalse(response.asString().contains("Exception") || response.asString().contains("at id.ruangaman"), path);
                }
                Response post = InboxFixtures.as(session).urlEncodingEnabled(false).formParam("text", "x").when()
                        .post("/inbox/cases/" + bad + "/notes");
                assertEquals(400, post.statusCode(), bad);
            }
        } finally {
            warnings.stop();
        }
        assertTrue(warnings.lines().stream().noneMatch(l -> l.contains("0x00") || l.toLowerCase(Locale.ROOT).contains("sql")),
                "nothing reached the database: " + warnings.lines());
    }
}
