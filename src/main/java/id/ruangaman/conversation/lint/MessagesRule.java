package id.ruangaman.conversation.lint;

import id.ruangaman.conversation.definition.FlowDefinition;
import id.ruangaman.conversation.definition.MessageKey;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Every system message the engine needs is present; unknown keys are typos. */
public final class MessagesRule implements LintRule {

    private static final Set<String> KNOWN = Arrays.stream(MessageKey.values())
            .map(MessageKey::fileName).collect(Collectors.toUnmodifiableSet());

    @Override
    public void check(FlowDefinition flow, LintContext context) {
        if (flow.messages().isEmpty()) {
            return;
        }
        for (MessageKey key : MessageKey.values()) {
            if (!flow.messages().containsKey(key.fileName())) {
                context.fileProblem("missing message '" + key.fileName() + "'");
            }
        }
        for (String key : new TreeSet<>(flow.messages().keySet())) {
            if (!KNOWN.contains(key)) {
                context.fileProblem("unknown message '" + key + "'");
            }
        }
    }
}
