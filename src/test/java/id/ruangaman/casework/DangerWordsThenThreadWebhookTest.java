package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.inbox.VerificationComponent;
import id.ruangaman.intake.Intake;
import id.ruangaman.intake.IntakeRepository;
import id.ruangaman.security.Role;
import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.RenderedForm;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import id.ruangaman.transcript.Channel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A case flagged BAHAYA by danger words the survivor wrote during the report ("in danger now?" answered "Tidak"), and
 * then by danger written in its thread after the report, through the real Telegram and WhatsApp webhooks; synthetic
 * chats only. Before, the thread's danger overwrote what the report had said: the case page, its live refresh and the
 * verified report showed only "bahaya ditulis di chat" with its time, and nothing said the report itself had already
 * carried danger words. Now both are shown, in Bahasa Indonesia and English, by their words.
 */
@QuarkusTest
class DangerWordsThenThreadWebhookTest extends WebhookTest {

    private static final Pattern FLAG = Pattern.compile(
            "<span id=\"case-danger\">(?:[^<]|<span class=\"flag\">[^<]*</span>|<small[^>]*>[^<]*</small>)*</span>");
    private static final Pattern THREAD_ID = Pattern.compile("bahaya ditulis di chat \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} WIB");
    private static final Pattern THREAD_EN = Pattern.compile("danger written in the chat \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} WIB");
    private static final String WORDS_ID = "<small class=\"danger-reason\" id=\"danger-reason\">kata-kata bahaya saat melapor (lihat transkrip)</small>";
    private static final String WORDS_EN = "<small class=\"danger-reason\" id=\"danger-reason\">danger words while reporting (see the transcript)</small>";

    @Inject
    InboxFixtures fixtures;
    @Inject
    IntakeRepository intakes;
    @Inject
    jakarta.persistence.EntityManager em;

    private String session;

    @BeforeEach
    void login() {
        fixtures.account("danger-words-thread-counsellor", Role.COUNSELLOR);
        session = InboxFixtures.login("danger-words-thread-counsellor");
    }

    /**
     * "In danger now?" answered no, then "dia di depan pintu" typed at the next question, and the short report sent
     * (as {@link IntakeWalk#shortVictim}, the chronology {@code chronology}).
     */
    private static IntakeWalk wordsWhileReporting(String chronology) {
        return IntakeWalk.of("language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes", "dia di depan pintu",
                "reporter_role:victim", "send_now:details", "violence_type:skip", "incident_when:skip",
                "victim_minor:no", "incident_place:campus", chronology, "chronology:done", "biodata_offer:no", "reported_offer:yes",
                "relation:stranger", "reported_person:skip", "evidence_consent:no", "services:psychological", "services:done",
                "urgent_need:skip", "contact_offer:no", "stats_consent:skip", "summary:confirm");
    }

    @Test
    void onTelegramTheReportsDangerWordsStayBesideTheThreadsDanger() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        chats.walkTelegram(chat, wordsWhileReporting("Kejadiannya di kampus (sintetis)."));
        String ref = chats.referenceOf(chat);
        assertWordsOnly(ref);

        chats.sayTelegram(chat, "tolong kak, dia di depan pintu lagi");

