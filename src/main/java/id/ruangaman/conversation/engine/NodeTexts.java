package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.Answer;
import id.ruangaman.conversation.definition.LocalizedText;
import id.ruangaman.conversation.definition.MessageKey;
import id.ruangaman.conversation.definition.NodeDefinition;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The words of a node for this person: variant by earlier answer, language, placeholders, progress line. */
final class NodeTexts {

    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private static final Pattern NOTICE = Pattern.compile("\\{notice:([a-z0-9_]+)}");

    private NodeTexts() {
    }

    /** A discreet chat gets the node's {@code discreet_text} where it has one (see Discretion), else as anyone. */
    static String text(Turn turn, NodeDefinition node) {
        return text(turn, node, turn.lang());
    }

    /**
     * The node's words in every flow language, one after the other, while the person has not chosen one
     * ({@link Turn#languageUnknown}); else in theirs, as {@link #text(Turn, NodeDefinition)}. For a message that may come
     * before the language question is answered and is written in one language a version: the emergency numbers for
     * danger typed first (an English speaker's "he's outside" got them in Bahasa Indonesia only). The greeting and the
     * language question are written in both languages in each version, so they keep {@link #text(Turn, NodeDefinition)}.
     */
    static String textInEvery(Turn turn, NodeDefinition node) {
        if (!turn.languageUnknown()) {
            return text(turn, node);
        }
        List<String> texts = turn.flow().languages().stream().map(language -> text(turn, node, language))
                .filter(text -> !text.isEmpty()).distinct().toList();
        return String.join("\n\n", texts);
    }

    private static String text(Turn turn, NodeDefinition node, String language) {
        LocalizedText text = node.text();
        if (turn.state().discreet() && node.discreetText() != null) {
            text = node.discreetText();
        } else if (node.textBy() != null) {
            Answer answer = turn.state().answers().get(node.textBy().answer());
            if (answer != null && answer.value() != null && node.textBy().variants().containsKey(answer.value())) {
                text = node.textBy().variants().get(answer.value());
            }
        }
        if (text == null) {
            return "";
        }
        String code = turn.state().referenceCode() == null ? "" : turn.state().referenceCode();
        String filled = Placeholders.fill(text.in(language, turn.flow().defaultLanguage()), Map.of("reference_code", code));
        return notices(turn, filled, language);
    }

    /** Fills {@code {notice:<name>}} from the shared texts; an absent one leaves no empty lines behind. */
    private static String notices(Turn turn, String text, String language) {
        if (!text.contains("{notice:")) {
            return text;
        }
        Matcher matcher = NOTICE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = turn.context().sharedTexts().text(matcher.group(1))
                    .map(shared -> shared.in(language, turn.flow().defaultLanguage()).strip()).orElse("");
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return BLANK_LINES.matcher(out.toString()).replaceAll("\n\n").strip();
    }

    static String progressAndText(Turn turn, NodeDefinition node) {
        if (node.step() == null) {
            return text(turn, node);
        }
        String progress = turn.msg(MessageKey.PROGRESS, "n", String.valueOf(node.step()), "total", String.valueOf(turn.flow().steps()));
        return progress + "\n\n" + text(turn, node);
    }
}
