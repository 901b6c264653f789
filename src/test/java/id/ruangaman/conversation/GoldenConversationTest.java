package id.ruangaman.conversation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden conversations: each {@code golden/<case>.yaml} script is played and compared with
 * {@code <case>.expected.json}. Run with {@code -Dupdate.golden=true} to rewrite the expected files, then review them.
 */
class GoldenConversationTest {

    private static final Path DIR = Path.of("src/test/resources/conversation/golden");

    @TestFactory
    Stream<DynamicTest> goldenConversations() throws IOException {
        List<Path> scripts = GoldenFiles.scripts(DIR);
        assertTrue(scripts.size() >= 15, "expected the full set of golden cases");
        return scripts.stream().map(script -> DynamicTest.dynamicTest(script.getFileName().toString(),
                () -> GoldenFiles.check(script)));
    }
}