        assertBoth(Channel.TELEGRAM, String.valueOf(chat), ref);
    }

    @Test
    void onWhatsAppTheReportsDangerWordsStayBesideTheThreadsDanger() {
        String number = WhatsAppFixtures.newNumber();
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "halo", null, null);
        chats.walkWhatsApp(number, wordsWhileReporting("Kejadiannya di kos (sintetis)."), WhatsAppFixtures::newWamid);
        String ref = chats.referenceOf(Channel.WHATSAPP, number);
        assertWordsOnly(ref);

        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "aku diancam, dia di depan kos", null, null);

        assertBoth(Channel.WHATSAPP, number, ref);
    }

    /**
     * {@code /hapus} after both: the report's danger mark goes with the rest of what the case said of the person, as
     * the in-danger flag and the thread's time do (ReporterErasure; ErasedShell checks every column).
     */
    @Test
    void hapusClearsTheReportsDangerMarkWithTheFlag() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        chats.walkTelegram(chat, wordsWhileReporting("Kejadiannya di lab (sintetis)."));
        chats.sayTelegram(chat, "dia di depan pintu");
        String ref = chats.referenceOf(chat);
        assertEquals(java.util.List.of(true, true, true), dangerColumns(ref), "in_danger, in_danger_at_report, danger_said_at before");

        chats.sayTelegram(chat, "/hapus");
        chats.sayTelegram(chat, "ya");

        assertEquals(java.util.List.of(false, false, false), dangerColumns(ref), "in_danger, in_danger_at_report, danger_said_at after");
        assertFalse(page("/inbox/cases/" + ref, "id").contains("danger-reason"));
    }

    /** in_danger, in_danger_at_report and whether danger_said_at is set, as stored. */
    private java.util.List<Boolean> dangerColumns(String ref) {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select in_danger, in_danger_at_report, danger_said_at is not null from intake where reference_code = ?1")
                .setParameter(1, ref).getSingleResult());
        return java.util.Arrays.stream(row).map(Boolean.class::cast).toList();
    }

    /** Before the thread said anything: the report's words, no thread line. */
    private void assertWordsOnly(String ref) {
        String id = flag(ref, "id");
        assertTrue(id.contains(">BAHAYA</span> " + WORDS_ID), id);
        assertFalse(id.contains("danger-said"), id);
    }

    /**
     * After danger in the thread: the report's danger words and the thread's time, on a full load and in the live
     * refresh, in both languages, and in the verified report.
     */
    private void assertBoth(Channel channel, String externalId, String ref) {
        Intake intake = intake(channel, externalId);
        assertTrue(intake.inDanger, "the case is in danger");
        assertNotNull(intake.dangerSaidAt, "with the time the thread said it");

        String id = flag(ref, "id");
        assertTrue(id.contains(WORDS_ID), "the report's reason is still shown: " + id);
        assertTrue(THREAD_ID.matcher(id).find(), id);
        assertFalse(id.contains("dijawab saat melapor"), "the answer was no: " + id);
        String en = flag(ref, "en");
        assertTrue(en.contains(WORDS_EN), en);
        assertTrue(THREAD_EN.matcher(en).find(), en);
        assertFalse(en.contains(">words<") || en.contains(">answered<"), "words, not codes: " + en);
        for (String language : new String[] { "id", "en" }) {
            assertEquals(flag(ref, language), flagIn(InboxFixtures.transcript(session, ref, language)), "live refresh, " + language);
        }

        String casePath = "/inbox/cases/" + ref;
        verify(casePath);
        String printId = CaseworkPrintTest.visibleText(page(casePath + "/print/verified-report", "id"));
        assertTrue(printId.contains("BAHAYA \u2014 Saat mengisi laporan, penyintas menulis kata-kata yang menandakan bahaya"), printId);
        assertTrue(printId.contains("Bahaya ditulis di chat setelah laporan masuk, "), printId);
        assertFalse(printId.contains("menyatakan sedang dalam bahaya"), printId);
        String printEn = CaseworkPrintTest.visibleText(page(casePath + "/print/verified-report?lang=en", "en"));
        assertTrue(printEn.contains("While reporting, the survivor wrote words that signal danger"), printEn);
        assertTrue(printEn.contains("Danger was written in the chat after the report, "), printEn);
    }

    /** A counsellor takes the case, ticks the checklist, records the assessment and verifies, through the rendered forms. */
    private void verify(String casePath) {
        RenderedForm.holding(page(casePath, "id"), "take-case").submit(session).then().statusCode(303);
        RenderedForm.holding(page(casePath, "id"), "status-in_verification").submit(session).then().statusCode(303);
        RenderedForm.holding(page(casePath + "/sop", "id"), "save-findings").with("evidence_examined", "Tangkapan layar chat, sintetis")
                .submit(session).then().statusCode(303);
        for (String component : VerificationComponent.ALL) {
            RenderedForm.holding(page(casePath, "id"), "check-" + component).submit(session).then().statusCode(303);
        }
        Matcher assessment = Pattern.compile("(?s)<section id=\"assessment\">.*?</section>").matcher(page(casePath + "/sop", "id"));
        assertTrue(assessment.find(), "no assessment form");
        RenderedForm.holding(assessment.group(), "save-assessment").with("condition", "distressed").with("emergency", "safe_shelter")
                .with("risk_level", "high").with("condition_notes", "Catatan kondisi sintetis").with("risks", "Risiko sintetis")
                .with("mitigation", "Mitigasi sintetis").submit(session).then().statusCode(303);
        String location = RenderedForm.holding(page(casePath, "id"), "status-verified").submit(session).then().statusCode(303)
                .extract().header("Location");
        assertFalse(location.contains("refused"), location);
    }

    private String flag(String ref, String language) {
        return flagIn(page("/inbox/cases/" + ref, language));
    }

    private static String flagIn(String html) {
        Matcher flag = FLAG.matcher(html);
        assertTrue(flag.find(), "no #case-danger: " + html);
        return flag.group();
    }

    private String page(String path, String language) {
        return getAs(session).cookie("ruangaman-lang", language).accept("text/html").when().get(path).then().statusCode(200)
                .extract().asString();
    }

    private Intake intake(Channel channel, String externalId) {
        long contactId = chats.contact(channel, externalId).id;
        return QuarkusTransaction.requiringNew().call(() -> intakes.find("contactId", contactId).singleResult());
    }
}
