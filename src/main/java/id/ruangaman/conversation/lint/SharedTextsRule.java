package id.ruangaman.conversation.lint;

import id.ruangaman.conversation.definition.Discretion;
import id.ruangaman.conversation.definition.LocalizedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The discretion rules for texts kept outside the flows that the chat shows on their own (the notices, the referral
 * texts): a flow's {@link Discretion} applied to a text file the host reads. Included texts ({@code {notice:<name>}})
 * are checked where a node shows them instead ({@code FlowLinter.lintIncludes}).
 * <ul>
 * <li>A text that can begin a message must not show, on its first line, an avoided word, a service name or a
 * placeholder that may name either or a crisis service ({@link Discretion#tellingInFirstLine}): in a discreet chat that
 * line is what a preview shows under the neutral line. Not checked: {@code neverFirst} (button labels, parts of other
 * texts) and a text {@code <key>} with a {@code <key>_discreet} beside it, which a discreet chat gets instead.</li>
 * <li>A text that can be sent before the consent answer (every one not in {@code afterConsent}) must not contain an
 * avoided word anywhere.</li>
 * </ul>
 */
public final class SharedTextsRule {

    private SharedTextsRule() {
    }

    /**
     * @param file         the file's name, to begin each problem ({@code _referral_texts.yaml})
     * @param texts        key to text, as the file holds them
     * @param neverFirst   keys of texts that never begin a message
     * @param afterConsent keys of texts the service sends only after the consent answer
     * @return one line per problem: {@code _notices.yaml: 'flood' (en) begins a message ... shows 'report'}; empty when
     *         the flow has no {@code discretion} block
     */
    public static List<String> check(Discretion discretion, String file, Map<String, LocalizedText> texts,
            Set<String> neverFirst, Set<String> afterConsent) {
        List<String> problems = new ArrayList<>();
        if (discretion == null) {
            return problems;
        }
        new TreeMap<>(texts).forEach((key, text) -> new TreeMap<>(text.values()).forEach((language, value) -> {
            String where = file + ": '" + key + "' (" + language + ")";
            if (!neverFirst.contains(key) && !texts.containsKey(key + "_discreet")) {
                discretion.tellingInFirstLine(value).ifPresent(word ->
                        problems.add(where + " begins a message to a discreet chat and its first line shows '" + word + "'"));
            }
            if (!afterConsent.contains(key)) {
                discretion.avoidedWordIn(value).ifPresent(word ->
                        problems.add(where + " can be sent before consent and contains '" + word + "'"));
            }
        }));
        return problems;
    }
}
