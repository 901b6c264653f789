package id.ruangaman.conversation;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Finds the id of the node a JSON path points into ({@code /nodes/3/...}), for problem messages. */
final class NodeLocator {

    private NodeLocator() {
    }

    static String nodeId(JsonNode tree, String pointer) {
        String[] parts = pointer.split("/");
        if (parts.length < 3 || !"nodes".equals(parts[1])) {
            return null;
        }
        return idAt(tree, parts[2]);
    }

    static String nodeId(JsonNode tree, List<JsonMappingException.Reference> path) {
        if (path.size() < 2 || !"nodes".equals(path.get(0).getFieldName())) {
            return null;
        }
        return idAt(tree, String.valueOf(path.get(1).getIndex()));
    }

    private static String idAt(JsonNode tree, String index) {
        try {
            JsonNode id = tree.path("nodes").path(Integer.parseInt(index)).path("id");
            return id.isTextual() ? id.asText() : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
