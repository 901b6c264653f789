package id.ruangaman.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import id.ruangaman.conversation.CaseThread;
import id.ruangaman.conversation.Flow;
import id.ruangaman.conversation.FlowEngine;
import id.ruangaman.conversation.Input;
import id.ruangaman.conversation.Output;
import id.ruangaman.conversation.SessionState;
import id.ruangaman.conversation.SessionStatus;
import id.ruangaman.conversation.Step;

/**
 * Ordinary chat that holds a word of danger ({@code on_unclear.harmless} of "apakah kamu dalam bahaya sekarang?"):
 * grades "dalam bahaya", "dikejar deadline", "terancam DO", someone "di luar kota", "otw kampus", "coming to the
 * wedding", "can't get out of bed", and a dead mosquito told with Jakarta's "lo" ("nyamuknya
 * udah gw bunuh lo" is no "gw bunuh lo"). Before, each of them brought the emergency numbers (112, SAPA 129) to a person
 * who may share the phone, and flagged the case BAHAYA for the counsellor. The same words without the harmless object
 * ("aku dalam bahaya", "aku dikejar dia", "dia lagi di luar", "gw bunuh lo kalau lapor") are still danger, at a question
 * during the intake and in the case's thread after the report alike. Synthetic lines.
 */
class DangerFalseAlarmsTest {

    private static final String EMERGENCY = "Keselamatan yang paling penting. Kalau kamu atau orang lain dalam bahaya, segera hubungi:";
    private static final String RECEIVED = "Terima kasih, pesanmu sudah sampai.";
    private static Flow intake;
    private static FlowEngine engine;
    private static ShippedIntake shipped;

    @BeforeAll
    static void load() {
        shipped = ShippedIntake.load();
        intake = shipped.flow;
        engine = shipped.engine;
    }

    /** Ordinary chat: a word of danger about a thing, a deadline, a trip, an account, an insect. */
    static Stream<String> ordinaryChat() {
        return Stream.of(
                // "dalam bahaya" said of grades or a thesis, not of a person
                "IPK-ku dalam bahaya", "nilaiku dalam bahaya", "skripsiku dalam bahaya", "ipk aku lagi dalam bahaya nih",
                // pressed by a deadline or a lecturer's revisions
                "aku dikejar deadline", "aku dikejar dosen buat revisi", "aku dikejar waktu nih", "aku dikejar tugas kak",
                // at risk of dropping out or failing
                "aku terancam DO", "aku terancam nggak lulus", "aku terancam drop out semester ini", "saya terancam gagal",
                // away, or on the way to campus
                "dia lagi di luar kota", "dia lagi di luar negeri sampai Desember", "dia otw kampus", "dia otw ke kelas",
                // an event, a bed
                "he's coming to the wedding", "she's coming to the party", "I can't get out of bed", "i cant get out of bed today",
                // Jakarta's "lo" after a dead insect: no "gw bunuh lo"
                "nyamuknya udah gw bunuh lo", "kecoanya udah aku bunuh, kamu jangan takut", "tikusnya udah gue bunuh lo, aman",
                "kecoanya udah kubunuh kamu tenang aja",
                // a coming told of the past, in a story, shorthand or not
                "waktu itu dia datang ke kos aku", "waktu itu dia dtg ke rmh aku");
    }

    /** Danger now: the same words with a person, or with nothing after them. */
    static Stream<String> dangerNow() {
        return Stream.of(
                "aku dalam bahaya", "aku lagi dalam bahaya", "I'm in danger", "aku dikejar", "aku dikejar dia",
                "dia ngikutin aku", "dia lagi di luar", "dia udah di depan", "he's coming", "gw bunuh lo",
                "gw bunuh lo kalau lapor", "aku terancam",
                // a lecturer chasing a person is no revision: the reported person is often one
                "aku dikejar dosen itu sampai ke kos",
                // a harmless object told first leaves a later danger said
                "aku dikejar deadline, dan dia di depan pintu", "dia ngikutin aku di ig, sekarang dia ngikutin aku lagi",
                "nyamuknya udah gw bunuh. gw bunuh lo juga kalau lapor", "dia otw kos aku", "he's coming to my room",
                "dia lagi di luar. kota ini sepi, aku takut",
                // "kota" or "kampus" further on is not the object of the danger words
                "dia otw, kampus sepi", "keluargaku dalam bahaya",
                // a harmless object with more said after it in the same clause, or a place and time before the words:
                // the harmless reading ends what is said, and "di kerjaan aku" is where, not whose (found by the reviewer)
                "di kerjaan aku dalam bahaya", "di proyek aku dalam bahaya", "pas kuliah aku terancam terus",
                "dasar tikus gw bunuh lo", "dia ngikutin aku di ig dan sampai ke kos", "dia otw kampus mau nyamperin aku",
                "he's coming to my party", "he's coming to the party to find me", "I am in danger of losing my life",
                // following is danger online too: one who follows a person online often follows them home
                "dia ngikutin aku di ig", "he's following me on twitter",
                // chat shorthand, and "lagi", "udah", "sekarang" between the words (found by the tester)
                "dia di dpn pintu", "dia udh di depan kos", "dia lg di depan kos aku", "dia dtg ke kos aku skrg",
                "dia skrg di depan kamar", "aq tkt dia lg otw ke kos aku",
                // threats in another order or told second-hand (found by the tester)
                "he said he'd kill me", "he's coming to the party tonight and said he'd kill me",
                "kalo lo lapor, video lo gw sebar", "awas ya kalo lapor", "if you report me I'll post your pics",
                "fotomu kusebar kalo lapor", "kalau lo cerita ke siapa siapa gw sebarin foto lo");
    }

