package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.as;
import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.referral.ReferralTestData;
import id.ruangaman.security.Role;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A case whose reporter erased their data prints none of the SOP's documents: every print address answers with the SOP
 * page and the reason (409), whatever the document would need. Synthetic case.
 */
@QuarkusTest
class ErasedCasePrintsNothingTest {

    private static final String REASON = "Pelapor telah menghapus datanya: dokumen kasus ini tidak bisa dicetak lagi";

    @Inject
    InboxFixtures fixtures;
    @Inject
    ReferralTestData referrals;

    @Test
    void shouldRefuseEveryPrintOfAnErasedCaseWithTheReason() {
        fixtures.account("erased-prints-coordinator", Role.COORDINATOR);
        String session = InboxFixtures.login("erased-prints-coordinator");
        String ref = fixtures.submittedCase(true);
        as(session).formParam("reason", "request_by_phone").post("/inbox/cases/" + ref + "/erase").then().statusCode(303);

        Map<String, String> printed = new LinkedHashMap<>();
        for (String document : List.of("surat-tugas", "penanganan-awal", "pemanggilan/1", "bap/1", "kesimpulan", "akomodasi")) {
            Response response = getAs(session).accept("text/html").get("/inbox/cases/" + ref + "/sop/print/" + document);
            if (response.statusCode() != 409 || !response.asString().contains(REASON)) {
                printed.put(document, String.valueOf(response.statusCode()));
            }
        }
        assertEquals(Map.of(), printed, "answered without the erased case's reason");
    }

    /**
     * docs/erasure.md: an erased case's documents can no longer be printed. The intake form (the case page's print)
     * printed the shell, and with it the channel the person wrote on; the referral letter said only that an action was
     * not possible. Both are now refused with the same reason as the SOP's prints, and say nothing of the person.
     */
    @Test
    void shouldRefuseTheIntakeFormAndTheReferralLetterOfAnErasedCaseWithTheReason() {
        fixtures.account("erased-forms-coordinator", Role.COORDINATOR);
        String session = InboxFixtures.login("erased-forms-coordinator");
        String ref = fixtures.submittedCase(true);
        String location = as(session).formParam("provider", String.valueOf(referrals.provider("contoh-lbh"))).formParam("service", "legal")
                .formParam("part", "chronology").post("/inbox/cases/" + ref + "/referrals").then().statusCode(303).extract().header("Location");
        String letter = "/inbox/referrals/" + location.substring(location.lastIndexOf('/') + 1) + "/letter";
        as(session).formParam("reason", "Wali menyetujui lewat pertemuan (sintetis)")
                .post(location.substring(location.indexOf("/inbox/")) + "/guardian").then().statusCode(303);
        List<String> prints = List.of("/inbox/cases/" + ref + "/print/intake-form", letter);
        for (String print : prints) {
            getAs(session).accept("text/html").get(print).then().statusCode(200); // printed before the erasure
        }
        as(session).formParam("reason", "request_by_phone").post("/inbox/cases/" + ref + "/erase").then().statusCode(303);

        Map<String, String> printed = new LinkedHashMap<>();
        for (String print : prints) {
            Response response = getAs(session).accept("text/html").get(print);
            String html = response.asString();
            if (response.statusCode() != 409 || !html.contains(REASON) || html.contains("Chat uji coba")) {
                printed.put(print, response.statusCode() + (html.contains("Chat uji coba") ? " with the channel" : ""));
            }
        }
        assertEquals(Map.of(), printed, "answered without the erased case's reason, or with the channel");
    }
}
