package id.ruangaman.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

        registry.onStart(new StartupEvent()); // as the next start of the service reads the stored revisions

        Flow earlier = registry.catalog().revision("intake", revision).orElseThrow(() -> new AssertionError("not loaded"));
        assertEquals(registry.current("intake").definition().messages().get("nothing_selected"),
                earlier.definition().messages().get("nothing_selected"));
        assertTrue(!registry.current("intake").revision().equals(revision), "today's file is still the current revision");
    }
}
