package id.ruangaman.intake;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import id.ruangaman.conversation.EngineSettings;
import id.ruangaman.conversation.Flow;
import id.ruangaman.conversation.FlowEngine;
import id.ruangaman.conversation.RandomReferenceCodes;
import id.ruangaman.conversation.SessionState;
import id.ruangaman.conversation.ShippedFlows;

/**
 * The shipped intake flow ({@code conversations/intake.yaml}) and an engine that reads replies with the shipped answer
 * words ({@code conversations/_answer_words.yaml}), as the service runs them: two retries, Asia/Jakarta, the clock fixed
 * at 2026-12-02 10:00 in Jakarta. For engine-level tests of how typed replies are read.
 */
final class ShippedIntake {

    final Flow flow;
    final FlowEngine engine;

    private ShippedIntake(Flow flow, FlowEngine engine) {
        this.flow = flow;
        this.engine = engine;
    }

    /** Reads the shipped files; an unreadable file fails the test class. */
    static ShippedIntake load() {
        Flow flow = ShippedFlows.intake();
        EngineSettings settings = new EngineSettings(2, Duration.ofMinutes(30), Duration.ofHours(24), ZoneId.of("Asia/Jakarta"),
                EngineSettings.DEFAULT_THREAD_QUIET_PERIOD, AnswerWordsFile.read(Path.of("conversations")));
        FlowEngine engine = new FlowEngine(settings, Clock.fixed(Instant.parse("2026-12-02T03:00:00Z"), ZoneId.of("UTC")),
                new RandomReferenceCodes(), code -> Optional.empty());
        return new ShippedIntake(flow, engine);
    }

    /** A new session in {@code language} standing at the question {@code nodeId}. */
    SessionState at(String nodeId, String language) {
        return engine.start(flow).state().withLanguage(language).atNode(nodeId);
    }
}
