package id.ruangaman.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The survivor's /status never hints at the examination's stages: they read as "being handled by a counsellor". */
class SurvivorStatusTest {

    @Test
    void shouldShowTheExaminationStagesAsBeingHandled() {
        for (String stage : new String[] { "in_examination", "concluded", "decided" }) {
            assertEquals("in_verification", EngineProducer.survivorStatus(stage, false), stage);
        }
        for (String status : new String[] { "new", "in_verification", "verified", "referred", "closed" }) {
            assertEquals(status, EngineProducer.survivorStatus(status, false));
        }
    }

    /** Walkthrough 9, finding 4: after the counsellor's first reply a new case is no longer "waiting for a counsellor". */
    @Test
    void shouldShowANewCaseAsBeingHandledOnceACounsellorHasWritten() {
        assertEquals("in_verification", EngineProducer.survivorStatus("new", true));
        for (String status : new String[] { "verified", "referred", "closed" }) {
            assertEquals(status, EngineProducer.survivorStatus(status, true), status);
        }
    }
}
