package id.ruangaman.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every flow the service ships loads without a single lint problem. */
class ConversationsFolderTest {

    @Test
    void shouldLoadEveryConversationFileWithoutLintProblems() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(Path.of("conversations"))) {
            // Files named _*.yaml are data (notices, canned replies), not flows; FlowRegistry skips them too.
            files = listing.filter(path -> path.toString().endsWith(".yaml"))
                    .filter(path -> !path.getFileName().toString().startsWith("_")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no flow files in conversations/");
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            try {
                Flow flow = new FlowLoader().load(file.getFileName().toString(), Files.readAllBytes(file));
                assertEquals(file.getFileName().toString(), flow.id() + ".yaml", "file name must be the flow id");
            } catch (FlowException e) {
                problems.add(e.getMessage());
            }
        }
        assertEquals(List.of(), problems);
    }
}
