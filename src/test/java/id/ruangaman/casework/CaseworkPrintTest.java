package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.audit.AuditLog;
import id.ruangaman.inbox.AnswerLine;
import id.ruangaman.inbox.CaseFile;
import id.ruangaman.inbox.CaseFileRepository;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.inbox.IntakeSections;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The SOP's documents: each prints, is audited, and shows labels, never codes. The summons (surat pemanggilan) states
 * no indication of the violence and nobody's role: none of the case's answers, categories or role words appear.
 */
@QuarkusTest
class CaseworkPrintTest {

    /** Words that would say what happened or who is who, in both inbox languages. */
    static final List<String> ROLE_AND_VIOLENCE_WORDS = List.of("korban", "pelaku", "terlapor", "pelapor", "saksi", "terduga", "dugaan",
            "kekerasan", "seksual", "pelecehan", "perkosaan", "pemerkosaan", "pencabulan", "aduan", "pengaduan", "laporan", "victim",
            "survivor", "perpetrator", "reported", "reporter", "witness", "suspect", "alleged", "violence", "sexual", "harassment", "abuse",
            "assault", "rape", "complaint", "report");

    @Inject
    InboxFixtures fixtures;
    @Inject
    CaseFileRepository cases;
    @Inject
    CaseworkRepository repo;
    @Inject
    AuditLog audit;

    private String session;
    private Account counsellor;

    @BeforeEach
    void login() {
        counsellor = fixtures.account("print-counsellor", Role.COUNSELLOR);
        session = InboxFixtures.login("print-counsellor");
    }

    /** A case in examination with a victim, a witness and a terlapor, each with an examination scheduled. */
    private String caseInExamination() {
        String ref = fixtures.submittedCase(true);
        CaseworkSteps steps = new CaseworkSteps(session, ref);
        steps.toExamination(counsellor.id);
        assertEquals(303, steps.party("victim", "Rani Sintetis"));
        assertEquals(303, steps.party("witness", "Sari Sintetis"));
        assertEquals(303, steps.party("terlapor", "Dodi Sintetis"));
        long id = file(ref).id;
        for (Party p : QuarkusTransaction.requiringNew().call(() -> repo.parties(id))) {
            assertEquals(303, steps.interview(p.id, "Berita acara sintetis untuk " + p.name));
        }
        return ref;
    }

