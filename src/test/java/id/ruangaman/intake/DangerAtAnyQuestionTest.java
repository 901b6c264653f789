package id.ruangaman.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import id.ruangaman.conversation.Flow;
import id.ruangaman.conversation.FlowEngine;
import id.ruangaman.conversation.Input;
import id.ruangaman.conversation.Output;
import id.ruangaman.conversation.SessionState;
import id.ruangaman.conversation.Step;

/**
 * Danger now or soon, typed at a question that does not ask about it (with the shipped words: {@code words_anywhere} of
 * "apakah kamu dalam bahaya sekarang?"). Before, "nanti malam dia datang" at the consent was read as "later" and got the
 * calm "Tidak apa-apa, tidak perlu buru-buru", which says nothing of danger. Now: the emergency numbers the danger
 * question gives, then the same question again, in one message with its buttons; the counsellor is told
 * (DangerReported); nothing is recorded, no attempt is counted, the step stays.
 */
class DangerAtAnyQuestionTest {

    private static final String EMERGENCY = "Keselamatan yang paling penting. Kalau kamu atau orang lain dalam bahaya, segera hubungi:";
    private static final String EMERGENCY_EN = "Safety comes first. If you or someone else is in danger, please contact now:";
    private static Flow intake;
    private static FlowEngine engine;
    private static ShippedIntake shipped;

    @BeforeAll
    static void load() {
        shipped = ShippedIntake.load();
        intake = shipped.flow;
        engine = shipped.engine;
    }

