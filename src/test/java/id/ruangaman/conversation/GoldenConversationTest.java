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
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden conversations: each {@code golden/<case>.yaml} script is played and compared with
 * {@code <case>.expected.json}. Run with {@code -Dupdate.golden=true} to rewrite the expected files, then review them.
 */
class GoldenConversationTest {

    private static final Path DIR = Path.of("src/test/resources/conversation/golden");
    private static final boolean UPDATE = Boolean.getBoolean("update.golden");

    @TestFactory
    Stream<DynamicTest> goldenConversations() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(DIR)) {
            scripts = files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(scripts.size() >= 15, "expected the full set of golden cases");
        return scripts.stream().map(script -> DynamicTest.dynamicTest(script.getFileName().toString(), () -> check(script)));
    }

    private static void check(Path script) throws IOException {
        Map<String, Object> steps = new YAMLMapper().readValue(script.toFile(), new TypeReference<>() { });
        ObjectNode actual = new GoldenRun().play(steps);
        String actualText = pretty(actual);
        Path expected = DIR.resolve(script.getFileName().toString().replace(".yaml", ".expected.json"));
        if (UPDATE) {
            Files.writeString(expected, actualText, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.exists(expected), "missing " + expected + " (run with -Dupdate.golden=true and review it)");
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8).replace("\r\n", "\n"), actualText,
                "golden mismatch for " + script.getFileName());
    }

    private static String pretty(ObjectNode node) throws IOException {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        return new ObjectMapper().writer(printer).writeValueAsString(node) + "\n";
    }
}