    private CaseFile file(String ref) {
        return QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow());
    }

    /** What a reader sees: the page without tags, scripts or attribute values. */
    static String visibleText(String html) {
        return html.replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("(?s)<[^>]*>", " ").replace("&amp;", "&")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'").replace("&quot;", "\"").replaceAll("\\s+", " ");
    }

    static boolean containsWord(String text, String word) {
        return Pattern.compile("(?iu)(?<![\\p{L}\\p{N}_])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}_])").matcher(text).find();
    }

    private String print(String path, String lang) {
        return getAs(session).cookie("ruangaman-lang", lang).queryParam("lang", lang).when().get(path).then().statusCode(200).extract().asString();
    }

    @Test
    void shouldPrintASummonsThatSaysNothingAboutTheCaseNorWhoIsWho() {
        String ref = caseInExamination();
        CaseFile file = file(ref);
        List<String> answers = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> IntakeSections.of(cases.findByReference(ref).orElseThrow().answers).sections()
                .forEach(s -> s.answers().stream().map(AnswerLine::text).filter(t -> !t.isBlank()).forEach(answers::add)));
        assertTrue(answers.contains("Kronologi sintetis untuk pengujian"), "the fixture's answers are read");
        List<String> categories = List.of("Psikologis", "Hukum", "Konseling dengan psikolog", "Bantuan hukum", "Counselling with a psychologist", "Legal help",
                "Online / media sosial", "Korban", "Saksi", "Terlapor", "Pelapor",
                "Mahasiswa", "Counselling (psychologist/psychiatrist)", "Psychological", "Legal", "Victim", "Witness", "Student",
                "Terbukti", "Proven", "Online");
        String tomorrow = java.time.LocalDate.parse(CaseworkSteps.today()).plusDays(1) + "T10:00";
        for (Party p : QuarkusTransaction.requiringNew().call(() -> repo.parties(file.id))) {
            assertEquals(303, new CaseworkSteps(session, ref).schedule(p.id, tomorrow), "a summons invites to a coming examination");
        }
        for (Party p : QuarkusTransaction.requiringNew().call(() -> repo.parties(file.id))) {
            for (String lang : List.of("id", "en")) {
                String html = print("/inbox/cases/" + ref + "/sop/print/pemanggilan/" + p.id, lang);
                String text = visibleText(html);
                assertTrue(text.contains(p.name), "the summons names the person summoned");
                assertTrue(text.contains("Ruang rapat sintetis"), "and says where");
                for (String forbidden : concat(ROLE_AND_VIOLENCE_WORDS, answers, categories)) {
                    assertFalse(containsWord(text, forbidden), "summons (" + lang + ", " + p.role + ") shows \"" + forbidden + "\"");
                }
                for (Party other : QuarkusTransaction.requiringNew().call(() -> repo.parties(file.id))) {
                    if (!other.id.equals(p.id)) {
                        assertFalse(text.contains(other.name), "the summons names nobody else");
                    }
                }
            }
        }
        assertEquals(6, QuarkusTransaction.requiringNew()
                .call(() -> audit.count("action = 'print' and intakeId = ?1 and detail = 'summons'", file.id)), "each print audited");
    }

    @Test
    void shouldPrintEveryDocumentWithLabelsNotCodesAndAuditIt() {
        String ref = caseInExamination();
        CaseFile file = file(ref);
        long interviewId = QuarkusTransaction.requiringNew().call(() -> repo.interviews(file.id).get(0).id);
        String base = "/inbox/cases/" + ref + "/sop/print/";
        List<String> codes = List.of("distressed", "psychological", "medical", "medium", "in_person", "examination", "victim",
                "witness", "student", "proven", "not_proven", "written_warning", "in_examination", "null");
        String letter = visibleText(print(base + "surat-tugas", "id"));
        assertTrue(letter.contains("SURAT TUGAS") && letter.contains("ST-SINTETIS/001") && letter.contains("print-counsellor"));
        String initial = visibleText(print(base + "penanganan-awal", "id"));
        assertTrue(initial.contains("FORMULIR PENANGANAN AWAL") && initial.contains("Tertekan") && initial.contains("Psikologis")
                && initial.contains("Sedang") && initial.contains("Lanjut ke pemeriksaan"), initial);
        String minutes = visibleText(print(base + "bap/" + interviewId, "id"));
        assertTrue(minutes.contains("BERITA ACARA PEMERIKSAAN") && minutes.contains("Tatap muka") && minutes.contains("Korban: Rani Sintetis"),
                minutes);
        for (String page : List.of(letter, initial, minutes)) {
            for (String code : codes) {
                assertFalse(Pattern.compile("(?<![\\p{L}_])" + Pattern.quote(code) + "(?![\\p{L}_])").matcher(page).find(),
                        "code " + code + " shown in: " + page);
            }
        }
        String english = visibleText(print(base + "bap/" + interviewId, "en"));
        assertTrue(english.contains("EXAMINATION MINUTES") && english.contains("In person") && english.contains("Victim: Rani Sintetis"));
        for (String document : List.of("assignment_letter", "initial_handling_form", "examination_minutes")) {
            assertTrue(QuarkusTransaction.requiringNew()
                    .call(() -> audit.count("action = 'print' and intakeId = ?1 and detail = ?2", file.id, document)) >= 1, document);
        }
        // A summons needs a scheduled examination; without one the page explains why.
        CaseworkSteps steps = new CaseworkSteps(session, ref);
        assertEquals(303, steps.party("witness", "Eka Sintetis"));
        long unscheduled = QuarkusTransaction.requiringNew().call(() -> repo.parties(file.id).get(3).id);
        String refused = getAs(session).when().get(base + "pemanggilan/" + unscheduled).then().statusCode(409).extract().asString();
        assertTrue(refused.contains("Jadwalkan pemeriksaan pihak ini dulu"));
    }

    /**
     * SOP Penyusunan Kesimpulan dan Rekomendasi: the plan and follow-up are put in a written report, which the task force
     * gives the head of the institution. Refused with its reason until the conclusion and the recommendation are
     * recorded; then it prints both, in labels, and is audited.
     */
    @Test
    void shouldPrintTheConclusionAndRecommendationReportForLeadership() {
        String ref = caseInExamination();
        CaseworkSteps steps = new CaseworkSteps(session, ref);
        String url = "/inbox/cases/" + ref + "/sop/print/kesimpulan";
        String early = getAs(session).when().get(url).then().statusCode(409).extract().asString();
        assertTrue(visibleText(early).contains("Kesimpulan belum dicatat"), early);
        assertEquals(303, steps.provenConclusion());
        String noRecommendation = getAs(session).when().get(url).then().statusCode(409).extract().asString();
        assertTrue(visibleText(noRecommendation).contains("Rekomendasi belum dicatat"), noRecommendation);
        assertEquals(303, steps.provenRecommendation("written_warning"));
        String page = getAs(session).when().get("/inbox/cases/" + ref + "/sop").then().statusCode(200).extract().asString();
        assertTrue(page.contains("id=\"print-conclusion-report\""), "the SOP page links the report");

        String text = visibleText(print(url, "id"));
        assertTrue(text.contains("LAPORAN KESIMPULAN DAN REKOMENDASI") && text.contains("Pemimpin Perguruan Tinggi"), text);
        assertTrue(text.contains("Terbukti") && text.contains("Terlapor sintetis, mahasiswa") && text.contains("Perlindungan sintetis"), text);
        assertTrue(text.contains("Pemulihan sintetis") && text.contains("Peringatan tertulis") && text.contains("Pencegahan sintetis")
                && text.contains("Dampak berat bagi korban"), text);
        for (String code : List.of("proven", "written_warning", "victim_impact", "ringan", "null")) {
            assertFalse(Pattern.compile("(?<![\\p{L}_])" + Pattern.quote(code) + "(?![\\p{L}_])").matcher(text).find(),
                    "code " + code + " shown in: " + text);
        }
        String english = visibleText(print(url, "en"));
        assertTrue(english.contains("REPORT OF THE CONCLUSION AND RECOMMENDATION") && english.contains("Proven"), english);
        long id = file(ref).id;
        assertTrue(QuarkusTransaction.requiringNew()
                .call(() -> audit.count("action = 'print' and intakeId = ?1 and detail = ?2", id, "conclusion_report")) >= 1);
    }

    @Test
    void shouldPrintTheRecoveryNoticeWithoutCaseDetails() {
        String ref = caseInExamination();
        CaseworkSteps steps = new CaseworkSteps(session, ref);
        // recovery follows the leadership's decision, which sets its period
        assertEquals(303, steps.provenConclusion());
        assertEquals(303, steps.provenRecommendation("written_warning"));
        assertEquals(303, steps.status("concluded"));
        fixtures.account("print-pimpinan", Role.PIMPINAN);
        InboxFixtures.as(InboxFixtures.login("print-pimpinan")).formParam("decision_number", "KEP-SINTETIS/8")
                .formParam("decided_on", CaseworkSteps.today()).formParam("sanction_measure", "written_warning")
                .formParam("decision_text", "Keputusan sintetis").when().post("/inbox/pimpinan/" + ref + "/decision").then().statusCode(303);
        steps.post().formParam("consent_by", "victim").formParam("consent_on", CaseworkSteps.today()).formParam("victim_status", "student")
                .formParam("plan", "Rencana pemulihan sintetis").when().post(steps.base() + "/recovery").then().statusCode(303);
        String text = visibleText(print("/inbox/cases/" + ref + "/sop/print/akomodasi", "id"));
        assertTrue(text.contains("tidak mengurangi masa studi") && text.contains("bimbingan akademik tambahan"), text);
        assertTrue(text.contains("Rani Sintetis"), "names the person whose rights it states");
        for (String forbidden : concat(ROLE_AND_VIOLENCE_WORDS, List.of("Kronologi sintetis untuk pengujian", "Rencana pemulihan sintetis",
                ref))) {
            assertFalse(containsWord(text, forbidden), "notice shows \"" + forbidden + "\"");
        }
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> l : lists) {
            all.addAll(l);
        }
        all.replaceAll(s -> s.toLowerCase(Locale.ROOT).equals(s) ? s : s);
        return all;
    }
}
