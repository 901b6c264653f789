package id.ruangaman.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/** Gives idle conversations their one gentle reminder, and later pauses them. */
@ApplicationScoped
class IdleSessionJob {

    private static final Logger LOG = Logger.getLogger(IdleSessionJob.class);
    private static final int BATCH = 200;

    private final SessionRepository sessions;
    private final ConversationService conversations;
    private final ConversationConfig config;
    private final Clock clock;

    IdleSessionJob(SessionRepository sessions, ConversationService conversations, ConversationConfig config, Clock clock) {
        this.sessions = sessions;
        this.conversations = conversations;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${ruangaman.conversation.idle-check-every:1M}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        Instant now = Instant.now(clock);
        List<Long> contacts = QuarkusTransaction.requiringNew()
                .call(() -> sessions.idleContacts(now.minus(config.remindAfter()), now.minus(config.pauseAfter()), BATCH));
        int reminded = 0;
        for (Long contactId : contacts) {
            try {
                reminded += conversations.tick(contactId).size();
            } catch (RuntimeException e) {
                LOG.warnf("Idle check of contact %d failed: %s", contactId, e.getClass().getSimpleName());
            }
        }
        if (!contacts.isEmpty()) {
            LOG.debugf("Idle check: %d sessions looked at, %d messages queued", contacts.size(), reminded);
        }
    }
}
