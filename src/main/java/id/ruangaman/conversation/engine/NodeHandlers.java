package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.definition.KindRules;
import id.ruangaman.conversation.definition.NodeKind;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The one registration of node kinds: each kind's handler, in this list. Loading fails at once if a kind has no
 * handler or two; {@code KindFixturesTest} fails if a kind has no fixture folder.
 */
public final class NodeHandlers {

    private static final Map<NodeKind, NodeHandler> HANDLERS = index(List.of(
            new MessageHandler(),
            new SingleChoiceHandler(),
            new MultiChoiceHandler(),
            new YesNoHandler(),
            new TextHandler(),
            new MultiTextHandler(),
            new DateHandler(),
            new MediaHandler(),
            new SummaryHandler(),
            new EndHandler(),
            new BranchHandler()));

    private NodeHandlers() {
    }

    /** What a flow file may and must hold for a node of this kind, for the lint. */
    public static KindRules rulesOf(NodeKind kind) {
        return of(kind).rules();
    }

    static NodeHandler of(NodeKind kind) {
        return HANDLERS.get(kind);
    }

    /** The handler of the kind an answer was given to ({@code Answer.kind}); empty for a kind no longer known. */
    static Optional<NodeHandler> ofAnswerKind(String fileName) {
        return Arrays.stream(NodeKind.values()).filter(kind -> kind.fileName().equals(fileName)).findFirst().map(HANDLERS::get);
    }

    /** The handlers by kind; every kind exactly once, else an {@link IllegalStateException} naming the kinds. */
    static Map<NodeKind, NodeHandler> index(List<NodeHandler> handlers) {
        Map<NodeKind, NodeHandler> byKind = new EnumMap<>(NodeKind.class);
        Set<String> twice = new TreeSet<>();
        for (NodeHandler handler : handlers) {
            if (byKind.putIfAbsent(handler.kind(), handler) != null) {
                twice.add(handler.kind().fileName());
            }
        }
        Set<String> missing = Arrays.stream(NodeKind.values()).filter(kind -> !byKind.containsKey(kind))
                .map(NodeKind::fileName).collect(Collectors.toCollection(TreeSet::new));
        if (!missing.isEmpty() || !twice.isEmpty()) {
            throw new IllegalStateException("node kinds without a handler: " + missing + ", with two: " + twice);
        }
        return Map.copyOf(byKind);
    }
}
