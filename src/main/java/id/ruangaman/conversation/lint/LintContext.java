package id.ruangaman.conversation.lint;

import id.ruangaman.conversation.LintProblem;
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

/** Collects problems for one file and offers lookups shared by the rules. */
public final class LintContext {

    private final String file;
    private final List<LintProblem> problems = new ArrayList<>();
    private final Map<String, NodeDefinition> nodesById = new LinkedHashMap<>();
    private final Function<NodeKind, KindRules> rules;

    /** {@code rules}: what each kind's handler declares a node of its kind may and must hold. */
    public LintContext(String file, FlowDefinition flow, Function<NodeKind, KindRules> rules) {
        this.file = file;
        this.rules = rules;
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

    public List<LintProblem> problems() {
        return List.copyOf(problems);
    }
}
