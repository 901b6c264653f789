package id.ruangaman.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FlowLoaderTest {

    static final Path TINY_V1 = Path.of("src/test/resources/conversation/flows/tiny-v1.yaml");
    static final Path TINY_V2 = Path.of("src/test/resources/conversation/flows/tiny-v2.yaml");

    static Flow load(Path file) throws IOException {
        return new FlowLoader().load(file.getFileName().toString(), Files.readAllBytes(file));
    }

    @Test
    void shouldReadTheHeaderAndHashTheRawBytesAsRevision() throws IOException {
        Flow flow = load(TINY_V1);
        assertEquals("tiny", flow.id());
        assertEquals(1, flow.specVersion());
        assertEquals(2, flow.steps());
        assertEquals("id", flow.defaultLanguage());
        assertEquals(FlowLoader.revisionOf(Files.readAllBytes(TINY_V1)), flow.revision());
        assertTrue(flow.revision().matches("sha256:[0-9a-f]{64}"));
    }

    @Test
    void shouldGiveADifferentRevisionWhenTheFileChanges() throws IOException {
        assertTrue(!load(TINY_V1).revision().equals(load(TINY_V2).revision()));
    }

    @Test
    void shouldKnowTheSha256OfAKnownInput() {
        assertEquals("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                FlowLoader.revisionOf("abc".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void shouldRejectSomethingThatIsNotAMapping() {
        FlowException error = assertThrows(FlowException.class, () -> new FlowLoader().load("list.yaml", "- a\n- b\n".getBytes()));
        assertEquals("list.yaml: not a YAML mapping", error.getMessage());
    }

    @Test
    void shouldPrintProblemsWithAndWithoutNode() {
        assertEquals("intake.yaml: node 'consent': dangling exit 'yes' -> 'nowhere'",
                new LintProblem("intake.yaml", "consent", "dangling exit 'yes' -> 'nowhere'").toString());
        assertEquals("intake.yaml: missing field 'start'", new LintProblem("intake.yaml", null, "missing field 'start'").toString());
    }
}
