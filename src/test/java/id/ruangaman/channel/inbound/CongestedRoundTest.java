package id.ruangaman.channel.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.TelegramChats;
import id.ruangaman.testing.TelegramFixtures;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * While the webhook is congested a processing round gives way between steps and takes no further step of a lane that
 * gave way (issue 16, goal 1's warm window). Its steps prepared beyond that were decrypted and parsed for nothing, and
 * again by each later round: with a contact's 12 updates waiting, up to 8 prepared a round for 1 or 2 taken. The
 * workers run as in production while the test holds the webhook congested (more requests waiting for their commit
 * than {@link AckPriority} lets pass); {@code ruangaman.inbound.prepared_unused} counts what the rounds prepared and
 * did not reach.
 */
@QuarkusTest
class CongestedRoundTest {

    private static final IntakeWalk OPENING = IntakeWalk.of("language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes",
            "reporter_role:victim", "send_now:details", "violence_type:sexual_assault", "violence_type:done",
            "incident_when:within_month", "victim_minor:no", "incident_place:campus");

    @Inject
    InboundProcessor processor;
    @Inject
    AckPriority priority;
    @Inject
    MeterRegistry registry;
    @Inject
    DataSource dataSource;

    private final AtomicBoolean holding = new AtomicBoolean();
    private Thread holder;

    @BeforeEach
    void holdTheWorkers() {
        processor.pause();
    }

    @AfterEach
    void letGo() throws InterruptedException {
        holding.set(false);
        if (holder != null) {
            holder.join(5_000);
        }
        processor.resume();
    }

    @Test
    void aCongestedRoundPreparesOnlyTheStepsItCanTake() {
        long chat = TelegramFixtures.newChatId();
        List<String> updates = new ArrayList<>();
        updates.add(TelegramFixtures.render("start_command.json", chat));
        updates.addAll(OPENING.telegram(chat));
        for (String update : updates) {
            TelegramChats.post(update).then().statusCode(200);
        }
        String ids = updates.stream().map(update -> "'%:" + TelegramChats.updateIdOf(update) + "'")
                .reduce((a, b) -> a + "," + b).orElseThrow();
        String pendingOfThisChat = "select count(*) from inbound_update where channel = 'TELEGRAM' and status = 'PENDING' "
                + "and provider_id like any (array[" + ids + "])"; // <bot id>:<update_id>
        assertEquals(updates.size(), sql(pendingOfThisChat), "all of the person's updates wait");

        holdTheWebhookCongested();
        double before = unused();
        processor.resume();
        Eventually.await("the person's updates worked off", Duration.ofSeconds(60), () -> sql(pendingOfThisChat) == 0);
        double unused = unused() - before;

        assertTrue(holding.get() && priority.congested(), "the webhook was held congested throughout");
        assertEquals(0.0, unused, "steps prepared that their rounds did not reach, with the webhook congested");
    }

    /** More requests waiting for their commit than the webhook lets processing pass, kept recent. */
    private void holdTheWebhookCongested() {
        for (int i = 0; i <= AckPriority.WAITING_ABOVE; i++) {
            priority.arrived(1);
        }
        holding.set(true);
        holder = new Thread(() -> {
            try {
                while (holding.get()) {
                    priority.arrived(1); // a request arrives and is answered: the waiting ones stay, the arrival is recent
                    priority.answered();
                    Thread.sleep(20);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                for (int i = 0; i <= AckPriority.WAITING_ABOVE; i++) {
                    priority.answered();
                }
            }
        }, "congestion-holder");
        holder.setDaemon(true);
        holder.start();
        assertTrue(priority.congested(), "the webhook is congested");
    }

    private double unused() {
        var counter = registry.find("ruangaman.inbound.prepared_unused").counter();
        return counter == null ? 0 : counter.count();
    }

    private long sql(String query) {
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var r = s.executeQuery(query)) {
            r.next();
            return r.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
