package id.ruangaman.conversation;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * In-memory registry of flow revisions. The newest revision added for an id is current; older ones stay available so
 * running sessions keep the revision they started on.
 *
 * <p>An older revision can also be registered unread ({@link #addStored}): it is read the first time a session asks
 * for it, once, so a start does not read every revision a deployment has ever stored (each costs as much as the
 * current flow file: about 65 ms of a start on two cores, measured with 20 stored revisions, docs/benchmark.md).
 */
public final class FlowCatalog {

    private final Map<String, Map<String, Revision>> revisions = new ConcurrentHashMap<>();
    private final Map<String, Flow> current = new ConcurrentHashMap<>();

    /** Adds a read revision and makes it the flow's current one. */
    public synchronized void add(Flow flow) {
        revisions.computeIfAbsent(flow.id(), id -> new ConcurrentHashMap<>()).put(flow.revision(), new Revision(flow));
        current.put(flow.id(), flow);
    }

    /**
     * Registers an older revision without reading it; it never becomes current. {@code read} runs the first time
     * {@link #revision} asks for it, at most once, on the asking thread; its empty answer (a revision that no longer
     * loads) is kept too. A revision already known is left as it is.
     */
    public void addStored(String flowId, String revision, Supplier<Optional<Flow>> read) {
        revisions.computeIfAbsent(flowId, id -> new ConcurrentHashMap<>()).putIfAbsent(revision, new Revision(read));
    }

    /** The newest revision of a flow; throws if the flow is unknown. */
    public Flow current(String flowId) {
        Flow flow = current.get(flowId);
        if (flow == null) {
            throw new IllegalArgumentException("unknown flow '" + flowId + "'");
        }
        return flow;
    }

    /** A revision of a flow, read now if it was stored unread; empty if unknown or if it no longer loads. */
    public Optional<Flow> revision(String flowId, String revision) {
        Revision known = revisions.getOrDefault(flowId, Map.of()).get(revision);
        return known == null ? Optional.empty() : known.flow();
    }

    /** One revision, read or still to read; a second caller waits for the first one's read. */
    private static final class Revision {
        private Supplier<Optional<Flow>> read;
        private Optional<Flow> flow;

        Revision(Flow flow) {
            this.flow = Optional.of(flow);
        }

        Revision(Supplier<Optional<Flow>> read) {
            this.read = read;
        }

        synchronized Optional<Flow> flow() {
            if (flow == null) {
                flow = read.get();
                read = null;
            }
            return flow;
        }
    }
}
