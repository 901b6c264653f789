package id.ruangaman.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.ruangaman.conversation.definition.NodeKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Every {@link NodeKind} has its own folder of golden fixtures, and every fixture plays as recorded. */
class KindFixturesTest {

    @Test
    void shouldHaveAFixtureFolderForEveryKind() throws IOException {
        assertEquals(List.of(), KindFixtures.problems(EnumSet.allOf(NodeKind.class), KindFixtures.ROOT));
    }

    @TestFactory
    Stream<DynamicContainer> shouldPlayEveryKindFixtureAsRecorded() {
        return Stream.of(NodeKind.values()).map(kind -> {
            Path folder = KindFixtures.ROOT.resolve(kind.fileName());
            try {
                return DynamicContainer.dynamicContainer(kind.fileName(), GoldenFiles.scripts(folder).stream()
                        .map(script -> DynamicTest.dynamicTest(script.getFileName().toString(), () -> GoldenFiles.check(script))));
            } catch (IOException e) {
                return DynamicContainer.dynamicContainer(kind.fileName(), Stream.of(DynamicTest.dynamicTest("folder",
                        () -> { throw e; })));
            }
        });
    }

    @Test
    void shouldReportAKindWithoutAFolder(@TempDir Path root) throws IOException {
        for (NodeKind kind : NodeKind.values()) {
            if (kind != NodeKind.DATE) {
                complete(root.resolve(kind.fileName()));
            }
        }
        assertEquals(List.of("kind 'date' has no fixture folder " + root.resolve("date")),
                KindFixtures.problems(EnumSet.allOf(NodeKind.class), root));
    }

    @Test
    void shouldReportAMissingCaseAndAFolderThatIsNoKind(@TempDir Path root) throws IOException {
        for (NodeKind kind : NodeKind.values()) {
            complete(root.resolve(kind.fileName()));
        }
        Files.delete(root.resolve("media/unexpected.yaml"));
        Files.delete(root.resolve("yes_no/answer_en.expected.json"));
        Files.createDirectories(root.resolve("multiple_choice"));
        assertEquals(List.of("kind 'yes_no' has no answer_en.expected.json", "kind 'media' has no unexpected.yaml",
                "fixture folder 'multiple_choice' is not a node kind"),
                KindFixtures.problems(EnumSet.allOf(NodeKind.class), root));
    }

    private static void complete(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(KindFixtures.FLOW), "");
        for (String name : KindFixtures.CASES) {
            Files.writeString(folder.resolve(name + ".yaml"), "");
            Files.writeString(folder.resolve(name + GoldenFiles.EXPECTED), "");
        }
    }
}
