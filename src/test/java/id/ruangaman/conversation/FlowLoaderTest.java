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

    /** What the engine works out from a flow alone is worked out once per flow and kind, and never shared between flows. */
    @Test
    void shouldWorkOutADerivedValueOncePerFlowAndKind() throws IOException {
        Flow first = load(TINY_V1);
        Flow second = load(TINY_V1);
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        String kept = first.derived(String.class, flow -> flow.revision() + "#" + runs.incrementAndGet());
        assertEquals(first.revision() + "#1", kept);
        assertTrue(kept == first.derived(String.class, flow -> "again #" + runs.incrementAndGet()), "worked out again");
        assertEquals(1, runs.get());
        assertEquals(2, first.derived(Integer.class, flow -> runs.incrementAndGet()), "another kind is its own value");
        assertEquals("other #3", second.derived(String.class, flow -> "other #" + runs.incrementAndGet()),
                "another flow object works its own value out");
    }

    @Test
    void shouldKnowTheSha256OfAKnownInput() {
        assertEquals("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                FlowLoader.revisionOf("abc".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * The shipped intake as it was before the engine learned to answer a contact card or a location at a question that
     * does not ask for one: without those two messages, and with one the engine has since dropped.
     */
    static byte[] intakeBeforeSharedItems() throws IOException {
        String yaml = Files.readString(Path.of("conversations/intake.yaml"));
        String contact = "  contact_not_expected:\n    id: \"Kontak itu tidak disimpan";
        String location = "  location_not_expected:\n    id: \"Lokasi itu tidak disimpan";
        assertTrue(yaml.contains(contact) && yaml.contains(location), "the shipped intake's messages moved");
        StringBuilder earlier = new StringBuilder();
        boolean skipping = false;
        for (String line : yaml.split("\n", -1)) {
            if (line.equals("  contact_not_expected:") || line.equals("  location_not_expected:")) {
                skipping = true;
                continue;
            }
            if (skipping && line.startsWith("    ")) {
                continue;
            }
            skipping = false;
            earlier.append(line).append('\n');
            if (line.equals("messages:")) {
                earlier.append("  retired_goodbye:\n    id: \"Sampai jumpa.\"\n    en: \"Goodbye.\"\n");
            }
        }
        return earlier.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void shouldLoadAStoredEarlierRevisionWithTheMessagesTheEngineGainedSinceTakenFromTheCurrentOne() throws IOException {
        Flow current = ShippedFlows.intake();
        byte[] stored = intakeBeforeSharedItems();

        FlowException today = assertThrows(FlowException.class, () -> new FlowLoader().load("intake.yaml", stored));
        assertTrue(today.getMessage().contains("missing message 'contact_not_expected'"), today.getMessage());
        assertTrue(today.getMessage().contains("unknown message 'retired_goodbye'"), today.getMessage());

        Flow earlier = new FlowLoader().loadEarlier("intake.yaml", stored, current);
        assertEquals(FlowLoader.revisionOf(stored), earlier.revision(), "still the stored revision, which sessions are pinned to");
        assertTrue(!earlier.revision().equals(current.revision()));
        assertEquals(current.definition().messages().get("contact_not_expected"), earlier.definition().messages().get("contact_not_expected"));
        assertEquals(current.definition().messages().get("location_not_expected"), earlier.definition().messages().get("location_not_expected"));
        assertTrue(!earlier.definition().messages().containsKey("retired_goodbye"));
    }

    @Test
    void shouldStillRefuseAStoredRevisionThatIsBrokenOtherwise() throws IOException {
        Flow current = ShippedFlows.intake();
        String broken = new String(intakeBeforeSharedItems(), java.nio.charset.StandardCharsets.UTF_8).replaceFirst("\nstart: \\S+", "\nstart: nowhere");
        FlowException error = assertThrows(FlowException.class,
                () -> new FlowLoader().loadEarlier("intake.yaml", broken.getBytes(java.nio.charset.StandardCharsets.UTF_8), current));
        assertTrue(error.getMessage().contains("nowhere"), error.getMessage());
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
