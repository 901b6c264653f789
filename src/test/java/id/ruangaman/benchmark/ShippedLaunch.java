package id.ruangaman.benchmark;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The JVM options and process environment a replica of {@code deploy/kubernetes/deployment.yaml} runs with, so the
 * benchmark measures the service launched the shipped way: the container's {@code JAVA_OPTS_APPEND} and
 * {@code MALLOC_ARENA_MAX}, and its memory limit given to the JVM as {@code -XX:MaxRAM} (what the JVM reads from the
 * pod's cgroup; so {@code -XX:MaxRAMPercentage} sizes the heap, and the initial heap and the collector come out as in
 * the pod). The image carries an AppCDS archive trained by one start of the service (deploy/appcds-training.sh); here
 * the first service launched after the jar was built lists the classes it loads, the next launch dumps the archive
 * from that list with the same script, and it and every later one map it. The JVM runs from the jar's folder with a
 * relative {@code -jar quarkus-run.jar}, as in the image, since the archive records the jar's path.
 */
record ShippedLaunch(long memoryLimitBytes, List<String> javaOptions, Map<String, String> environment) {

    static final Path DEPLOYMENT = Path.of("deploy", "kubernetes", "deployment.yaml");
    /** Next to the jar, as in the image. */
    static final String CDS_ARCHIVE = "app-cds.jsa";
    /** The classes the training start loaded ({@code -XX:DumpLoadedClassList}), next to the jar. */
    static final String CLASS_LIST = "app-cds.classlist";
    static final Path TRAINING = Path.of("deploy", "appcds-training.sh");
    /**
     * Where each launched JVM's console goes: the services' ({@code service-<database>-<n>.log}, {@code <n>} a random
     * number, so a phase's several services are told apart by their times) and the archive's dump
     * ({@code appcds-dump-<n>.log}). It is the results' folder ({@code LoadBenchmark.OUT}), so the next run empties it
     * with them and a diagnosis's JVM output (for instance {@code -XX:+PrintCompilation} through
     * {@code benchmark.jvm-options}) is found there, instead of piling up in the temporary directory run after run.
     */
    static final Path LOGS = Path.of("target", "benchmark");
    /** Environment variables of the container that act on the process itself rather than on the service's settings. */
    private static final List<String> PROCESS_ENVIRONMENT = List.of("MALLOC_ARENA_MAX");

    /**
     * Reads the service container of the deployment.
     *
     * @param memoryLimit a Kubernetes quantity ({@code 512Mi}) to use instead of the container's limit, or null
     */
    static ShippedLaunch fromDeployment(Path deployment, String memoryLimit) throws IOException {
        Deployment parsed = new KubernetesSerialization().unmarshal(Files.readString(deployment), Deployment.class);
        Container container = parsed.getSpec().getTemplate().getSpec().getContainers().get(0);
        Quantity limit = memoryLimit == null || memoryLimit.isBlank() ? container.getResources().getLimits().get("memory")
                : new Quantity(memoryLimit);
        if (limit == null) {
            throw new IllegalStateException(deployment + ": the container has no memory limit");
        }
        List<String> options = new ArrayList<>();
        Map<String, String> environment = new TreeMap<>();
        for (EnvVar variable : container.getEnv()) {
            if (variable.getName().equals("JAVA_OPTS_APPEND")) {
                options.addAll(words(variable.getValue()));
            } else if (PROCESS_ENVIRONMENT.contains(variable.getName())) {
                environment.put(variable.getName(), variable.getValue());
            }
        }
        return new ShippedLaunch(bytes(limit), List.copyOf(options), Map.copyOf(environment));
    }

    /** The same launch with more JVM options after the shipped ones (a diagnosis such as native memory tracking). */
    ShippedLaunch withExtraOptions(String extra) {
        List<String> options = new ArrayList<>(javaOptions);
        options.addAll(words(extra));
        return new ShippedLaunch(memoryLimitBytes, List.copyOf(options), environment);
    }

    private static List<String> words(String options) {
        return Arrays.stream(options.trim().split("\\s+")).filter(option -> !option.isEmpty()).toList();
    }

    static long bytes(Quantity quantity) {
        BigDecimal amount = Quantity.getAmountInBytes(quantity);
        return amount.longValueExact();
    }

    /**
     * The command that starts the packaged jar, to be run with the jar's folder as working directory. It maps the
     * archive when one was made after the jar was built; with only a class list of this jar it dumps the archive first
     * ({@code deploy/appcds-training.sh dump}); otherwise it deletes what is stale and has this service list its classes.
     *
     * @param java the {@code java} executable
     * @param appFolder the packaged application folder ({@code target/quarkus-app})
     */
    List<String> command(String java, Path appFolder, Path jar) throws IOException {
        List<String> command = new ArrayList<>(List.of(java, "-XX:MaxRAM=" + memoryLimitBytes));
        if (!newerThan(appFolder.resolve(CDS_ARCHIVE), jar) && newerThan(appFolder.resolve(CLASS_LIST), jar)) {
            dumpArchive(java, appFolder);
        }
        if (newerThan(appFolder.resolve(CDS_ARCHIVE), jar)) {
            command.add("-XX:SharedArchiveFile=" + CDS_ARCHIVE);
        } else {
            Files.deleteIfExists(appFolder.resolve(CDS_ARCHIVE));
            Files.deleteIfExists(appFolder.resolve(CLASS_LIST));
            command.add("-XX:DumpLoadedClassList=" + CLASS_LIST);
        }
        command.addAll(javaOptions);
        command.add("-jar");
        command.add(appFolder.relativize(jar).toString());
        return command;
    }

    /** The image's dump step, with this launch's JVM, options and environment. */
    private void dumpArchive(String java, Path appFolder) throws IOException {
        Files.createDirectories(LOGS);
        Path log = Files.createTempFile(LOGS, "appcds-dump-", ".log").toAbsolutePath();
        ProcessBuilder dump = new ProcessBuilder("sh", TRAINING.toAbsolutePath().toString(), "dump").directory(appFolder.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        dump.environment().putAll(environment);
        dump.environment().put("JAVA", java);
        dump.environment().put("JAVA_OPTS_APPEND", String.join(" ", javaOptions));
        dump.environment().put("TRAINING_MAX_RAM", String.valueOf(memoryLimitBytes));
        try {
            if (dump.start().waitFor() != 0) {
                throw new IllegalStateException("the AppCDS archive could not be dumped: " + Files.readString(log));
            }
            if (Files.size(log) == 0) {
                Files.delete(log); // a dump that said nothing leaves no empty file among the results
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether the file exists and was written after the jar (an archive or list of an older jar is of no use). */
    static boolean newerThan(Path file, Path jar) throws IOException {
        return Files.isRegularFile(file) && Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(jar)) > 0;
    }

    /** For the results: the options and environment, with the limit in MiB. */
    String describe(Path appFolder) {
        return "JVM as a replica of " + DEPLOYMENT + " with a " + (memoryLimitBytes >> 20) + " MiB limit: -XX:MaxRAM="
                + memoryLimitBytes + " " + String.join(" ", javaOptions)
                + ", AppCDS archive " + CDS_ARCHIVE + " from the classes of the first service launched after the build (as"
                + " deploy/appcds-training.sh does for the image)"
                + (environment.isEmpty() ? "" : ", " + environment);
    }
}
