package id.ruangaman.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * "Apakah aman chat di HP ini?" when the answer is not clear (walkthrough 7, finding 3): the phone is then assumed NOT
 * safe (conversations/intake.yaml {@code on_unclear}): quiet mode on, no reminders, the counsellor does not write first
 * (the answer is "no", not skipped), and one line says how to change it. Replies that say others use the phone are
 * "no" at once.
 */
class UnclearSafetyTest {

    private static final String ASSUMED = """
            Untuk amannya, HP ini kami anggap belum aman: mode senyap nyala, tanpa pengingat, dan konselor tidak akan mengirim pesan lebih dulu.
            Kalau ternyata aman, ubah jawaban ini di ringkasan sebelum mengirim. Ketik /keluar kapan saja untuk keluar cepat.""";

    private final MutableClock clock = new MutableClock(GoldenRun.START);
    private final FlowEngine engine = TestEngines.on(clock);

    /**
     * Replies that say someone else uses, borrows or checks the phone, or that the person is unsure: each means "no" at
     * once (the "no" option's typed {@code words} in conversations/intake.yaml).
     */
    static Stream<Arguments> sharedPhoneReplies() {
        return Stream.of(
                Arguments.of("housemate borrows it (walkthrough 7)", "kadang ada teman kos yang pinjam hp"),
                Arguments.of("used together", "hp ini dipakai bareng"),
                Arguments.of("husband checks it", "suami suka cek hp"),
                Arguments.of("parents look at it", "ortu suka lihat hp aku"),
                Arguments.of("not sure", "mungkin, kadang"),
                Arguments.of("shared phone, English", "shared phone"),
                Arguments.of("parents check, English", "my parents check my phone"),
                Arguments.of("boyfriend reads my chats", "My boyfriend reads my chats sometimes."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sharedPhoneReplies")
    void shouldTakeAReplyAboutOthersUsingThePhoneAsNotSafe(String label, String typed) throws IOException {
        Flow intake = intake();
        Step step = engine.handle(intake, atSafetyQuestion(intake), new Input.Text(typed));

        assertNotSafe(step, typed);
        assertEquals("✓ Belum aman", messages(step).get(0).text(), label + ": the option it was taken as is shown back");
        assertTrue(messages(step).get(1).text().contains("Konselor tidak akan mengirim pesan lebih dulu"), label);
    }

    @Test
    void shouldAssumeNotSafeAfterTwoRepliesItCannotUnderstand() throws IOException {
        Flow intake = intake();
        Step first = engine.handle(intake, atSafetyQuestion(intake), new Input.Text("hmm"));
        assertEquals("safe_to_reply", first.state().nodeId(), "one kind re-prompt first");
        assertFalse(first.state().discreet());

        Step second = engine.handle(intake, first.state(), new Input.Text("apa maksudnya?"));

        assertNotSafe(second, "apa maksudnya?");
        assertTrue(messages(second).stream().noneMatch(m -> m.text().contains("kita lewati")), "not skipped");
        // one message says what was assumed and the one way to change it; then the next question (walkthrough 7: a
        // second notice said "kalau sudah aman, kirim pesan apa saja", which read as another way)
        assertEquals(List.of(ASSUMED, "Langkah 3 dari 9\n\nKejadian ini dialami siapa?"),
                messages(second).stream().map(Output.Message::text).toList());
        clock.advance(Duration.ofMinutes(31));
        assertEquals(List.of(), engine.tick(intake, second.state()).outputs(), "no reminder on a phone that may not be safe");
    }

    @Test
    void shouldStillTakeAClearAnswer() throws IOException {
        Flow intake = intake();
        Step typedLabel = engine.handle(intake, atSafetyQuestion(intake), new Input.Text("Ya, aman"));
        assertEquals("yes", typedLabel.state().answers().get("safe_to_reply").value());
        assertFalse(typedLabel.state().discreet());

        Step tapped = engine.handle(intake, atSafetyQuestion(intake), Input.ButtonPress.fromCallbackData("safe_to_reply:quiet"));
        assertEquals("quiet", tapped.state().answers().get("safe_to_reply").value());
        assertTrue(tapped.state().discreet());
        assertTrue(messages(tapped).stream().noneMatch(m -> m.text().contains(ASSUMED)));
    }

    private static void assertNotSafe(Step step, String typed) {
        Answer answer = step.state().answers().get("safe_to_reply");
        assertEquals(Answer.choice("single_choice", "no", typed), answer, "recorded as \"no\", the typed words kept");
        assertTrue(step.state().discreet(), "quiet mode on");
        assertEquals("reporter_role", step.state().nodeId());
        assertTrue(messages(step).stream().allMatch(Output.Message::silent));
    }

    private SessionState atSafetyQuestion(Flow intake) {
        SessionState state = engine.start(intake).state();
        for (String button : List.of("language:id", "consent:yes", "in_danger:no")) {
            state = engine.handle(intake, state, Input.ButtonPress.fromCallbackData(button)).state();
        }
        assertEquals("safe_to_reply", state.nodeId());
        return state;
    }

    private static List<Output.Message> messages(Step step) {
        return step.outputs().stream().filter(Output.Message.class::isInstance).map(Output.Message.class::cast).toList();
    }

    private static Flow intake() {
        return ShippedFlows.intake();
    }
}
