package id.ruangaman.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The survivor's /status never hints at the examination's stages: they read as "being handled by a counsellor". */
class SurvivorStatusTest {

    @Test
    void shouldShowTheExaminationStagesAsBeingHandled() {
        for (String stage : new String[] { "in_examination", "concluded", "decided" }) {
            assertEquals("in_verification", EngineProducer.survivorStatus(stage), stage);
        }
        for (String status : new String[] { "new", "in_verification", "verified", "referred", "closed" }) {
            assertEquals(status, EngineProducer.survivorStatus(status));
        }
    }
}
