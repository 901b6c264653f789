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
}
