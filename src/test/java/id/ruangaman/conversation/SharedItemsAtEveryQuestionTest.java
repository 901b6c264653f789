package id.ruangaman.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.NodeKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A contact card or a location shared at a question that does not ask for one. Before, at every free-text question
 * the card's line ("👤 Sahabat · +62 812 ...", a friend's number) was stored as the answer: sent at "Siapa namamu?" it
 * became the name, shown in the summary, the inbox and the letters. Now, at every question of every kind of the
 * shipped intake whose {@code shared:} does not name it: one message, a kind line (not kept; the answer can be typed),
 * then the question with its buttons; nothing of it in the answers or the draft, no attempt counted, and the number in
 * no message. Where the question asks for one (a witness's card at "witnesses", the evidence) it is kept as before.
 */
class SharedItemsAtEveryQuestionTest {

    private static final String NUMBER = "+62 812 0000 0000";
    private static final Input CONTACT = new Input.SharedContact("Sahabat Sintetis", List.of(NUMBER));
    private static final Input LOCATION = new Input.Location(-6.2, 106.8, "Tempat Sintetis", "Jl. Contoh 1");
    private static final Set<NodeKind> QUESTIONS = EnumSet.of(NodeKind.TEXT, NodeKind.MULTI_TEXT, NodeKind.MEDIA, NodeKind.SINGLE_CHOICE,
            NodeKind.MULTI_CHOICE, NodeKind.YES_NO, NodeKind.DATE, NodeKind.SUMMARY);

    private final FlowEngine engine = TestEngines.atGoldenStart();

    static Stream<Arguments> everyQuestion() {
        List<Arguments> cases = new ArrayList<>();
        for (NodeDefinition node : ShippedFlows.intake().definition().nodes()) {
            if (QUESTIONS.contains(node.kind())) {
                cases.add(Arguments.of(node.id() + " <- contact", node.id(), CONTACT, SharedKind.CONTACT));
                cases.add(Arguments.of(node.id() + " <- location", node.id(), LOCATION, SharedKind.LOCATION));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyQuestion")
    void shouldKeepASharedItemOnlyWhereTheQuestionAsksForOne(String label, String question, Input input, SharedKind kind) {
        Flow intake = ShippedFlows.intake();
        NodeDefinition node = intake.findNode(question).orElseThrow();
        SessionState before = at(intake, question);
        Step step = engine.handle(intake, before, input);

        List<Output.Message> messages = step.outputs().stream().filter(Output.Message.class::isInstance).map(Output.Message.class::cast).toList();
        if (node.takes(kind)) {
            String line = input instanceof Input.SharedContact card ? card.describe() : ((Input.Location) input).describe();
            boolean kept = step.state().answers().values().stream().anyMatch(answer -> String.valueOf(answer).contains(line))
                    || step.state().draft() != null && step.state().draft().parts().contains(line);
            assertTrue(kept, label + ": kept where it is asked for: " + step.state());
            return;
        }
        assertEquals(question, step.state().nodeId(), label + ": the question stays");
        assertEquals(before.answers(), step.state().answers(), label + ": nothing recorded");
        assertTrue(step.state().draft() == null || step.state().draft().parts().stream().noneMatch(part -> part.contains("👤") || part.contains("📍")),
                label + ": nothing of it in the draft");
        assertEquals(0, step.state().retries(), label + ": no attempt counted");
        assertEquals(1, messages.size(), label + ": one message: " + messages);
        String text = messages.get(0).text();
        String note = kind == SharedKind.CONTACT
                ? "Kontak itu tidak disimpan, karena pertanyaan ini tidak meminta kontak. Kamu bisa mengetik jawabannya saja ya."
                : "Lokasi itu tidak disimpan, karena pertanyaan ini tidak meminta lokasi. Kamu bisa mengetik jawabannya saja ya.";
        assertTrue(text.startsWith(note), label + ": the kind line first: " + text);
        assertTrue(text.length() > note.length() || node.kind() == NodeKind.MEDIA, label + ": then the question: " + text);
        assertFalse(text.contains("0000") || text.contains("Sahabat") || text.contains("Tempat Sintetis"),
                label + ": nothing of the card or place in the reply: " + text);
        assertTrue(step.outputs().stream().noneMatch(Output.AnswerRecorded.class::isInstance), label + ": no answer recorded");
    }

    /** "Siapa namamu?" with a friend's card: not the name; the name typed after it is. */
    @Test
    void shouldTakeTheNameTypedAfterAContactCardAtTheNameQuestion() {
        Flow intake = ShippedFlows.intake();
        Step card = engine.handle(intake, at(intake, "name"), CONTACT);
        Step typed = engine.handle(intake, card.state(), new Input.Text("Mawar"));

        assertNull(card.state().answers().get("name"));
        assertEquals(Answer.text("Mawar"), typed.state().answers().get("name"));
    }

    /** A session at {@code question}, in Bahasa Indonesia, with consent given. */
    private SessionState at(Flow intake, String question) {
        SessionState state = engine.start(intake).state();
        for (String button : List.of("language:id", "consent:yes")) {
            state = engine.handle(intake, state, Input.ButtonPress.fromCallbackData(button)).state();
        }
        return state.atNode(question);
    }
}
