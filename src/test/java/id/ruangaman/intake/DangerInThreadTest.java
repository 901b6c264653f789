package id.ruangaman.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import id.ruangaman.conversation.CaseThread;
import id.ruangaman.conversation.Choice;
import id.ruangaman.conversation.Flow;
import id.ruangaman.conversation.FlowEngine;
import id.ruangaman.conversation.Input;
import id.ruangaman.conversation.Output;
import id.ruangaman.conversation.PendingPrompt;
import id.ruangaman.conversation.SessionState;
import id.ruangaman.conversation.SessionStatus;
import id.ruangaman.conversation.Step;

/**
 * Danger now written where no question of the intake is asked (with the shipped words: {@code words_anywhere} of "apakah
 * kamu dalam bahaya sekarang?"). In the case's thread after the report, "dia di depan pintu" reached the counsellor, who
 * answers within 3x24 hours, and the bot said nothing of danger; now the emergency numbers come with the acknowledgement,
 * once per six hours, and the case is marked in danger each time. At "Hapus semua ...?" and "Mau lanjut ... atau mulai
 * dari awal?" such a sentence got a re-prompt or was read as "keep everything"; now the numbers, then the same question,
 * in one message, nothing erased or restarted.
 */
class DangerInThreadTest {

    private static final String EMERGENCY = "Keselamatan yang paling penting. Kalau kamu atau orang lain dalam bahaya, segera hubungi:";
    private static final String EMERGENCY_EN = "Safety comes first. If you or someone else is in danger, please contact now:";
    private static final String RECEIVED = "Terima kasih, pesanmu sudah sampai.";
    /** The shipped engine's fixed clock (ShippedIntake). */
    private static final Instant NOW = Instant.parse("2026-12-02T03:00:00Z");
    private static Flow intake;
    private static FlowEngine engine;
    private static ShippedIntake shipped;

