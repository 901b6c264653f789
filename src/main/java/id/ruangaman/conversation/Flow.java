package id.ruangaman.conversation;

import id.ruangaman.conversation.definition.FlowDefinition;
import id.ruangaman.conversation.definition.LocalizedText;
import id.ruangaman.conversation.definition.MessageKey;
import id.ruangaman.conversation.definition.NodeDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** A loaded, lint-clean flow revision. Immutable; build it with {@link FlowLoader}. */
public final class Flow {

    private final FlowDefinition definition;
    private final String revision;
    private final Map<String, NodeDefinition> nodes = new LinkedHashMap<>();
    private final Map<Class<?>, Object> derived = new ConcurrentHashMap<>();

    Flow(FlowDefinition definition, String revision) {
        this.definition = definition;
        this.revision = revision;
        definition.nodes().forEach(node -> nodes.put(node.id(), node));
    }

    public String id() {
        return definition.id();
    }

    public int specVersion() {
        return definition.specVersion();
    }

    /** {@code sha256:<hex>} of the raw file bytes. */
    public String revision() {
        return revision;
    }

    public FlowDefinition definition() {
        return definition;
    }

    public String start() {
        return definition.start();
    }

    public int steps() {
        return definition.steps();
    }

    public List<String> languages() {
        return definition.languages();
    }

    public String defaultLanguage() {
        return definition.languages().get(0);
    }

    public Optional<NodeDefinition> findNode(String nodeId) {
        return Optional.ofNullable(nodeId == null ? null : nodes.get(nodeId));
    }

    public NodeDefinition node(String nodeId) {
        return findNode(nodeId).orElseThrow(() -> new IllegalArgumentException("no node '" + nodeId + "' in flow " + id()));
    }

    public List<NodeDefinition> nodes() {
        return definition.nodes();
    }

    /** The node that asks for an answer key, if any. */
    public Optional<NodeDefinition> nodeForKey(String key) {
        return nodes().stream().filter(node -> key.equals(node.key())).findFirst();
    }

    public LocalizedText message(MessageKey key) {
        return definition.messages().getOrDefault(key.fileName(), new LocalizedText(Map.of()));
    }

    public Optional<LocalizedText> message(String fileKey) {
        return Optional.ofNullable(definition.messages().get(fileKey));
    }

    /**
     * A value worked out from this flow alone, once: the first call for {@code kind} runs {@code work} and keeps its
     * result for the flow's life, later calls return it. For what the engine reads at every reply but depends only on
     * the flow file (the danger question and its words): worked out again at every reply it was a visible share of the
     * processing CPU (issue 16). {@code work} must depend on nothing but the flow and must not call this method
     * itself; a null it returns is not kept (worked out again at the next call).
     *
     * @param kind the value's type, one value per type and flow
     * @param work builds the value from this flow
     * @return the kept value
     */
    public <T> T derived(Class<T> kind, Function<Flow, T> work) {
        return kind.cast(derived.computeIfAbsent(kind, key -> work.apply(this)));
    }

    @Override
    public String toString() {
        return "Flow[" + id() + " " + revision + "]";
    }
}
