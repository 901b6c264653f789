package id.ruangaman.privacy;

import static id.ruangaman.inbox.InboxFixtures.as;
import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.ruangaman.inbox.VerificationComponent;
import io.restassured.specification.RequestSpecification;

/**
 * Takes a case through every SOP stage (assessment, limited meeting, assignment letter, parties, examination with
 * minutes, conclusion, recommendation, leadership's decision, sanction execution, recovery plan, a check-in and its end,
 * and a counsellor's note), with {@code sentinel} in every free-text field. Each step submits the form the page renders:
 * the form's action and every field's name are read from the page before posting. Synthetic texts only.
 */
final class SopCaseFile {

    static final String DECISION_NUMBER = "KEP/ERASE/01";
    static final String LETTER_NUMBER = "ST/ERASE/01";

    private final String coordinator;
    private final String leader;
    private final String ref;
    private final String sentinel;
    /** The day each dated step of {@link #walk} was given, by the step's form ("meeting", "decision", ...). */
    private final Map<String, java.time.LocalDate> dated = new LinkedHashMap<>();
    /** The account {@link #walk} named in the meeting and the letter's team. */
    private long coordinatorId;

    SopCaseFile(String coordinator, String leader, String ref, String sentinel) {
        this.coordinator = coordinator;
        this.leader = leader;
        this.ref = ref;
        this.sentinel = sentinel;
    }

    /**
     * Today in the inbox's default zone, read afresh for each dated step: a step is then dated on or after the day of
     * every step before it and never after the service's today, even when the walk crosses midnight in Asia/Jakarta
     * (17:00 UTC). One date read when the class loaded was a day behind a report received after that midnight, which
     * the service refuses as before the report.
     */
    private static java.time.LocalDate today() {
        return java.time.LocalDate.now(java.time.ZoneId.of("Asia/Jakarta"));
    }

    /** {@link #today()}, kept as the day of {@code step} for the checks after the erasure. */
    private java.time.LocalDate day(String step) {
        java.time.LocalDate today = today();
        dated.put(step, today);
        return today;
    }

