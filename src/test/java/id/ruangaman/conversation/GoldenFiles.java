package id.ruangaman.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A golden script ({@code <case>.yaml}) and its expected result ({@code <case>.expected.json} beside it), played
 * by {@link GoldenRun}. With {@code -Dupdate.golden=true} the expected file is rewritten instead, to be reviewed.
 */
final class GoldenFiles {

    static final String EXPECTED = ".expected.json";
    private static final boolean UPDATE = Boolean.getBoolean("update.golden");

    private GoldenFiles() {
    }

    /** The scripts in a folder, sorted by name: every {@code .yaml} file except the folder's {@code flow.yaml}. */
    static List<Path> scripts(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(path -> path.toString().endsWith(".yaml"))
                    .filter(path -> !path.getFileName().toString().equals(KindFixtures.FLOW)).sorted().toList();
        }
    }

    static Path expectedOf(Path script) {
        return script.resolveSibling(script.getFileName().toString().replace(".yaml", EXPECTED));
    }

    static void check(Path script) throws IOException {
        Map<String, Object> steps = new YAMLMapper().readValue(script.toFile(), new TypeReference<>() { });
        String actual = pretty(new GoldenRun().play(steps));
        Path expected = expectedOf(script);
        if (UPDATE) {
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.exists(expected), "missing " + expected + " (run with -Dupdate.golden=true and review it)");
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8).replace("\r\n", "\n"), actual,
                "golden mismatch for " + script);
    }

    private static String pretty(ObjectNode node) throws IOException {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        return new ObjectMapper().writer(printer).writeValueAsString(node) + "\n";
    }
}
