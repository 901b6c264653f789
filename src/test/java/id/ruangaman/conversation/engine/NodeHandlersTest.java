package id.ruangaman.conversation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import id.ruangaman.conversation.definition.NodeKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The registration of kinds: every {@link NodeKind} has exactly one handler, and the check names what is wrong. */
class NodeHandlersTest {

    @ParameterizedTest
    @EnumSource(NodeKind.class)
    void shouldHaveTheHandlerOfEveryKind(NodeKind kind) {
        assertEquals(kind, NodeHandlers.of(kind).kind());
    }

    @Test
    void shouldRefuseAListMissingAKindOrHavingOneTwice() {
        List<NodeHandler> handlers = new ArrayList<>(Arrays.stream(NodeKind.values()).map(NodeHandlers::of).toList());
        assertEquals(NodeKind.values().length, NodeHandlers.index(handlers).size());
        handlers.removeIf(handler -> handler.kind() == NodeKind.DATE);
        handlers.add(new TextHandler());
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> NodeHandlers.index(handlers));
        assertEquals("node kinds without a handler: [date], with two: [text]", error.getMessage());
    }

    @Test
    void shouldFindTheHandlerOfAnAnswerByItsKindName() {
        assertEquals(NodeKind.MULTI_TEXT, NodeHandlers.ofAnswerKind("multi_text").orElseThrow().kind());
        assertEquals(java.util.Optional.empty(), NodeHandlers.ofAnswerKind("checkbox"));
    }
}
