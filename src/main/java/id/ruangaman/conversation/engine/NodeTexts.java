package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.Answer;
import id.ruangaman.conversation.definition.LocalizedText;
import id.ruangaman.conversation.definition.MessageKey;
import id.ruangaman.conversation.definition.NodeDefinition;
import java.util.Map;

/** The words of a node for this person: variant by earlier answer, language, placeholders, progress line. */
final class NodeTexts {

    private NodeTexts() {
    }

    static String text(Turn turn, NodeDefinition node) {
        LocalizedText text = node.text();
        if (node.textBy() != null) {
            Answer answer = turn.state().answers().get(node.textBy().answer());
            if (answer != null && answer.value() != null && node.textBy().variants().containsKey(answer.value())) {
                text = node.textBy().variants().get(answer.value());
            }
        }
        if (text == null) {
            return "";
        }
        String code = turn.state().referenceCode() == null ? "" : turn.state().referenceCode();
        return Placeholders.fill(text.in(turn.lang(), turn.flow().defaultLanguage()), Map.of("reference_code", code));
    }

    static String progressAndText(Turn turn, NodeDefinition node) {
        if (node.step() == null) {
            return text(turn, node);
        }
        String progress = turn.msg(MessageKey.PROGRESS, "n", String.valueOf(node.step()), "total", String.valueOf(turn.flow().steps()));
        return progress + "\n\n" + text(turn, node);
    }
}