    @ParameterizedTest(name = "{0}: ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "consent|nanti malam dia datang|Kamu setuju dan mau lanjut?",
            "consent|iya, tapi dia mau datang ke kos|Kamu setuju dan mau lanjut?",
            "consent|dia di depan pintu|Kamu setuju dan mau lanjut?",
            "consent|aku diancam|Kamu setuju dan mau lanjut?",
            "consent|tolong, dia udah di depan|Kamu setuju dan mau lanjut?",
            "consent|nanti dulu, dia otw ke sini|Kamu setuju dan mau lanjut?",
            "consent|he's outside|Kamu setuju dan mau lanjut?",
            "consent|I'm scared he will come tonight|Kamu setuju dan mau lanjut?",
            "reporter_role|dia mau dateng|Kejadian ini dialami siapa?",
            "send_now|aku dalam bahaya|Terima kasih. Sekarang kamu bisa pilih:",
            "evidence_consent|ya, tapi dia ngancam aku|Apakah kamu punya bukti yang mau dikirim?",
            "safe_to_reply|ga aman, dia lagi di sini|Apakah aman chat di HP ini?",
            // "dia di sini" ending what is said: here now
            "safe_to_reply|ga aman, dia di sini|Apakah aman chat di HP ini?",
            "consent|dia di sini kak|Kamu setuju dan mau lanjut?",
            "reporter_role|dia disini.|Kejadian ini dialami siapa?",
            "consent|dia di sini dan aku takut|Kamu setuju dan mau lanjut?",
            "consent|dia di sini sekarang|Kamu setuju dan mau lanjut?",
            "consent|sekarang dia disini|Kamu setuju dan mau lanjut?",
            "consent|dia ada di sini kak|Kamu setuju dan mau lanjut?",
            "reporter_role|dia udah disini|Kejadian ini dialami siapa?",
            // "masih": still here, at the door (tester, session 55: at the question after the numbers, "sorry, tap a button")
            "consent|dia masih di depan pintu|Kamu setuju dan mau lanjut?",
            "reporter_role|dia masih di sini sekarang kak|Kejadian ini dialami siapa?",
            "consent|he's still outside|Kamu setuju dan mau lanjut?",
            "send_now|dia sedang di sini|Terima kasih. Sekarang kamu bisa pilih:",
            "consent|dia ada di sini|Kamu setuju dan mau lanjut?",
            "safe_to_reply|ga aman, dia ada disini|Apakah aman chat di HP ini?",
            "consent|dia ada di sini sekarang|Kamu setuju dan mau lanjut?",
            // "he's here" ending what is said, or going on with now or the person's own room or door: here now
            "consent|he's here|Kamu setuju dan mau lanjut?",
            "consent|he is here now|Kamu setuju dan mau lanjut?",
            "consent|he's here and I'm scared|Kamu setuju dan mau lanjut?",
            "safe_to_reply|ga aman, he's here|Apakah aman chat di HP ini?",
            "consent|she is here.|Kamu setuju dan mau lanjut?",
            "consent|they're here|Kamu setuju dan mau lanjut?",
            "consent|he's here right now|Kamu setuju dan mau lanjut?",
            "consent|he's already here|Kamu setuju dan mau lanjut?",
            "consent|he is here again|Kamu setuju dan mau lanjut?",
            "consent|he is here in my room|Kamu setuju dan mau lanjut?",
            "reporter_role|he's here at my door|Kejadian ini dialami siapa?",
            "consent|she's at my door|Kamu setuju dan mau lanjut?",
            // going on to the person's own place or to them: here now, whatever else follows
            "consent|dia ada di sini di kos aku|Kamu setuju dan mau lanjut?",
            "safe_to_reply|dia ada disini nungguin aku|Apakah aman chat di HP ini?",
            "consent|dia di sini di depan kamar|Kamu setuju dan mau lanjut?",
            "consent|he's here at my house|Kamu setuju dan mau lanjut?",
            "consent|he's here with me|Kamu setuju dan mau lanjut?",
            "reporter_role|he is here in my house|Kejadian ini dialami siapa?",
            "consent|she's here waiting for me|Kamu setuju dan mau lanjut?",
            "consent|he's in my room|Kamu setuju dan mau lanjut?",
            "consent|dia ada di sini lho|Kamu setuju dan mau lanjut?",
            // other ways of saying danger now: a threat with its intent, a weapon, at the door, locked in, followed
            "consent|dia mau bunuh aku|Kamu setuju dan mau lanjut?",
            "consent|dia bawa pisau|Kamu setuju dan mau lanjut?",
            "safe_to_reply|dia lagi gedor pintu kamar aku|Apakah aman chat di HP ini?",
            "consent|bentar lagi dia nyampe|Kamu setuju dan mau lanjut?",
            "reporter_role|aku dikurung di kamar|Kejadian ini dialami siapa?",
            "consent|aku gak bisa keluar|Kamu setuju dan mau lanjut?",
            "consent|dia ngikutin aku dari tadi|Kamu setuju dan mau lanjut?",
            "consent|he's following me|Kamu setuju dan mau lanjut?",
            "consent|he has a knife|Kamu setuju dan mau lanjut?",
            "consent|he wants to kill me|Kamu setuju dan mau lanjut?",
            "consent|they're trying to get in|Kamu setuju dan mau lanjut?",
            "violence_type|he is threatening me|Apa yang terjadi?",
            // someone else threatened: danger to the victim, in words that fit a witness too
            "consent|adik saya diancam|Kamu setuju dan mau lanjut?",
            "reporter_role|teman saya diancam|Kejadian ini dialami siapa?",
            "summary|dia mau datang|Ini ringkasannya.",
            // a coming told second-hand is the same threat (a tester's line, in the thread and in a caption)
            "consent|dia bilang mau datang ke kos malam ini|Kamu setuju dan mau lanjut?",
            "reporter_role|katanya mau ke kos nanti|Kejadian ini dialami siapa?",
            "safe_to_reply|dia chat mau datang|Apakah aman chat di HP ini?",
            "consent|dia bilang mau bunuh aku|Kamu setuju dan mau lanjut?",
            "consent|he said he'd come tonight|Kamu setuju dan mau lanjut?",
            "consent|she's going to come here|Kamu setuju dan mau lanjut?",
            // English as phones type it, without the apostrophe: read as with it
            "consent|hes here|Kamu setuju dan mau lanjut?",
            "reporter_role|shes here|Kejadian ini dialami siapa?",
            "consent|theyre here|Kamu setuju dan mau lanjut?",
            "safe_to_reply|hes outside|Apakah aman chat di HP ini?",
            "consent|hes at my door|Kamu setuju dan mau lanjut?",
            "consent|im scared hes coming|Kamu setuju dan mau lanjut?",
            "consent|theyre trying to get in|Kamu setuju dan mau lanjut?",
            "consent|someones following me|Kamu setuju dan mau lanjut?",
            "consent|im locked in|Kamu setuju dan mau lanjut?",
            "consent|i cant get out|Kamu setuju dan mau lanjut?",
            "consent|theyve got a knife|Kamu setuju dan mau lanjut?",
            "consent|im being followed|Kamu setuju dan mau lanjut?",
            // a plea after a phrase that ends a clause ends it too
            "consent|dia di sini kak tolong|Kamu setuju dan mau lanjut?",
            "reporter_role|dia ada di sini tolong aku|Kejadian ini dialami siapa?",
            "consent|dia disini tolongin aku|Kamu setuju dan mau lanjut?",
            "consent|hes here please help|Kamu setuju dan mau lanjut?",
            // the person's own place, with -ku or aku / saya after it
            "consent|dia ada di sini di kamarku|Kamu setuju dan mau lanjut?",
            "reporter_role|dia di sini di kamar aku|Kejadian ini dialami siapa?",
            "consent|dia di kamar aku sekarang|Kamu setuju dan mau lanjut?",
            "safe_to_reply|dia di kamarku sekarang|Apakah aman chat di HP ini?",
            "consent|dia di kamar saya sekarang|Kamu setuju dan mau lanjut?",
            "consent|dia ada di kamar aku|Kamu setuju dan mau lanjut?",
            "consent|dia di depan pintuku|Kamu setuju dan mau lanjut?",
            "consent|dia ada di sini di kosku|Kamu setuju dan mau lanjut?"})
    void shouldGiveTheEmergencyNumbersAndAskTheSameQuestionAgain(String nodeId, String typed, String question) {
        SessionState before = shipped.at(nodeId, "id");

        Step step = engine.handle(intake, before, new Input.Text(typed));

        List<Output.Message> said = said(step);
        assertEquals(1, said.size(), "one message: " + said);
        String text = said.get(0).text();
        assertTrue(text.startsWith(EMERGENCY), text);
        assertTrue(text.contains("112") && text.contains("SAPA 129"), text);
        assertTrue(text.contains(question), "the question again: " + text);
        assertEquals(nodeId, said.get(0).nodeId(), "with the question's buttons");
        assertTrue(step.outputs().contains(new Output.DangerReported()), "the counsellor is told");
        assertEquals(nodeId, step.state().nodeId(), "the step stays");
        assertNull(step.state().answers().get(nodeId), "nothing recorded: " + step.state().answers());
        assertEquals(0, step.state().retries(), "no attempt counted");
        assertTrue(step.outputs().stream().noneMatch(Output.ConsentDeclined.class::isInstance));
    }

    /**
     * "adik saya diancam" is danger to the victim, told by a witness: the numbers come, and their first line fits the
     * person in danger and someone writing about another. Before, "Keselamatanmu yang paling penting" spoke of the
     * writer's own safety only.
     */
    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', value = {"adik saya diancam", "teman saya diancam", "aku diancam"})
    void shouldSayTheNumbersInWordsThatFitSomeoneElseInDangerToo(String typed) {
        Step step = engine.handle(intake, shipped.at("consent", "id"), new Input.Text(typed));

        String text = said(step).get(0).text();
        assertTrue(text.startsWith("Keselamatan yang paling penting. Kalau kamu atau orang lain dalam bahaya, segera hubungi:"), text);
        assertFalse(text.contains("Keselamatanmu"), text);
        assertTrue(step.outputs().contains(new Output.DangerReported()), "the case is flagged");
    }

    @Test
    void shouldSayItInTheChatsLanguage() {
        Step step = engine.handle(intake, shipped.at("consent", "en"), new Input.Text("he's coming tonight"));

        assertTrue(said(step).get(0).text().startsWith(EMERGENCY_EN), said(step).toString());
        assertTrue(said(step).get(0).text().contains("Do you agree and want to go on?"));
    }

    /** Nothing of danger now: the question reads the reply as before (a hold, a yes, an answer). */
    @ParameterizedTest(name = "{0}: ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "consent|dia tidak akan datang", "consent|aku sudah aman", "consent|dia gak jadi datang",
            "consent|he won't come", "consent|I'm not in danger", "consent|nanti dulu ya", "consent|iya",
            "reporter_role|aku sendiri", "safe_to_reply|tidak aman", "send_now|lanjut",
            // asking the service for help is not danger now
            "consent|tolong aku kak, aku bingung mau lapor", "consent|please help me, how do I report this",
            "consent|dia tidak mau bunuh aku, cuma ngancam nyebarin chat",
            // negated without the apostrophe, as with it
            "consent|hes not coming", "consent|im not in danger", "consent|he wont come", "consent|im safe"})
    void shouldLeaveOtherRepliesAsTheyWere(String nodeId, String typed) {
        Step step = engine.handle(intake, shipped.at(nodeId, "id"), new Input.Text(typed));

        assertTrue(step.outputs().stream().noneMatch(Output.DangerReported.class::isInstance), typed);
        assertTrue(said(step).stream().noneMatch(message -> message.text().contains(EMERGENCY)), typed + ": " + said(step));
    }

    /**
     * A threat in the words of the one who threatens, pasted or quoted by the person (forwarded: see
     * {@code ForwardedIsNotAnAnswerTest}): "Gw bunuh lo", "aku tau kosmu", "I know where you live". Before, the danger
     * words were all told from the person's side ("dia mau bunuh aku", "aku diancam"), so the terlapor's own words got
     * the consent's re-prompt and the report went unflagged.
     */
    @ParameterizedTest(name = "{0}: ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "consent|Gw bunuh lo kalau berani lapor|Kamu setuju dan mau lanjut?",
            "consent|dia chat: aku tau kosmu, tunggu aja|Kamu setuju dan mau lanjut?",
            "consent|katanya \"aku tahu kamu tinggal di mana\"|Kamu setuju dan mau lanjut?",
            "reporter_role|awas kalo lo lapor, gue bacok lo|Kejadian ini dialami siapa?",
            "reporter_role|gw bacok lo kalau berani cerita|Kejadian ini dialami siapa?",
            "consent|he texted: I know where you live|Kamu setuju dan mau lanjut?",
            "consent|I'll kill you if you tell anyone|Kamu setuju dan mau lanjut?",
            "consent|im gonna hurt you|Kamu setuju dan mau lanjut?",
            "consent|I'll beat you up|Kamu setuju dan mau lanjut?",
            // a pause typed inside the words ("aku.. diancam") does not hide them
            "consent|aku.. diancam|Kamu setuju dan mau lanjut?",
            "consent|gw tau rumah lu|Kamu setuju dan mau lanjut?",
            // "jangan lapor" does not reach the speaker's own clause after it: don't report, I know where you live
            "consent|jangan lapor aku tau kosmu|Kamu setuju dan mau lanjut?",
            "consent|gak usah lapor gue tau rumah lo|Kamu setuju dan mau lanjut?",
            "consent|awas lo kalo lapor|Kamu setuju dan mau lanjut?",
            "consent|lo mati kalo lapor|Kamu setuju dan mau lanjut?",
            "consent|gw habisin lo|Kamu setuju dan mau lanjut?",
            "consent|Aku tau tempat tinggalmu|Kamu setuju dan mau lanjut?",
            "consent|Tell anyone and you're dead|Kamu setuju dan mau lanjut?",
            // other spellings, the threatened person put first, other modals (a second attack on the list)
            "consent|jangan lapor kamu aku bunuh|Kamu setuju dan mau lanjut?",
            "consent|jgn lapor lo gw bunuh|Kamu setuju dan mau lanjut?",
            "consent|gw bakalan habisin elo|Kamu setuju dan mau lanjut?",
            "consent|jangan lapor kalau gak mau gw bunuh|Kamu setuju dan mau lanjut?",
            "consent|aku udah tau alamat rumah kamu|Kamu setuju dan mau lanjut?",
            "consent|awas aja kalo lo ngadu|Kamu setuju dan mau lanjut?",
            "consent|imma kill u|Kamu setuju dan mau lanjut?",
            "consent|i know where u stay|Kamu setuju dan mau lanjut?",
            "consent|I'll hurt you if you tell|Kamu setuju dan mau lanjut?"})
    void shouldReadAThreatInTheThreatenersOwnWords(String nodeId, String typed, String question) {
        Step step = engine.handle(intake, shipped.at(nodeId, "id"), new Input.Text(typed));

        assertTrue(step.outputs().contains(new Output.DangerReported()), typed + ": the counsellor is told");
        String text = said(step).get(0).text();
        assertTrue(text.startsWith(EMERGENCY) && text.contains(question), text);
        assertEquals(nodeId, step.state().nodeId(), "the step stays");
    }

    /**
     * The same words under a negation, or in a sense that threatens nothing, are no danger: the abuser's "aku gak bakal
     * nyakitin kamu" is no threat now, nor a friend's worry, an offer of food, a dead mosquito or a request for an
     * address. Many of these came from an attack on
     * the first version of the list, which had the bare "nyakitin kamu", "habisin kamu", "kubunuh", "gonna kill you".
     */
    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', value = {
            "aku gak bakal nyakitin kamu", "aku nggak mungkin bunuh kamu", "aku ga akan bunuh kamu", "I'd never hurt you",
            "I will never hurt you", "you're dead to me", "I'll find you a seat", "aku tau kamu capek",
            "aku bunuh waktu sambil nungguin kamu", "bunuh diri bukan jalan keluar, kata temanku",
            "Siapa yg nyakitin kamu? cerita sama aku", "Makanannya habisin kamu aja ya", "Nyamuknya udah kubunuh",
            "Boleh tau alamat kamu kak? Buat kirim paketnya", "hp aku mati, kau di mana?", "This spicy ramen is gonna kill you",
            "Just wait at the entrance, I'll find you.", "Hang on, I'm coming for you, 10 mins", "Aku gamau bunuh kamu",
            "Aku takkan bunuh kamu", "aku ga bakalan bunuh kamu", "gw gabakal bunuh lo kok", "gw ogah bunuh lo",
            "Hajar lo! pasti bisa presentasinya", "Siapa yang perkosa kamu? cerita ya", "matiin lo lampunya",
            "deadline ini bakal bunuh kamu wkwk", "tugas statistik ini bisa bunuh lo sih", "awas kalo lapor absen titip ya",
            "if you report me to the admin I'll get banned lol", "aku gak akan bunuh kamu, tenang aja",
            "belum pasti dia bakal datang", "rindu ini membunuhmu", "and you're dead tired", "did the flood hurt your family?",
            "I will beat you at chess"})
    void shouldNotReadTheseWordsWhereTheyThreatenNothing(String typed) {
        Step step = engine.handle(intake, shipped.at("consent", "id"), new Input.Text(typed));

        assertTrue(step.outputs().stream().noneMatch(Output.DangerReported.class::isInstance), typed);
        assertTrue(said(step).stream().noneMatch(message -> message.text().contains(EMERGENCY)), typed + ": " + said(step));
    }

    /**
     * A story tells of the past: "dia datang" or "dia ke sini" without a time or an intent is what happened, not danger
     * now; "dia di sini", "dia ada di sini" or "he's here" going on without "sekarang", "lagi", "udah", "now" or
     * "already" tells where someone studies, works or was. Before, every such line brought the emergency numbers mid-story and flagged the report as in danger, so the
     * flag no longer told the counsellor which reports were.
     */
    @ParameterizedTest(name = "{0}: ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "chronology|waktu itu dia datang ke kos aku malam-malam",
            "chronology|terus dia ke sini dan ngunci pintu",
            "chronology|dia dateng pas aku sendirian",
            "reported_person|dosen pembimbingku, dia datang ke ruangan tiap minggu",
            "consent|dia datang ke kos minggu lalu",
            // "dia di sini" alone tells where someone studies or works, or was: not being here now
            "chronology|dia di sini juga kuliah, satu angkatan sama aku",
            "chronology|dia di sini dulu sekolah, kakak kelasku",
            "reported_person|dosen tetap, dia di sini ngajar dari 2015",
            "chronology|waktu itu dia di sini sama teman-temannya",
            "consent|dia disini juga kerja",
            // "dia ada di sini" and "he's here" going on tell the same: where someone studies, works or stays
            "chronology|dia ada di sini juga, satu fakultas",
            "reported_person|dia ada di sini juga kuliah",
            "chronology|he's here at campus too",
            "chronology|she is here in my class",
            "reported_person|he is here every day, he teaches the first years",
            "chronology|they're here at the same faculty",
            "consent|he is here on a scholarship",
            // the same without the apostrophe, with a plea later, and the person's own room told of the past
            "chronology|hes here at campus too",
            "chronology|shes here in my class",
            "reported_person|theyre here at the same faculty",
            "chronology|dia di sini juga kuliah, tolong dibantu ya",
            "chronology|dia di kamar aku juga waktu itu",
            "chronology|waktu itu dia di kamar aku sampai pagi",
            "chronology|dulu dia sering main ke rumahku",
            // "masih" in a story: still where someone studies or was, not here now
            "chronology|dia masih di sini juga kuliah, satu angkatan",
            "chronology|he's still here at campus, teaching",
            "chronology|waktu aku keluar dia masih di depan kelas",
            "chronology|Paginya dia masih di kamar aku, aku pura-pura tidur",
            "chronology|waktu aku keluar dia masih di depan kamar",
            "chronology|Sampai sekarang dia masih di sini.",
            "chronology|dia masih nungguin aku bales chat"})
    void shouldNotTakeAPastComingAsDangerNow(String nodeId, String typed) {
        Step step = engine.handle(intake, shipped.at(nodeId, "id"), new Input.Text(typed));

        assertTrue(step.outputs().stream().noneMatch(Output.DangerReported.class::isInstance), typed);
        assertTrue(said(step).stream().noneMatch(message -> message.text().contains(EMERGENCY)), typed + ": " + said(step));
        assertFalse(step.state().dangerSaid(), typed);
    }

    /** In the story, such a message is a part of it, and the emergency numbers come with the acknowledgement. */
    @Test
    void shouldKeepItInTheStory() {
        Step step = engine.handle(intake, shipped.at("chronology", "id"), new Input.Text("dia bilang nanti malam dia datang lagi ke kos"));

        assertEquals(List.of("dia bilang nanti malam dia datang lagi ke kos"), step.state().draft().parts());
        List<Output.Message> said = said(step);
        assertEquals(1, said.size(), said.toString());
        assertTrue(said.get(0).text().startsWith(EMERGENCY), said.get(0).text());
        assertTrue(said.get(0).text().contains("Tersimpan."), said.get(0).text());
        assertTrue(step.outputs().contains(new Output.DangerReported()));
    }

    /**
     * Where free text is asked, the words are the answer, kept as written; the emergency numbers come first, in one
     * message with the next question and its buttons (before: two messages for one line).
     */
    @Test
    void shouldKeepAFreeTextAnswerAndSayTheNumbersFirstWithTheNextQuestion() {
        Step step = engine.handle(intake, shipped.at("witnesses", "id"), new Input.Text("nanti dia datang lagi ke kos"));
        Step calm = engine.handle(intake, shipped.at("witnesses", "id"), new Input.Text("teman sekamar"));

        assertEquals("nanti dia datang lagi ke kos", step.state().answers().get("witnesses").value());
        List<Output.Message> said = said(step);
        assertEquals(1, said.size(), said.toString());
        assertTrue(said.get(0).text().startsWith(EMERGENCY), said.toString());
        Output.Message next = said(calm).get(said(calm).size() - 1);
        assertEquals(calm.state().nodeId(), step.state().nodeId(), "the intake goes on as after calm words");
        assertTrue(said.get(0).text().endsWith("\n\n" + next.text()), said.get(0).text());
        assertEquals(next.choices(), said.get(0).choices(), "with the next question's buttons");
        assertEquals(next.nodeId(), said.get(0).nodeId());
        assertTrue(step.outputs().contains(new Output.DangerReported()));
        assertTrue(step.state().dangerSaid());
    }

    /** At the danger question itself these words are a yes, as its own words are. */
    @Test
    void shouldBeAYesAtTheDangerQuestion() {
        Step step = engine.handle(intake, shipped.at("in_danger", "id"), new Input.Text("nanti malam dia datang"));

        assertEquals("yes", step.state().answers().get("in_danger").value());
        assertTrue(step.outputs().contains(new Output.DangerReported()));
    }

    private static List<Output.Message> said(Step step) {
        return step.outputs().stream().filter(Output.Message.class::isInstance).map(Output.Message.class::cast).toList();
    }
}
