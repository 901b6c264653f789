package id.ruangaman.conversation.lint;

import id.ruangaman.conversation.LintProblem;
import id.ruangaman.conversation.SharedTexts;
import id.ruangaman.conversation.definition.LocalizedText;
import id.ruangaman.conversation.definition.FlowDefinition;
import id.ruangaman.conversation.definition.KindRules;
import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.NodeKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Collects problems for one file and offers lookups shared by the rules. */
public final class LintContext {

    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private final String file;
    private final List<LintProblem> problems = new ArrayList<>();
    private final Map<String, NodeDefinition> nodesById = new LinkedHashMap<>();
    private static final Pattern NOTICE = Pattern.compile("\\{notice:([a-z0-9_]+)}");

    private final Function<NodeKind, KindRules> rules;
    private final SharedTexts shared;
    private final String defaultLanguage;

    /** {@code rules}: what each kind's handler declares a node of its kind may and must hold. */
    public LintContext(String file, FlowDefinition flow, Function<NodeKind, KindRules> rules) {
        this(file, flow, rules, SharedTexts.NONE);
    }

    /**
     * {@code shared}: the texts nodes include as {@code {notice:<name>}}, so a rule checks a text as the chat shows it
     * ({@link #asShown}); {@link SharedTexts#NONE} leaves the includes as written.
     */
    public LintContext(String file, FlowDefinition flow, Function<NodeKind, KindRules> rules, SharedTexts shared) {
        this.file = file;
        this.rules = rules;
        this.shared = shared;
        this.defaultLanguage = flow.languages().isEmpty() ? null : flow.languages().get(0);
        for (NodeDefinition node : flow.nodes()) {
            if (node.id() != null) {
                nodesById.putIfAbsent(node.id(), node);
            }
        }
    }

    public void fileProblem(String problem) {
        problems.add(new LintProblem(file, null, problem));
    }

    public void problem(NodeDefinition node, String problem) {
        problems.add(new LintProblem(file, node.id(), problem));
    }

    public boolean hasNode(String id) {
        return nodesById.containsKey(id);
    }

    public Optional<NodeDefinition> node(String id) {
        return Optional.ofNullable(nodesById.get(id));
    }

    public Optional<NodeDefinition> nodeForKey(String key) {
        return nodesById.values().stream().filter(node -> key.equals(node.key())).findFirst();
    }

    /** The rules of a node's kind; the node's kind must not be null. */
    public KindRules rules(NodeDefinition node) {
        return rules.apply(node.kind());
    }

    /** Whether the node waits for the person; false for a node without a kind. */
    public boolean isQuestion(NodeDefinition node) {
        return node.kind() != null && rules(node).question();
    }

    /**
     * {@code text} as the chat shows it: each {@code {notice:<name>}} replaced by that shared text in the same language
     * (else the flow's first language), as the engine fills it; an include without a shared text is left as written
     * when no shared texts were given, and dropped otherwise. Null stays null.
     */
    public LocalizedText asShown(LocalizedText text) {
        if (text == null || shared == SharedTexts.NONE) {
            return text;
        }
        Map<String, String> shown = new LinkedHashMap<>();
        text.values().forEach((language, value) -> {
            if (!value.contains("{notice:")) {
                shown.put(language, value);
                return;
            }
            Matcher matcher = NOTICE.matcher(value);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                String notice = shared.text(matcher.group(1)).map(t -> t.in(language, defaultLanguage).strip()).orElse("");
                matcher.appendReplacement(out, Matcher.quoteReplacement(notice));
            }
            matcher.appendTail(out);
            shown.put(language, BLANK_LINES.matcher(out.toString()).replaceAll("\n\n").strip());
        });
        return new LocalizedText(shown);
    }

    public List<LintProblem> problems() {
        return List.copyOf(problems);
    }
}
