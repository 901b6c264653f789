package id.ruangaman.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

/**
 * The package order of docs/architecture.md, enforced: arrows run one way, from the features down to the pure engine.
 *
 * <pre>
 * conversation (pure) &lt;- texts &lt;- transcript &lt;- intake &lt;- channel.*
 *                                              intake &lt;- inbox &lt;- referral &lt;- casework
 * security, audit, web, platform: used by the features, use none of them
 * </pre>
 *
 * Checked twice: on the compiled classes (ArchUnit, which also sees fully qualified names and generics) and on the
 * import lines of {@code src/main/java}, the way an import-graph tool reads the sources.
 */
class PackageOrderTest {

    private static final String ROOT = "id.ruangaman";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
        assertTrue(classes.size() > 300, "the service's classes were not found: " + classes.size());
    }

    static LayeredArchitecture packageOrder() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("conversation").definedBy(ROOT + ".conversation..")
                .layer("platform").definedBy(ROOT + ".platform..", ROOT + ".database..")
                .layer("web").definedBy(ROOT + ".web..")
                .layer("audit").definedBy(ROOT + ".audit..")
                .layer("security").definedBy(ROOT + ".security..")
                .layer("texts").definedBy(ROOT + ".texts..")
                .layer("transcript").definedBy(ROOT + ".transcript..")
                .layer("intake").definedBy(ROOT + ".intake..")
                .layer("channel").definedBy(ROOT + ".channel..")
                .layer("inbox").definedBy(ROOT + ".inbox..")
                .layer("referral").definedBy(ROOT + ".referral..")
                .layer("casework").definedBy(ROOT + ".casework..")
                .whereLayer("conversation").mayNotAccessAnyLayer()
                .whereLayer("platform").mayNotAccessAnyLayer()
                .whereLayer("web").mayOnlyAccessLayers("platform")
                .whereLayer("audit").mayOnlyAccessLayers("platform")
                .whereLayer("security").mayOnlyAccessLayers("audit", "web", "platform")
                .whereLayer("texts").mayOnlyAccessLayers("conversation", "platform")
                .whereLayer("transcript").mayOnlyAccessLayers("conversation", "texts", "security", "platform")
                .whereLayer("intake").mayOnlyAccessLayers("conversation", "texts", "transcript", "security", "audit", "platform")
                .whereLayer("channel").mayOnlyAccessLayers("intake", "transcript", "texts", "conversation", "security", "audit",
                        "web", "platform")
                .whereLayer("inbox").mayOnlyAccessLayers("intake", "transcript", "texts", "conversation", "security", "audit",
                        "web", "platform")
                .whereLayer("referral").mayOnlyAccessLayers("inbox", "intake", "transcript", "texts", "conversation",
                        "security", "audit", "web", "platform")
                .whereLayer("casework").mayOnlyAccessLayers("referral", "inbox", "intake", "transcript", "texts",
                        "conversation", "security", "audit", "web", "platform");
    }

    @Test
    void packagesDependOnlyDownwards() {
        packageOrder().because("docs/architecture.md: features depend on the transcript and the engine, never the reverse")
                .check(classes);
    }

    @Test
    void noTwoTopLevelPackagesDependOnEachOther() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    /** The same order read from the sources' import lines: no two top-level packages import each other. */
    @Test
    void importLinesRunOneWay() throws IOException {
        Map<String, Set<String>> imports = importGraph(Path.of("src/main/java/id/ruangaman"));
        assertTrue(imports.size() >= 10, "packages found: " + imports.keySet());
        List<String> mutual = new ArrayList<>();
        imports.forEach((from, targets) -> targets.forEach(to -> {
            if (from.compareTo(to) < 0 && imports.getOrDefault(to, Set.of()).contains(from)) {
                mutual.add(from + " <-> " + to);
            }
        }));
        assertEquals(List.of(), mutual, "top-level packages that import each other");
    }

    @Test
    void theImportReaderFindsAMutualPair() throws IOException {
        Path dir = Files.createTempDirectory("imports");
        write(dir.resolve("a/A.java"), "package id.ruangaman.a;\nimport id.ruangaman.b.B;\nclass A {}\n");
        write(dir.resolve("b/B.java"), "package id.ruangaman.b;\nimport static id.ruangaman.a.A.x;\nclass B {}\n");
        assertEquals(Map.of("a", Set.of("b"), "b", Set.of("a")), importGraph(dir));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static Map<String, Set<String>> importGraph(Path root) throws IOException {
        Pattern importLine = Pattern.compile("^import (?:static )?id\\.ruangaman\\.(\\w+)\\.", Pattern.MULTILINE);
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String from = root.relativize(file).getName(0).toString();
                Set<String> targets = graph.computeIfAbsent(from, key -> new TreeSet<>());
                Matcher matcher = importLine.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (!matcher.group(1).equals(from)) {
                        targets.add(matcher.group(1));
                    }
                }
            }
        }
        return graph;
    }
}
