package id.ruangaman.conversation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory registry of flow revisions. The newest revision added for an id is current; older ones stay available so
 * running sessions keep the revision they started on.
 */
public final class FlowCatalog {

    private final Map<String, Map<String, Flow>> revisions = new ConcurrentHashMap<>();
    private final Map<String, Flow> current = new ConcurrentHashMap<>();

    public synchronized void add(Flow flow) {
        revisions.computeIfAbsent(flow.id(), id -> new LinkedHashMap<>()).put(flow.revision(), flow);
        current.put(flow.id(), flow);
    }

    /** The newest revision of a flow; throws if the flow is unknown. */
    public Flow current(String flowId) {
        Flow flow = current.get(flowId);
        if (flow == null) {
            throw new IllegalArgumentException("unknown flow '" + flowId + "'");
        }
        return flow;
    }

    public synchronized Optional<Flow> revision(String flowId, String revision) {
        return Optional.ofNullable(revisions.getOrDefault(flowId, Map.of()).get(revision));
    }
}
