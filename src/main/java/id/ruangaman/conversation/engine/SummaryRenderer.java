package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.Answer;
import id.ruangaman.conversation.definition.MessageKey;
import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.LocalizedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** The answers shown in a summary: every answered node that has a {@code label}, in flow order, grouped, kept short. */
final class SummaryRenderer {

    private static final Pattern SPACES_RUN = Pattern.compile("\\s+");

    private static final int MAX_VALUE = 100;

    private SummaryRenderer() {
    }

    /**
     * The labelled answers that are current: on the way the answers take ({@link AnswerPath}). An answer a change made
     * unreachable (the contact plan after "Belum aman") is not shown, and not sent.
     */
    static List<NodeDefinition> editable(Turn turn) {
        java.util.Set<String> current = AnswerPath.of(turn.flow(), turn.state().answers()).keys();
        return turn.flow().nodes().stream()
                .filter(node -> node.label() != null && node.key() != null && current.contains(node.key()))
                .toList();
    }

    /**
     * The answers in the order they were asked, grouped by step under the flow's {@code step_names} (a step without a
     * name has no heading), each as "• label: value" with option labels, never ids; a {@code secret} answer as the
     * node's {@code secret} text, never itself.
     */
    static String lines(Turn turn) {
        List<String> lines = new ArrayList<>();
        Integer group = null;
        for (NodeDefinition node : editable(turn)) {
            LocalizedText heading = node.step() == null ? null : turn.flow().definition().stepNames().get(String.valueOf(node.step()));
            if (heading != null && !node.step().equals(group)) {
                if (!lines.isEmpty()) {
                    lines.add("");
                }
                lines.add(turn.text(heading));
            }
            group = node.step();
            lines.add("• " + turn.text(node.label()) + ": " + value(turn, node, turn.state().answers().get(node.key())));
        }
        return String.join("\n", lines);
    }

    private static String value(Turn turn, NodeDefinition node, Answer answer) {
        if (answer.skipped()) {
            return turn.msg(MessageKey.SUMMARY_SKIPPED);
        }
        if (node.secret() != null) {
            return turn.text(node.secret()); // never the answer itself: someone else may see the screen
        }
        String text = NodeHandlers.ofAnswerKind(answer.kind())
                .map(handler -> handler.summaryValue(turn, node, answer))
                .orElseGet(() -> Objects.requireNonNullElse(answer.value(), ""));
        return shorten(SPACES_RUN.matcher(text).replaceAll(" "));
    }

    /** The label of an option of this node in the person's language; the id itself if the node has no options. */
    static String optionLabel(Turn turn, NodeDefinition node, String id) {
        if (!NodeHandlers.rulesOf(node.kind()).options()) {
            return id;
        }
        return node.options().stream().filter(option -> option.id().equals(id)).findFirst()
                .map(option -> turn.text(option.label())).orElse(id);
    }

    private static String shorten(String text) {
        return text.length() <= MAX_VALUE ? text : text.substring(0, MAX_VALUE - 1).stripTrailing() + "…";
    }
}
