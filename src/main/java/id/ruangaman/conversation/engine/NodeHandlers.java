package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.definition.NodeKind;
import java.util.EnumMap;
import java.util.Map;

/** The handler of each question kind. */
final class NodeHandlers {

    private static final Map<NodeKind, NodeHandler> HANDLERS = new EnumMap<>(Map.of(
            NodeKind.SINGLE_CHOICE, new SingleChoiceHandler(),
            NodeKind.YES_NO, new YesNoHandler(),
            NodeKind.MULTI_CHOICE, new MultiChoiceHandler(),
            NodeKind.TEXT, new TextHandler(),
            NodeKind.DATE, new DateHandler(),
            NodeKind.MULTI_TEXT, new MultiTextHandler(),
            NodeKind.MEDIA, new MediaHandler(),
            NodeKind.SUMMARY, new SummaryHandler()));

    private NodeHandlers() {
    }

    static NodeHandler of(NodeKind kind) {
        NodeHandler handler = HANDLERS.get(kind);
        if (handler == null) {
            throw new IllegalArgumentException("not a question kind: " + kind);
        }
        return handler;
    }
}
