package id.ruangaman.intake;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * How long a story's routine acknowledgement after its first line waits for the person to pause
 * ({@link ConversationConfig#storyAckDelay}); zero or less: sent at once, after every line. A bean of its own so a test
 * can set it for one case.
 */
@ApplicationScoped
public class StoryAckDelay {

    private final Duration delay;

    @Inject
    StoryAckDelay(ConversationConfig config) {
        this(config.storyAckDelay());
    }

    /** {@code delay}: as the setting. */
    public StoryAckDelay(Duration delay) {
        this.delay = delay;
    }

    /** The delay; zero or less: none. */
    public Duration delay() {
        return delay;
    }
}
