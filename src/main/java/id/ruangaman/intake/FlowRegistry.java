package id.ruangaman.intake;

import id.ruangaman.texts.ConversationFolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;

import org.hibernate.query.NativeQuery;
import org.jboss.logging.Logger;

import id.ruangaman.conversation.Flow;
import id.ruangaman.conversation.FlowCatalog;
import id.ruangaman.conversation.FlowException;
import id.ruangaman.conversation.FlowLoader;
import id.ruangaman.conversation.LintProblem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Loads the flow files at start-up, refuses to start on a broken one, and keeps every revision ever
 * loaded (in the database) so sessions pinned to an older revision can always finish on it.
 */
@ApplicationScoped
public class FlowRegistry {

    private static final Logger LOG = Logger.getLogger(FlowRegistry.class);

    private final ConversationConfig config;
    private final ConversationFolder folder;
    private final EntityManager em;
    private final Clock clock;
    private final FlowLoader loader = new FlowLoader();
    private final FlowCatalog catalog = new FlowCatalog();
    private final Set<String> flowIds = new TreeSet<>();

    FlowRegistry(ConversationConfig config, ConversationFolder folder, EntityManager em, Clock clock) {
        this.folder = folder;
        this.config = config;
        this.em = em;
        this.clock = clock;
    }

    private record FlowFile(Flow flow, String fileName, byte[] content) {
    }

    /** Before the data files ({@code _*.yaml}) are read, so a broken flow is always the first problem reported. */
    void onStart(@Observes @jakarta.annotation.Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION) StartupEvent event) {
        List<FlowFile> files = loadFiles(folder.folder());
        List<Flow> fromFiles = files.stream().map(FlowFile::flow).toList();
        QuarkusTransaction.requiringNew().run(() -> {
            files.forEach(this::remember);
            loadEarlierRevisions(fromFiles);
        });
        fromFiles.forEach(catalog::add);
        fromFiles.forEach(flow -> flowIds.add(flow.id()));
        if (!flowIds.contains(config.defaultFlow())) {
            throw new ConfigurationException("The default flow '" + config.defaultFlow() + "' is not among the flow files in "
                    + folder.folder().toAbsolutePath() + " (RUANGAMAN_CONVERSATION_DEFAULT_FLOW)");
        }
        fromFiles.forEach(flow -> LOG.infof("Flow %s is at revision %s", flow.id(), flow.revision()));
    }

    public Flow current(String flowId) {
        return catalog.current(flowId);
    }

    /** Every loaded revision; the engine picks the pinned one, or the current one on a restart. */
    public FlowCatalog catalog() {
        return catalog;
    }

    public Set<String> flowIds() {
        return Set.copyOf(flowIds);
    }

    private List<FlowFile> loadFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new ConfigurationException("The flow folder " + directory.toAbsolutePath()
                    + " does not exist (RUANGAMAN_CONVERSATION_FLOWS_DIRECTORY)");
        }
        List<FlowFile> flows = new ArrayList<>();
        List<LintProblem> problems = new ArrayList<>();
        for (Path file : flowFiles(directory)) {
            try {
                String name = file.getFileName().toString();
                byte[] content = Files.readAllBytes(file);
                flows.add(new FlowFile(loader.load(name, content), name, content));
            } catch (FlowException e) {
                problems.addAll(e.problems());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the flow file " + file, e);
            }
        }
        if (!problems.isEmpty()) {
            StringBuilder message = new StringBuilder("Broken flow files; fix them and start again:");
            problems.forEach(problem -> message.append("\n  ").append(problem));
            throw new ConfigurationException(message.toString());
        }
        return flows;
    }

    /** Flow files are the {@code *.yaml} files of the folder, except data files named {@code _*.yaml}. */
    static List<Path> flowFiles(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".yaml"))
                    .filter(file -> !file.getFileName().toString().startsWith("_"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the flow folder " + directory, e);
        }
    }

    private void remember(FlowFile file) {
        em.createNativeQuery("insert into flow_revision (flow_id, revision, file_name, content, first_loaded_at) "
                + "values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                .setParameter(1, file.flow().id())
                .setParameter(2, file.flow().revision())
                .setParameter(3, file.fileName())
                .setParameter(4, file.content())
                .setParameter(5, Instant.now(clock))
                .executeUpdate();
    }

    /**
     * Registers every stored revision that is not today's. One of a flow that still has a file is read, content and
     * all, only when a session pinned to it continues ({@link FlowCatalog#addStored}), with the messages the engine has
     * gained since taken from today's revision ({@link FlowLoader#loadEarlier}): a start then costs the same whatever
     * the history (each revision read here took about 65 ms of a start, and its content 2-3 ms to fetch). One of a
     * flow whose file is gone is read now, as before, since its newest revision becomes that flow's current one.
     */
    private void loadEarlierRevisions(List<Flow> current) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select flow_id, revision, file_name from flow_revision order by first_loaded_at").getResultList();
        int stored = 0;
        for (Object[] row : rows) {
            String flowId = (String) row[0];
            String revision = (String) row[1];
            String fileName = (String) row[2];
            Optional<Flow> today = current.stream().filter(f -> f.id().equals(flowId)).findFirst();
            if (today.isEmpty()) {
                byte[] content = content(flowId, revision).orElseThrow();
                readEarlier(flowId, revision, () -> loader.loadStored(fileName, content)).ifPresent(catalog::add);
            } else if (!today.get().revision().equals(revision)) {
                Flow todays = today.get();
                catalog.addStored(flowId, revision, () -> readStored(flowId, revision, fileName, todays));
                stored++;
            }
        }
        if (stored > 0) {
            LOG.infof("%d earlier flow revisions stored; each is read when a session pinned to it continues", stored);
        }
    }

    /**
     * Fetches and reads a revision registered unread, in the asking session's transaction (or a new one). Empty, with a
     * warning, if its row is gone or it does not load; a database error propagates, so the next ask tries again.
     */
    private Optional<Flow> readStored(String flowId, String revision, String fileName, Flow todays) {
        Optional<byte[]> content = QuarkusTransaction.joiningExisting().call(() -> content(flowId, revision));
        if (content.isEmpty()) {
            LOG.warnf("Stored revision %s of flow %s is no longer in flow_revision", revision, flowId);
            return Optional.empty();
        }
        return readEarlier(flowId, revision, () -> loader.loadEarlier(fileName, content.get(), todays));
    }

    /**
     * The stored file of a revision, if its row is there ({@code flow_revision} rows are never deleted). It flushes
     * nothing: the asking session's pending writes stay where they are while the revision's read waits for this.
     */
    private Optional<byte[]> content(String flowId, String revision) {
        @SuppressWarnings("unchecked")
        List<byte[]> rows = em.createNativeQuery("select content from flow_revision where flow_id = ?1 and revision = ?2")
                .setParameter(1, flowId).setParameter(2, revision).setFlushMode(FlushModeType.COMMIT)
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("flow_revision").getResultList();
        return rows.stream().findFirst();
    }

    private interface Read {
        Flow read() throws FlowException;
    }

    /**
     * A stored revision read; empty if it no longer passes today's linter (a warning) or the reading failed in another
     * way (an error): it stays unavailable, and sessions pinned to it continue on the current revision.
     */
    private static Optional<Flow> readEarlier(String flowId, String revision, Read read) {
        try {
            return Optional.of(read.read());
        } catch (FlowException e) {
            LOG.warnf("Stored revision %s of flow %s no longer loads (%d problems)", revision, flowId, e.problems().size());
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.errorf("Stored revision %s of flow %s could not be read (%s)", revision, flowId, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
