package id.ruangaman.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.NodeKind;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One kind re-prompt per reply the question cannot use, never a flood: at every question of {@code intake.yaml} that
 * can re-prompt (the choices, yes/no, dates, the summary), each of three unclear replies in a row gets one kind line
 * and no more than a clear answer would bring (the question again, or the next; after the language question also
 * the introduction), and the last message is a question. Before, the second unclear reply at consent and
 * at the summary sent three ("masih belum mengerti", the help text, the question), and at "are you in danger?" three, the first saying "we skip this" before
 * the emergency numbers (session 13's probe).
 */
class OneRepromptPerReplyTest {

    private static final Set<NodeKind> REPROMPTING = EnumSet.of(NodeKind.SINGLE_CHOICE, NodeKind.MULTI_CHOICE,
            NodeKind.YES_NO, NodeKind.DATE, NodeKind.SUMMARY);
    private static Flow intake;
    private final FlowEngine engine = TestEngines.atGoldenStart();

    @BeforeAll
    static void load() {
        intake = ShippedFlows.intake();
    }

    static Stream<String> questions() throws IOException {
        load();
        return intake.nodes().stream().filter(node -> REPROMPTING.contains(node.kind())).map(NodeDefinition::id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("questions")
    void shouldAnswerEachUnclearReplyWithOneLineAndAQuestion(String nodeId) {
        for (String language : List.of("id", "en")) {
            SessionState state = engine.handle(intake, engine.start(intake).state(),
                    Input.ButtonPress.fromCallbackData("language:" + language)).state().atNode(nodeId);
            for (String typed : List.of("hmm apa", "zzz ???", "qqq")) {
                String at = state.nodeId();
                Step step = engine.handle(intake, state, new Input.Text(typed));
                List<Output.Message> messages = step.outputs().stream().filter(Output.Message.class::isInstance)
                        .map(Output.Message.class::cast).toList();
                String said = nodeId + " (" + language + "), '" + typed + "' at " + at + ": " + messages.stream()
                        .map(message -> message.text().lines().findFirst().orElse("")).toList();
                assertTrue(messages.size() <= 1 + answered(state), "one line more than an answer brings: " + said);
                assertTrue(!messages.isEmpty() && messages.get(messages.size() - 1).nodeId() != null
                        || step.state().status() != SessionStatus.ACTIVE, "ends with a question to answer: " + said);
                state = step.state();
            }
        }
    }

    /** How many messages tapping the question's first button sends: what a clear answer brings (the introduction after the language). */
    private long answered(SessionState state) {
        NodeDefinition node = intake.node(state.nodeId());
        String first = node.kind() == NodeKind.YES_NO ? "yes" : node.kind() == NodeKind.SUMMARY ? "confirm"
                : node.kind() == NodeKind.DATE || node.options().isEmpty() ? "skip" : node.options().get(0).id();
        return engine.handle(intake, state, Input.ButtonPress.fromCallbackData(node.id() + ":" + first)).outputs().stream()
                .filter(Output.Message.class::isInstance).count();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("questions")
    void shouldSayTheFallbackLineOnlyWhereNoHelpFollows(String nodeId) {
        SessionState state = engine.handle(intake, engine.start(intake).state(),
                Input.ButtonPress.fromCallbackData("language:id")).state().atNode(nodeId);
        state = engine.handle(intake, state, new Input.Text("hmm apa")).state();
        Step second = engine.handle(intake, state, new Input.Text("zzz ???"));
        List<String> texts = second.outputs().stream().filter(Output.Message.class::isInstance)
                .map(output -> ((Output.Message) output).text()).toList();
        NodeDefinition node = intake.node(nodeId);
        boolean ownHelp = !node.onInvalid().equals(node.next()) && !node.exits().containsValue(node.onInvalid())
                && intake.node(node.onInvalid()).kind() == NodeKind.MESSAGE;
        boolean helpFollows = node.onUnclear() != null || ownHelp;
        long fallbackLines = texts.stream().filter(text -> text.startsWith("Maaf, saya masih belum mengerti")
                || text.startsWith("Tidak apa-apa, pertanyaan ini kita lewati dulu")).count();
        assertEquals(helpFollows ? 0 : 1, fallbackLines, nodeId + ": " + texts);
    }
}