    /**
     * This minute in Asia/Jakarta as a {@code datetime-local} field sends it: an examination already held and not before
     * the report (received earlier today); its day kept as the day of {@code step} when one is named.
     */
    private String thisMinute(String step) {
        java.time.LocalDateTime now = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Jakarta")).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        if (step != null) {
            dated.put(step, now.toLocalDate());
        }
        return now.toString();
    }

    private String sop() {
        return "/inbox/cases/" + ref + "/sop";
    }

    /** Every stage, ending decided with the sanction executed and a recovery plan under way. */
    void walk(long coordinatorId) {
        this.coordinatorId = coordinatorId;
        status("in_verification");
        submit(coordinator, sop(), sop() + "/assessment", form("condition", "distressed", "emergency", "medical", "risk_level", "high",
                "condition_notes", text("kondisi"), "risks", text("risiko"), "mitigation", text("mitigasi")));
        submit(coordinator, sop(), sop() + "/findings", form("finding_identification", text("temuan identitas"), "finding_chronology",
                text("temuan kronologi"), "finding_evidence", text("temuan bukti"), "evidence_examined", text("bukti diperiksa"),
                "finding_witnesses", text("temuan saksi"), "finding_needs", text("temuan kebutuhan"), "finding_rights_information",
                text("temuan hak")));
        for (String component : VerificationComponent.ALL) {
            as(coordinator).formParam("component", component).formParam("checked", "true").post("/inbox/cases/" + ref + "/checks")
                    .then().statusCode(303);
        }
        status("verified");
        submit(coordinator, sop(), sop() + "/meetings", form("held_on", day("meeting").toString(), "attendees", String.valueOf(coordinatorId),
                "options_explained", text("pilihan"), "procedure_consequences", text("prosedur"), "accompaniment_agreed", "psychological",
                "present_parties", "victim", "victim_choice", "examination", "meeting_consent", "victim", "choice_notes", text("catatan pilihan")));
        submit(coordinator, sop(), sop() + "/letter", form("letter_number", LETTER_NUMBER, "issued_on", day("letter").toString(), "signatory_name",
                text("penandatangan"), "signatory_title", text("jabatan"), "team", String.valueOf(coordinatorId)));
        status("in_examination");
        submit(coordinator, sop(), sop() + "/parties", form("party_role", "terlapor", "party_name", text("terlapor"), "campus_status",
                "lecturer", "party_account", ""));
        submit(coordinator, sop(), sop() + "/parties", form("party_role", "victim", "party_name", text("korban"), "campus_status",
                "student", "party_account", ""));
        String page = getAs(coordinator).get(sop()).then().statusCode(200).extract().asString();
        java.util.regex.Matcher party = java.util.regex.Pattern.compile("<option value=\"(\\d+)\"[^>]*>[^<]*: " + java.util.regex.Pattern
                .quote(text("terlapor"))).matcher(page);
        assertTrue(party.find(), "the terlapor is offered for an examination");
        submit(coordinator, sop(), sop() + "/interviews", form("party", party.group(1), "held_at", thisMinute("interview"), "channel", "in_person",
                "place", text("tempat"), "interview_attendees", text("hadir"), "summary", text("berita acara"), "recording_consent", "yes"));
        submit(coordinator, sop(), sop() + "/conclusion", form("outcome", "proven", "party_identity", text("identitas"), "violence_form",
                text("bentuk"), "accompaniment", text("pendampingan"), "protection", text("perlindungan"), "examination_summary", "",
                "not_proven_statement", ""));
        submit(coordinator, sop(), sop() + "/recommendation", form("recovery", text("pemulihan"), "sanction_measure", "written_warning",
                "sanction_details", text("rincian"), "prevention", text("pencegahan"), "aggravating", "victim_impact"));
        status("concluded");
        submit(leader, "/inbox/pimpinan/" + ref, "/inbox/pimpinan/" + ref + "/decision", form("decision_number", DECISION_NUMBER,
                "decided_on", day("decision").toString(), "sanction_measure", "suspension_from_position", "recovery_until", dated.get("decision").plusDays(60).toString(), "decision_text",
                text("keputusan"), "heavier_reason", text("alasan lebih berat")));
        // a correction keeps the version before it, with its reason: erased with the decision's own text
        submit(leader, "/inbox/pimpinan/" + ref, "/inbox/pimpinan/" + ref + "/decision/correction", form("decision_number", DECISION_NUMBER,
                "decided_on", day("decision").toString(), "sanction_measure", "suspension_from_position", "recovery_until",
                dated.get("decision").plusDays(60).toString(), "decision_text", text("keputusan dikoreksi"), "heavier_reason",
                text("alasan lebih berat"), "correction_reason", text("alasan koreksi")));
        submit(coordinator, sop(), sop() + "/execution", form("programme", text("program"), "institution", text("lembaga"), "state",
                "completed", "completion_report_on", day("execution").toString(), "execution_notes", text("catatan sanksi")));
        submit(coordinator, sop(), sop() + "/certificate", form("certificate_number", "SK/" + LETTER_NUMBER, "certificate_on",
                day("certificate").toString(), "certificate_issuer", text("penerbit surat keterangan")));
        submit(coordinator, sop(), sop() + "/recovery", form("consent_by", "victim", "consent_on", day("recovery").toString(), "victim_status",
                "student", "plan", text("rencana")));
        submit(coordinator, sop(), sop() + "/checkins", form("checked_on", day("checkin").toString(), "with_whom", "victim", "checkin_provider", "",
                "checkin_note", text("pemantauan")));
        submit(coordinator, sop(), sop() + "/recovery-end", form("ended_on", day("recovery-end").toString(), "recovery_end_reason", "other",
                "recovery_end_note", text("akhir pemulihan")));
        submit(coordinator, "/inbox/cases/" + ref, "/inbox/cases/" + ref + "/notes", form("text", text("catatan konselor")));
    }

    /**
     * After the reporter's erasure: the skeleton is kept (a row in every SOP table with its codes, numbers and dates;
     * the note gone), and every page of the case renders it with "dihapus oleh pelapor" where text was; prints are
     * refused with the reason.
     */
    void assertSkeletonKept(java.sql.Connection db, long intakeId) throws java.sql.SQLException {
        Map<String, String> kept = new LinkedHashMap<>();
        kept.put("case_assessment", "condition || '/' || risk_level || '/' || (select a.username from account a where a.id = recorded_by_account_id)");
        kept.put("case_verification_finding", "string_agg(component || '/' || (select a.username from account a where a.id = recorded_by_account_id), ',' order by component)");
        kept.put("case_meeting", "victim_choice || '/' || held_on || '/' || consent_by || '/' || accompaniment_agreed || '/' || present_parties");
        kept.put("case_assignment_letter", "letter_number || '/' || issued_on || '/' || team_account_ids");
        kept.put("case_party", "string_agg(role || ':' || campus_status, ',' order by id)");
        kept.put("case_interview", "channel || '/' || recording_consent || '/' || (held_at at time zone 'Asia/Jakarta')::date");
        kept.put("case_conclusion", "outcome || '/' || (select a.username from account a where a.id = recorded_by_account_id)");
        kept.put("case_recommendation", "sanction_tier || '/' || sanction_measure || '/' || aggravating");
        kept.put("case_decision", "decision_number || '/' || decided_on || '/' || sanction_tier || '/' || sanction_measure || '/' || recovery_until");
        kept.put("case_sanction_execution", "state || '/' || completion_report_on || '/' || certificate_number || '/' || certificate_on");
        kept.put("case_recovery_plan", "consent_by || '/' || consent_on || '/' || victim_status");
        kept.put("case_recovery_checkin", "with_whom || '/' || checked_on");
        kept.put("case_recovery_end", "reason || '/' || ended_on");
        Map<String, String> found = new LinkedHashMap<>();
        for (Map.Entry<String, String> table : kept.entrySet()) {
            try (var st = db.prepareStatement("select " + table.getValue() + " from " + table.getKey() + " where intake_id = ?")) {
                st.setLong(1, intakeId);
                try (var rs = st.executeQuery()) {
                    found.put(table.getKey(), rs.next() ? rs.getString(1) : null);
                }
            }
        }
        assertEquals("distressed/high/" + coordinatorName(), found.get("case_assessment"));
        assertEquals(String.join(",", VerificationComponent.ALL.stream().sorted().map(c -> c + "/" + coordinatorName()).toList()),
                found.get("case_verification_finding"), "the findings' rows stay (who, when), their text goes");
        assertEquals("examination/" + dated.get("meeting") + "/victim/psychological/victim", found.get("case_meeting"),
                "the path chosen, its consent and the accompaniment agreed stay; the text goes");
        assertEquals(LETTER_NUMBER + "/" + dated.get("letter") + "/" + coordinatorId, found.get("case_assignment_letter"),
                "the team, by account id");
        assertEquals("terlapor:lecturer,victim:student", found.get("case_party"));
        assertEquals("in_person/true/" + dated.get("interview"), found.get("case_interview"));
        assertEquals("proven/" + coordinatorName(), found.get("case_conclusion"));
        assertEquals("ringan/written_warning/victim_impact", found.get("case_recommendation"));
        assertEquals(DECISION_NUMBER + "/" + dated.get("decision") + "/sedang/suspension_from_position/" + dated.get("decision").plusDays(60), found.get("case_decision"));
        assertEquals("completed/" + dated.get("execution") + "/SK/" + LETTER_NUMBER + "/" + dated.get("certificate"), found.get("case_sanction_execution"));
        assertEquals("victim/" + dated.get("recovery") + "/student", found.get("case_recovery_plan"));
        assertEquals("victim/" + dated.get("checkin"), found.get("case_recovery_checkin"));
        assertEquals("other/" + dated.get("recovery-end"), found.get("case_recovery_end"), "the recovery's end stays (when, why), its note goes");
        try (var st = db.prepareStatement("select count(*) from case_note where intake_id = ?")) {
            st.setLong(1, intakeId);
            try (var rs = st.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getLong(1), "a counsellor's note is free text that may name the reporter: erased");
            }
        }

        String sop = getAs(coordinator).cookie("ruangaman-lang", "id").get(sop()).then().statusCode(200).extract().asString();
        for (String shown : List.of("dihapus oleh pelapor", DECISION_NUMBER, LETTER_NUMBER, "Terlapor", "Pelapor menghapus datanya")) {
            assertTrue(sop.contains(shown), "SOP page lacks " + shown);
        }
        String en = getAs(coordinator).cookie("ruangaman-lang", "en").get(sop()).then().statusCode(200).extract().asString();
        assertTrue(en.contains("erased by the reporter") && en.contains(DECISION_NUMBER), "English SOP page");
        String list = getAs(leader).get("/inbox/pimpinan").then().statusCode(200).extract().asString();
        assertTrue(list.contains(ref) && list.contains(DECISION_NUMBER), "a decided case stays in leadership's list");
        String detail = getAs(leader).get("/inbox/pimpinan/" + ref).then().statusCode(200).extract().asString();
        assertTrue(detail.contains(DECISION_NUMBER) && detail.contains("dihapus oleh pelapor"), "leadership's page of the case");
        String party = java.util.regex.Pattern.compile("id=\"party-(\\d+)\"").matcher(sop).results().findFirst().orElseThrow().group(1);
        String interview = java.util.regex.Pattern.compile("id=\"interview-(\\d+)\"").matcher(sop).results().findFirst().orElseThrow()
                .group(1);
        for (String print : List.of("surat-tugas", "penanganan-awal", "akomodasi", "kesimpulan", "pemanggilan/" + party, "bap/" + interview)) {
            // Documents of an erased case are no longer printed (they would address or describe the erased person): the
            // SOP page answers with the reason and the kept skeleton.
            String html = getAs(coordinator).get(sop() + "/print/" + print).then().statusCode(409).extract().asString();
            assertTrue(html.contains("tidak bisa dicetak lagi") && html.contains(DECISION_NUMBER) && !html.contains(sentinel),
                    print + " of the erased case");
        }
        // Every later-stage form of the erased case is refused with the reason on the kept SOP page, and saves nothing
        // (last round's list: SOP work after erasure).
        Map<String, Long> rowsBefore = rows(db, intakeId);
        Map<String, Map<String, String>> forms = new LinkedHashMap<>();
        forms.put("assessment", form("condition", "stable", "risk_level", "low", "risks", text("r"), "mitigation", text("m")));
        forms.put("findings", form("finding_identification", text("f"), "evidence_examined", text("e")));
        forms.put("meetings", form("held_on", today().toString(), "options_explained", text("o"), "victim_choice", "examination"));
        forms.put("letter", form("letter_number", "ST-X", "issued_on", today().toString(), "signatory_name", text("s"), "signatory_title", "R"));
        forms.put("parties", form("party_role", "witness", "party_name", text("p"), "campus_status", "student"));
        forms.put("interviews", form("party", party, "held_at", thisMinute(null), "channel", "in_person", "place", text("pl"),
                "interview_attendees", text("a")));
        forms.put("conclusion", form("outcome", "proven", "party_identity", text("i"), "violence_form", text("v"),
                "accompaniment", text("a"), "protection", text("p")));
        forms.put("recommendation", form("recovery", text("r"), "sanction_measure", "written_warning", "prevention", text("p")));
        forms.put("execution", form("programme", text("p"), "institution", text("i"), "state", "completed", "completion_report_on",
                today().toString()));
        forms.put("certificate", form("certificate_number", "SK-X", "certificate_on", today().toString(), "certificate_issuer", text("c")));
        forms.put("recovery", form("consent_by", "victim", "consent_on", today().toString(), "victim_status", "student", "plan", text("p")));
        forms.put("checkins", form("checked_on", today().toString(), "with_whom", "victim", "checkin_note", text("c")));
        forms.put("recovery-end", form("ended_on", today().toString(), "recovery_end_reason", "completed", "recovery_end_note", text("e")));
        for (Map.Entry<String, Map<String, String>> f : forms.entrySet()) {
            RequestSpecification post = as(coordinator).accept("text/html");
            for (Map.Entry<String, String> field : f.getValue().entrySet()) {
                post = post.formParam(field.getKey(), field.getValue());
            }
            String html = post.post(sop() + "/" + f.getKey()).then().statusCode(409).extract().asString();
            assertTrue(html.contains("catatannya tidak bisa diubah") && html.contains("Pelapor menghapus datanya"), f.getKey() + " on the erased case");
        }
        RequestSpecification decide = as(leader).accept("text/html").formParam("decision_number", "KEP-X").formParam("decided_on",
                today().toString()).formParam("sanction_measure", "written_warning").formParam("decision_text", text("d"));
        assertTrue(decide.post("/inbox/pimpinan/" + ref + "/decision").then().statusCode(409).extract().asString()
                .contains("catatannya tidak bisa diubah"), "a decision on the erased case");
        assertEquals(rowsBefore, rows(db, intakeId), "nothing saved on the erased case");
        // walkthrough 8b: the verified report said "not marked MEDIS MENDESAK" of an urgent case once it was erased
        String report = getAs(coordinator).get("/inbox/cases/" + ref + "/print/verified-report").then().statusCode(409).extract()
                .asString();
        assertTrue(report.contains("tidak bisa dicetak lagi") && !report.contains("MEDIS MENDESAK.") && !report.contains(sentinel),
                "verified report of the erased case");
    }

    private static Map<String, Long> rows(java.sql.Connection db, long intakeId) throws java.sql.SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("case_meeting", "case_party", "case_interview", "case_recovery_checkin", "case_verification_finding",
                "audit_event")) {
            try (var st = db.prepareStatement("select count(*) from " + table + " where intake_id = ?"
                    + (table.equals("audit_event") ? " and action not in ('access_denied', 'case_view', 'decision_view')" : ""))) {
                st.setLong(1, intakeId);
                try (var rs = st.executeQuery()) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private String coordinatorName;

    SopCaseFile recordedBy(String coordinatorName) {
        this.coordinatorName = coordinatorName;
        return this;
    }

    private String coordinatorName() {
        return coordinatorName;
    }

    private String text(String what) {
        return what + " " + sentinel;
    }

    private void status(String to) {
        submit(coordinator, sop(), sop() + "/status", form("status", to));
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /** Posts {@code fields} to the form of {@code page} whose action is {@code action}, after reading that it renders each field. */
    private static void submit(String session, String page, String action, Map<String, String> fields) {
        String html = getAs(session).get(page).then().statusCode(200).extract().asString();
        int at = html.indexOf("action=\"" + action + "\"");
        assertTrue(at >= 0, "no form posting to " + action + " on " + page);
        String form = html.substring(at, html.indexOf("</form>", at));
        List<String> missing = new ArrayList<>();
        fields.keySet().stream().filter(name -> !form.contains("name=\"" + name + "\"")).forEach(missing::add);
        assertEquals(List.of(), missing, "fields not in the form posting to " + action);
        RequestSpecification post = as(session);
        for (Map.Entry<String, String> field : fields.entrySet()) {
            post = post.formParam(field.getKey(), field.getValue());
        }
        int status = post.post(action).then().extract().statusCode();
        assertEquals(303, status, action + " answered " + status);
    }
}