    @BeforeAll
    static void load() {
        shipped = ShippedIntake.load();
        intake = shipped.flow;
        engine = shipped.engine;
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"dia di depan pintu", "dia mau datang ke kos malam ini", "aku diancam", "he's outside",
            "kak tolong, dia udah di depan kos", "dia ngancam aku lagi barusan", "adik saya diancam", "teman saya diancam"})
    void shouldGiveTheEmergencyNumbersWithTheAcknowledgementInTheThread(String typed) {
        Step step = engine.handle(intake, thread("id", null, null), new Input.Text(typed));

        List<Output.Message> said = said(step);
        assertEquals(1, said.size(), "one message: " + said);
        String text = said.get(0).text();
        assertTrue(text.startsWith(EMERGENCY), text);
        assertTrue(text.contains("112") && text.contains("SAPA 129"), text);
        assertTrue(text.contains(RECEIVED), "the message reached the counsellor: " + text);
        assertTrue(step.outputs().contains(new Output.DangerReported()), "the case is marked in danger");
        assertEquals(NOW, step.state().thread().dangerToldAt());
        assertEquals(SessionStatus.COMPLETED, step.state().status(), "still the case's thread");
    }

    @Test
    void shouldGiveTheNumbersAloneWhenTheAcknowledgementWasGivenALittleBefore() {
        Step step = engine.handle(intake, thread("id", NOW.minus(Duration.ofMinutes(5)), null), new Input.Text("dia di depan pintu"));

        assertEquals(1, said(step).size(), "one message: " + said(step));
        assertTrue(said(step).get(0).text().startsWith(EMERGENCY), said(step).get(0).text());
        assertTrue(!said(step).get(0).text().contains(RECEIVED), "no second acknowledgement");
    }

    @Test
    void shouldNotGiveTheNumbersTwiceWithinSixHoursButMarkTheCaseEachTimeAndAnswerShortly() {
        Step first = engine.handle(intake, thread("id", null, null), new Input.Text("dia di depan pintu"));

        Step second = engine.handle(intake, first.state(), new Input.Text("dia mau datang ke kos malam ini"));

        // never silence for danger said again (walkthrough, session 54): one short line, not the whole block again
        assertEquals(1, said(second).size(), "one short line: " + said(second));
        assertTrue(said(second).get(0).text().startsWith("Pesanmu sudah sampai, dan konselor akan melihatnya sebagai hal mendesak."),
                said(second).get(0).text());
        assertTrue(!said(second).get(0).text().contains(EMERGENCY), "not the numbers' whole message again");
        assertTrue(second.outputs().contains(new Output.DangerReported()), "the case is marked again, with the new time");
        assertEquals(NOW, second.state().thread().dangerToldAt());
    }

    @Test
    void shouldGiveTheNumbersAgainAfterSixHours() {
        Instant earlier = NOW.minus(Duration.ofHours(6)).minusSeconds(1);
        Step step = engine.handle(intake, thread("id", earlier, earlier), new Input.Text("aku diancam"));

        assertEquals(1, said(step).size());
        assertTrue(said(step).get(0).text().startsWith(EMERGENCY), said(step).get(0).text());
        assertEquals(NOW, step.state().thread().dangerToldAt());
    }

    @Test
    void shouldSayItInTheChatsLanguage() {
        Step step = engine.handle(intake, thread("en", null, null), new Input.Text("he's outside"));

        assertTrue(said(step).get(0).text().startsWith(EMERGENCY_EN), said(step).get(0).text());
        assertTrue(said(step).get(0).text().contains("Thank you, your message has arrived."), said(step).get(0).text());
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"aku sudah aman", "dia tidak datang", "dia tidak akan datang malam ini", "aku tidak diancam",
            "waktu itu dia datang ke kos aku", "makasih kak"})
    void shouldOnlyAcknowledgeWhenNoDangerIsSaid(String typed) {
        Step step = engine.handle(intake, thread("id", null, null), new Input.Text(typed));

        assertEquals(1, said(step).size(), "one message: " + said(step));
        assertTrue(said(step).get(0).text().startsWith(RECEIVED), said(step).get(0).text());
        assertTrue(step.outputs().stream().noneMatch(Output.DangerReported.class::isInstance), typed);
        assertNull(step.state().thread().dangerToldAt());
    }

    @ParameterizedTest(name = "{0}: ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "intake|dia di depan pintu", "intake|ga, dia di depan pintu", "intake|ya, dia mau datang",
            "thread|dia di depan pintu", "thread|ya, aku diancam"})
    void shouldGiveTheNumbersThenAskAgainWhetherToEraseAndEraseNothing(String where, String typed) {
        SessionState before = "thread".equals(where) ? thread("id", NOW, null) : shipped.at("reporter_role", "id");
        SessionState asked = engine.handle(intake, before, new Input.Text("/hapus")).state();
        assertEquals(PendingPrompt.DELETE_CONFIRM, asked.pending());

        Step step = engine.handle(intake, asked, new Input.Text(typed));

        List<Output.Message> said = said(step);
        assertEquals(1, said.size(), "one message: " + said);
        assertTrue(said.get(0).text().startsWith(EMERGENCY), said.get(0).text());
        assertTrue(said.get(0).text().contains("Hapus semua yang sudah kamu kirim di sini?"), said.get(0).text());
        assertEquals(List.of("yes", "no"), said.get(0).choices().stream().map(Choice::id).toList(), "with its buttons");
        assertEquals(PendingPrompt.DELETE_CONFIRM, step.state().pending(), "still asking");
        assertTrue(step.outputs().stream().noneMatch(Output.DeleteRequested.class::isInstance), "nothing erased");
        assertTrue(step.outputs().contains(new Output.DangerReported()), "the counsellor is told");
        assertTrue(!said.get(0).text().contains("tidak ada yang dihapus"), "not read as keep everything");
    }

    @Test
    void shouldGiveTheNumbersThenAskAgainWhetherToCarryOnAndRestartNothing() {
        SessionState paused = shipped.at("reporter_role", "id").withStatus(SessionStatus.PAUSED).withPending(PendingPrompt.RESUME);

        Step step = engine.handle(intake, paused, new Input.Text("mulai lagi, dia di depan pintu"));

        List<Output.Message> said = said(step);
        assertEquals(1, said.size(), "one message: " + said);
        assertTrue(said.get(0).text().startsWith(EMERGENCY), said.get(0).text());
        assertTrue(said.get(0).text().contains("Mau lanjut dari pertanyaan terakhir, atau mulai dari awal?"), said.get(0).text());
        assertEquals(PendingPrompt.RESUME, step.state().pending(), "still asking");
        assertEquals("reporter_role", step.state().nodeId(), "nothing restarted");
        assertTrue(step.state().dangerSaid(), "the report to come is flagged");
    }

    @Test
    void shouldPutTheNumbersFirstInTheWelcomeBackAfterAPause() {
        SessionState paused = shipped.at("reporter_role", "id").withStatus(SessionStatus.PAUSED);

        Step step = engine.handle(intake, paused, new Input.Text("dia di depan pintu"));

        List<Output.Message> said = said(step);
        assertTrue(said.get(0).text().startsWith(EMERGENCY), said.get(0).text());
        assertTrue(said.get(0).text().contains("Selamat datang kembali"), said.get(0).text());
        assertEquals(PendingPrompt.RESUME, step.state().pending());
        assertTrue(step.outputs().contains(new Output.DangerReported()));
    }

    @Test
    void shouldPutTheNumbersFirstAfterEverythingWasErased() {
        SessionState asked = engine.handle(intake, shipped.at("reporter_role", "id"), new Input.Text("/hapus")).state();
        SessionState erased = engine.handle(intake, asked, new Input.Text("ya")).state();
        assertEquals(SessionStatus.DELETED, erased.status());

        Step step = engine.handle(intake, erased, new Input.Text("aku diancam"));

        assertEquals(1, said(step).size(), "one message: " + said(step));
        assertTrue(said(step).get(0).text().startsWith(EMERGENCY), said(step).get(0).text());
        assertTrue(said(step).get(0).text().contains("/mulai"), "then how to begin again: " + said(step).get(0).text());
    }

    /** The chat of a sent report (RA-7K2QX) in {@code language}: acknowledged and given the numbers at the times given. */
    private static SessionState thread(String language, Instant acknowledgedAt, Instant dangerToldAt) {
        return shipped.at("summary", language).withStatus(SessionStatus.COMPLETED).withReferenceCode("RA-7K2QX")
                .withThread(new CaseThread(acknowledgedAt, false, false, dangerToldAt));
    }

    private static List<Output.Message> said(Step step) {
        return step.outputs().stream().filter(Output.Message.class::isInstance).map(Output.Message.class::cast).toList();
    }
}
