package id.ruangaman.conversation;

import java.time.Clock;
import java.util.Optional;

/**
 * The engine the conversation tests run a flow on: the default settings ({@link EngineSettings#defaults()}), every
 * reference code {@value #REFERENCE_CODE}, and no earlier case found by its code. One place to build it, so a new
 * constructor argument is added once.
 */
final class TestEngines {

    /** The reference code every intake submitted on these engines gets. */
    static final String REFERENCE_CODE = "RA-7K2QX";

    private TestEngines() {
    }

    /** On a clock of its own standing at {@link GoldenRun#START}, for tests that never move the time. */
    static FlowEngine atGoldenStart() {
        return on(new MutableClock(GoldenRun.START));
    }

    /** On {@code clock}, which the test may move ({@link MutableClock}). */
    static FlowEngine on(Clock clock) {
        return new FlowEngine(EngineSettings.defaults(), clock, new FixedReferenceCodes(REFERENCE_CODE), code -> Optional.empty());
    }

    /**
     * A session of the shipped {@code intake} on {@code engine} at the story ("Ceritakan apa yang terjadi"), the opening
     * answered with buttons: a victim reporting unwanted messages on campus, safe to reply.
     */
    static SessionState atStory(FlowEngine engine, Flow intake) {
        SessionState state = engine.start(intake).state();
        for (String tap : java.util.List.of("language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes", "reporter_role:victim",
                "send_now:details", "violence_type:unwanted_messages", "violence_type:done", "incident_when:longer",
                "victim_minor:no", "incident_place:campus")) {
            state = engine.handle(intake, state, Input.ButtonPress.fromCallbackData(tap)).state();
        }
        if (!"chronology".equals(state.nodeId())) {
            throw new IllegalStateException("the walk to the story ended at " + state.nodeId());
        }
        return state;
    }

    /** On {@code clock}, with {@code sharedTexts} as the shared notices the flow includes. */
    static FlowEngine on(Clock clock, SharedTexts sharedTexts) {
        return new FlowEngine(EngineSettings.defaults(), clock, new FixedReferenceCodes(REFERENCE_CODE), code -> Optional.empty(),
                sharedTexts);
    }
}
