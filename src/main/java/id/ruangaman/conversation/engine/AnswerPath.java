package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.Answer;
import id.ruangaman.conversation.Flow;
import id.ruangaman.conversation.definition.ChoiceIds;
import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.NodeKind;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The way through a flow that a set of answers takes, from the start to the summary: each answered question leaves
 * by its answer's exit, a branch by its condition. A change from the summary can open questions further on
 * (safe_to_reply from "Belum aman" to "Ya, aman" opens the contact plan) or close them (the other way round).
 *
 * @param keys       the answer keys of the questions on the way (the answers that are current), and the story's
 *                   where it was told early ({@link StoryToldEarly}), wherever the way goes
 * @param unanswered the questions with a key on the way that have no answer, in flow order
 */
record AnswerPath(Set<String> keys, Set<String> unanswered) {

    private static final int MAX_NODES = 1000;

    /**
     * The way {@code answers} take through {@code flow}. A question without a key, or one with a key that was left
     * without an answer, is passed the way the person went on: a keyless question by its first option (it was answered
     * to get this far: consent, "carry on"), an unanswered one by its {@code on_invalid} exit.
     */
    static AnswerPath of(Flow flow, Map<String, Answer> answers) {
        Set<String> keys = new LinkedHashSet<>();
        Set<String> unanswered = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        String target = flow.start();
        while (target != null && seen.add(target) && seen.size() < MAX_NODES) {
            NodeDefinition node = flow.node(target);
            if (node.kind() == NodeKind.SUMMARY || node.kind() == NodeKind.END) {
                break;
            }
            if (node.kind() == NodeKind.BRANCH) {
                target = Conditions.holds(flow, node.when(), answers) ? node.target(ChoiceIds.YES) : node.next();
            } else if (!NodeHandlers.rulesOf(node.kind()).question()) {
                target = node.next();
            } else if (node.key() == null) {
                target = node.target(firstOption(node));
            } else if (answers.containsKey(node.key())) {
                keys.add(node.key());
                target = exit(node, answers.get(node.key()));
            } else {
                unanswered.add(node.id());
                target = node.onInvalid();
            }
        }
        // the story told early (StoryToldEarly) is the person's story wherever the way goes ("Kirim sekarang" passes it by)
        StoryToldEarly.question(flow).map(NodeDefinition::key).filter(key -> answers.containsKey(key) && !answers.get(key).skipped())
                .ifPresent(keys::add);
        return new AnswerPath(keys, unanswered);
    }

    private static String firstOption(NodeDefinition node) {
        if (node.kind() == NodeKind.YES_NO) {
            return ChoiceIds.YES;
        }
        return node.options().isEmpty() ? "next" : node.options().get(0).id();
    }

    private static String exit(NodeDefinition node, Answer answer) {
        if (answer.skipped()) {
            return node.isSkippable() ? node.target(ChoiceIds.SKIP) : node.onInvalid();
        }
        boolean byValue = node.kind() == NodeKind.SINGLE_CHOICE || node.kind() == NodeKind.YES_NO;
        return node.target(byValue && answer.value() != null ? answer.value() : "next");
    }
}
