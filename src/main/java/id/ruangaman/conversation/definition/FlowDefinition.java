package id.ruangaman.conversation.definition;

import java.util.List;
import java.util.Map;

/** A flow file, exactly as written (snake_case keys in YAML). */
public record FlowDefinition(
        Integer specVersion,
        String id,
        String start,
        List<String> languages,
        Integer steps,
        Map<String, LocalizedText> messages,
        List<NodeDefinition> nodes) {

    public FlowDefinition {
        languages = languages == null ? List.of() : List.copyOf(languages);
        messages = messages == null ? Map.of() : Map.copyOf(messages);
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }
}
