package id.ruangaman.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import id.ruangaman.conversation.Flow;
import id.ruangaman.conversation.FlowLoader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A revision of the intake stored by an earlier deployment (flow_revision), written before the engine learned a new
 * system message, is loaded again at start-up with that message taken from today's file, so the sessions pinned to it
 * finish on it instead of being moved mid-story with "our questions have just been updated".
 */
@QuarkusTest
class EarlierFlowRevisionTest {

    @Inject
    FlowRegistry registry;
    @Inject
    EntityManager em;

    @Test
    void shouldLoadAStoredRevisionThatLacksAMessageTheEngineGainedSince() throws Exception {
        String today = Files.readString(Path.of("conversations/intake.yaml"));
        String block = "  nothing_selected:\n";
        int at = today.indexOf(block);
        assertTrue(at > 0, "the shipped intake's messages moved");
        int end = at + block.length();
        while (today.startsWith("    ", end)) {
            end = today.indexOf('\n', end) + 1;
        }
        byte[] stored = (today.substring(0, at) + today.substring(end)).getBytes(StandardCharsets.UTF_8);
        String revision = FlowLoader.revisionOf(stored);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into flow_revision (flow_id, revision, file_name, "
                + "content, first_loaded_at) values ('intake', ?1, 'intake.yaml', ?2, ?3) on conflict do nothing")
                .setParameter(1, revision).setParameter(2, stored).setParameter(3, Instant.parse("2026-01-01T00:00:00Z")).executeUpdate());

        registry.onStart(new StartupEvent()); // as the next start of the service registers the stored revisions

        // read as a processing worker reads it: inside its own transaction
        Flow earlier = QuarkusTransaction.requiringNew().call(() -> registry.catalog().revision("intake", revision))
                .orElseThrow(() -> new AssertionError("not loaded"));
        assertEquals(registry.current("intake").definition().messages().get("nothing_selected"),
                earlier.definition().messages().get("nothing_selected"));
        assertTrue(!registry.current("intake").revision().equals(revision), "today's file is still the current revision");
    }

    @Test
    void shouldStartWithAStoredRevisionThatNoLongerLoadsAndKeepItUnavailable() {
        byte[] broken = "spec_version: 1\nid: intake\nstart: nowhere\n".getBytes(StandardCharsets.UTF_8);
        String revision = FlowLoader.revisionOf(broken);
        store("intake", revision, "intake.yaml", broken);
        try {
            registry.onStart(new StartupEvent()); // the start does not read it, so cannot fail on it

            assertTrue(registry.catalog().revision("intake", revision).isEmpty(), "a broken stored revision stays unavailable");
            assertEquals(registry.current("intake").revision(), FlowLoader.revisionOf(today()), "today's file stays current");
        } finally {
            forget("intake", revision);
        }
    }

    @Test
    void shouldReadAStoredRevisionOnlyWhenASessionFirstAsksForIt() {
        byte[] stored = (new String(today(), StandardCharsets.UTF_8) + "\n# an earlier edit\n").getBytes(StandardCharsets.UTF_8);
        String revision = FlowLoader.revisionOf(stored);
        store("intake", revision, "intake.yaml", stored);
        registry.onStart(new StartupEvent());
        // Gone before anyone asked: had the start read it, it would still be there. (Rows are never deleted outside tests.)
        forget("intake", revision);

        assertTrue(QuarkusTransaction.requiringNew().call(() -> registry.catalog().revision("intake", revision)).isEmpty(),
                "a revision is fetched and read at its first use, not at start");
    }

    @Test
    void shouldStillReadTheRevisionsOfAFlowWhoseFileIsGoneAndMakeTheNewestCurrent() throws Exception {
        byte[] retired = today().clone();
        String text = new String(retired, StandardCharsets.UTF_8).replaceFirst("(?m)^id: intake$", "id: retired_intake");
        assertTrue(!text.equals(new String(retired, StandardCharsets.UTF_8)), "the shipped intake's id line moved");
        byte[] stored = text.getBytes(StandardCharsets.UTF_8);
        String revision = FlowLoader.revisionOf(stored);
        store("retired_intake", revision, "retired_intake.yaml", stored);
        try {
            registry.onStart(new StartupEvent());

            Flow current = registry.catalog().current("retired_intake");
            assertEquals(revision, current.revision(), "sessions of a removed flow finish on its newest stored revision");
        } finally {
            forget("retired_intake", revision);
        }
    }

    private static byte[] today() {
        try {
            return Files.readAllBytes(Path.of("conversations/intake.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void store(String flowId, String revision, String fileName, byte[] content) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into flow_revision (flow_id, revision, file_name, "
                + "content, first_loaded_at) values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                .setParameter(1, flowId).setParameter(2, revision).setParameter(3, fileName).setParameter(4, content)
                .setParameter(5, Instant.parse("2026-01-02T00:00:00Z")).executeUpdate());
    }

    private void forget(String flowId, String revision) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from flow_revision where flow_id = ?1 and revision = ?2")
                .setParameter(1, flowId).setParameter(2, revision).executeUpdate());
    }
}
