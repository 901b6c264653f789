package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.as;

import java.util.List;

import id.ruangaman.inbox.VerificationComponent;
import io.restassured.specification.RequestSpecification;

/** Takes a case through the SOP's stages over HTTP, as the casework page's forms do. Synthetic texts only. */
final class CaseworkSteps {

    private final String session;
    private final String ref;

    CaseworkSteps(String session, String ref) {
        this.session = session;
        this.ref = ref;
    }

    String session() {
        return session;
    }

    String base() {
        return "/inbox/cases/" + ref + "/sop";
    }

    RequestSpecification post() {
        return as(session);
    }

    int status(String to) {
        return post().formParam("status", to).when().post(base() + "/status").then().extract().statusCode();
    }

    int close(String reason) {
        return post().formParam("status", "closed").formParam("reason", reason).when().post(base() + "/status").then().extract()
                .statusCode();
    }

    void tickChecklist() {
        // part 3 is ticked once the documents/evidence examined are recorded
        post().formParam("evidence_examined", "Tangkapan layar sintetis").when().post(base() + "/findings").then().statusCode(303);
        for (String component : VerificationComponent.ALL) {
            post().formParam("component", component).formParam("checked", "true").when().post("/inbox/cases/" + ref + "/checks").then()
                    .statusCode(303);
        }
    }

    int assessment() {
        return post().formParam("condition", "distressed").formParam("emergency", "psychological").formParam("emergency", "medical")
                .formParam("risk_level", "medium").formParam("risks", "Risiko sintetis: bertemu terlapor di kelas")
                .formParam("mitigation", "Mitigasi sintetis: jadwal kelas dipisah").when().post(base() + "/assessment").then().extract()
                .statusCode();
    }

    int meeting(long attendee, String choice) {
        return post().formParam("held_on", today()).formParam("attendees", String.valueOf(attendee))
                .formParam("options_explained", "Pilihan sintetis: pemeriksaan, pendampingan saja")
                .formParam("procedure_consequences", "Prosedur sintetis: pemeriksaan tertutup, 30 hari kerja").formParam("victim_choice", choice)
                .formParam("meeting_consent", List.of("examination", "accompaniment_only").contains(choice) ? "victim" : "")
                .when().post(base() + "/meetings").then().extract().statusCode();
    }

    int letter(long member) {
        return post().formParam("letter_number", "ST-SINTETIS/001").formParam("issued_on", today())
                .formParam("signatory_name", "Pimpinan Sintetis").formParam("signatory_title", "Rektor")
                .formParam("team", String.valueOf(member)).when().post(base() + "/letter").then().extract().statusCode();
    }

    int party(String role, String name) {
        return post().formParam("party_role", role).formParam("party_name", name).formParam("campus_status", "student").when()
                .post(base() + "/parties").then().extract().statusCode();
    }

    int interview(long partyId, String summary) {
        RequestSpecification r = post().formParam("party", String.valueOf(partyId)).formParam("held_at", thisMinute())
                .formParam("channel", "in_person").formParam("place", "Ruang rapat sintetis")
                .formParam("interview_attendees", "Konselor sintetis, pendamping sintetis");
        if (summary != null) {
            r = r.formParam("summary", summary);
        }
        return r.when().post(base() + "/interviews").then().extract().statusCode();
    }

    /** An examination scheduled at {@code heldAt} ({@code 2026-12-02T10:00}), no minutes yet. */
    int schedule(long partyId, String heldAt) {
        return post().formParam("party", String.valueOf(partyId)).formParam("held_at", heldAt).formParam("channel", "in_person")
                .formParam("place", "Ruang rapat sintetis").formParam("interview_attendees", "Konselor sintetis").when()
                .post(base() + "/interviews").then().extract().statusCode();
    }

    /**
     * Today in the inbox's default zone. A test case's report arrives today, so its SOP file is dated today: not before
     * the report was received, not in the future; an examination is held this minute ({@link #thisMinute()}).
     */
    static String today() {
        return java.time.LocalDate.now(java.time.ZoneId.of("Asia/Jakarta")).toString();
    }

    /**
     * This minute in the inbox's default zone, as a {@code datetime-local} field sends it ({@code 2026-12-03T10:15}): an
     * examination already held (its minutes may be written) and not before the test's report, received earlier in this
     * minute or before. Today's midnight was earlier than the report, which came in today.
     */
    static String thisMinute() {
        return java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Jakarta")).truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString();
    }

    int provenConclusion() {
        return post().formParam("outcome", "proven").formParam("party_identity", "Terlapor sintetis, mahasiswa")
                .formParam("violence_form", "Bentuk sintetis").formParam("accompaniment", "Pendampingan psikologis sintetis")
                .formParam("protection", "Perlindungan sintetis").when().post(base() + "/conclusion").then().extract().statusCode();
    }

    int provenRecommendation(String measure) {
        return post().formParam("recovery", "Pemulihan sintetis").formParam("sanction_measure", measure)
                .formParam("prevention", "Pencegahan sintetis").formParam("aggravating", "victim_impact").when()
                .post(base() + "/recommendation").then().extract().statusCode();
    }

    /**
     * From a case in verification to verified, as the pages do: the checklist ticked (with the evidence examined), the
     * initial assessment, the status Terverifikasi. Fails on any step's refusal.
     */
    void verify() {
        tickChecklist();
        check(assessment());
        check(status("verified"));
    }

    /**
     * From a verified case to the examination stage: the limited meeting where the victim chose an examination (attended
     * by {@code accountId}), the surat tugas naming that account in the team, the status Pemeriksaan.
     */
    void examine(long accountId) {
        check(meeting(accountId, "examination"));
        check(letter(accountId));
        check(status("in_examination"));
    }

    /** From a new case to the examination stage ({@link #verify()}, {@link #examine(long)}). */
    void toExamination(long accountId) {
        check(status("in_verification"));
        verify();
        examine(accountId);
    }

    /** From a new case to concluded (proven, {@code measure} recommended); returns the terlapor's party id. */
    void toConcluded(long accountId, String measure, java.util.function.LongSupplier firstParty) {
        toExamination(accountId);
        check(party("terlapor", "Dodi Sintetis"));
        check(interview(firstParty.getAsLong(), "Berita acara sintetis"));
        check(provenConclusion());
        check(provenRecommendation(measure));
        check(status("concluded"));
    }

    private static void check(int status) {
        if (status != 303) {
            throw new AssertionError("step answered " + status);
        }
    }

    static List<String> statuses() {
        return List.of("new", "in_verification", "verified", "in_examination", "concluded", "decided", "closed");
    }
}