    @ParameterizedTest(name = "at the consent: ''{0}''")
    @MethodSource("ordinaryChat")
    void shouldNotFlagOrdinaryChatAtAQuestion(String typed) {
        Step step = engine.handle(intake, shipped.at("consent", "id"), new Input.Text(typed));

        assertTrue(step.outputs().stream().noneMatch(Output.DangerReported.class::isInstance), typed + ": not flagged");
        assertTrue(said(step).stream().noneMatch(message -> message.text().contains(EMERGENCY)), typed + ": " + said(step));
        assertFalse(step.state().dangerSaid(), typed);
    }

    @ParameterizedTest(name = "in the thread: ''{0}''")
    @MethodSource("ordinaryChat")
    void shouldNotFlagOrdinaryChatInTheThread(String typed) {
        Step step = engine.handle(intake, thread(), new Input.Text(typed));

        assertEquals(1, said(step).size(), "one message: " + said(step));
        assertTrue(said(step).get(0).text().startsWith(RECEIVED), typed + ": " + said(step).get(0).text());
        assertTrue(step.outputs().stream().noneMatch(Output.DangerReported.class::isInstance), typed + ": not flagged");
        assertNull(step.state().thread().dangerToldAt(), typed);
    }

    @ParameterizedTest(name = "at the consent: ''{0}''")
    @MethodSource("dangerNow")
    void shouldStillFlagDangerAtAQuestion(String typed) {
        Step step = engine.handle(intake, shipped.at("consent", "id"), new Input.Text(typed));

        assertTrue(step.outputs().contains(new Output.DangerReported()), typed + ": the counsellor is told");
        assertTrue(said(step).get(0).text().startsWith(EMERGENCY), typed + ": " + said(step));
        assertEquals("consent", step.state().nodeId(), "the step stays");
    }

    @ParameterizedTest(name = "in the thread: ''{0}''")
    @MethodSource("dangerNow")
    void shouldStillFlagDangerInTheThread(String typed) {
        Step step = engine.handle(intake, thread(), new Input.Text(typed));

        assertEquals(1, said(step).size(), "one message: " + said(step));
        assertTrue(said(step).get(0).text().startsWith(EMERGENCY), typed + ": " + said(step).get(0).text());
        assertTrue(said(step).get(0).text().contains(RECEIVED), "the message reached the counsellor");
        assertTrue(step.outputs().contains(new Output.DangerReported()), typed + ": the case is marked in danger");
    }

    /**
     * At "are you in danger now?" itself a word of danger is read before yes and no ("nggak, tolong" is a yes), also
     * beside a harmless object: there the person answers whether they are in danger, and the safe side is taken (the
     * answer can be changed in the summary). Harmless phrases count at every other question and in the thread.
     */
    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
            "nggak, cuma dikejar deadline|yes",
            "nggak kok, cuma dikejar dosen buat revisi|yes",
            "nggak, paling terancam DO aja|yes",
            "di kerjaan aku dalam bahaya|yes",
            "nggak, aku dikejar dia|yes",
            "nggak, dikejar deadline, tapi dia di depan pintu|yes",
            "aku terancam|yes"})
    void shouldReadTheDangerQuestionsOwnWordsTheSameWay(String typed, String answer) {
        Step step = engine.handle(intake, shipped.at("in_danger", "id"), new Input.Text(typed));

        assertEquals(answer, step.state().answers().get("in_danger").value(), typed);
        assertEquals("yes".equals(answer), step.outputs().contains(new Output.DangerReported()), typed);
    }

    /**
     * Sextortion is danger as a threat against the report, as "awas kalau lapor" is: "gw sebarin video lo kalo lo lapor"
     * punishes the report being made now. Before, it was read only where it began with "awas" or "dia ngancam". Bare
     * sextortion is no danger now, and friends write its words too ("aku sebar foto kamu di grup ya"): it is named at
     * "Apa yang terjadi?" (sextortion) and read by the counsellor, at a question and in the thread alike.
     */
    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
            "gw sebarin video lo kalo lo lapor|true",
            "aku sebar foto kamu kalau kamu berani lapor|true",
            "video lo gw sebar kalo lapor|true",
            "dia chat: aku sebarin fotomu kalau lapor|true",
            "I'll leak your pics if you report me|true",
            "aku sebar foto kamu|false",
            "gw sebarin video lo|false",
            "I'll leak your pics|false",
            "nanti aku sebar foto kamu di grup angkatan ya|false"})
    void shouldFlagSextortionOnlyAsAThreatAgainstTheReport(String typed, boolean danger) {
        Step atQuestion = engine.handle(intake, shipped.at("consent", "id"), new Input.Text(typed));
        Step inThread = engine.handle(intake, thread(), new Input.Text(typed));

        assertEquals(danger, atQuestion.outputs().contains(new Output.DangerReported()), typed + " at the consent");
        assertEquals(danger, said(atQuestion).get(0).text().startsWith(EMERGENCY), typed + ": " + said(atQuestion));
        assertEquals(danger, inThread.outputs().contains(new Output.DangerReported()), typed + " in the thread");
        assertEquals(danger, said(inThread).get(0).text().startsWith(EMERGENCY), typed + ": " + said(inThread));
    }

    /** The chat of a sent report (RA-7K2QX), acknowledged before and never given the numbers. */
    private static SessionState thread() {
        return shipped.at("summary", "id").withStatus(SessionStatus.COMPLETED).withReferenceCode("RA-7K2QX")
                .withThread(new CaseThread(null, false, false, null));
    }

    private static List<Output.Message> said(Step step) {
        return step.outputs().stream().filter(Output.Message.class::isInstance).map(Output.Message.class::cast).toList();
    }
}
