package id.ruangaman.conversation.definition;

import java.util.List;
import java.util.Map;

/**
 * A flow file, exactly as written (snake_case keys in YAML). {@code conditions}: name to clauses that must all hold
 * (used by {@code branch} nodes and reported as flags on submission, in file order); {@code discretion}: see
 * {@link Discretion}; {@code stepNames}: step number (as text) to the heading of that group in the summary.
 */
public record FlowDefinition(
        Integer specVersion,
        String id,
        String start,
        List<String> languages,
        Integer steps,
        Map<String, LocalizedText> messages,
        List<NodeDefinition> nodes,
        Map<String, List<Condition>> conditions,
        Discretion discretion,
        Map<String, LocalizedText> stepNames) {

    public FlowDefinition {
        conditions = conditions == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(conditions));
        stepNames = stepNames == null ? Map.of() : Map.copyOf(stepNames);
        languages = languages == null ? List.of() : List.copyOf(languages);
        messages = messages == null ? Map.of() : Map.copyOf(messages);
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }
}
