package id.ruangaman.channel.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * While the webhook is congested a processing round ends after its first step and its worker gives way between rounds
 * (issue 16, goal 1's warm window and the thirtieth round). Steps prepared beyond that were decrypted and parsed for
 * nothing, and again by each later round: with a contact's 12 updates waiting, up to 8 prepared a round for 1 or 2
 * taken. And a worker that gave way inside the round's transaction held its locks (the contacts, their sessions, the
 * queue rows of their replies) and kept its replies uncommitted for the whole wait. The workers run as in production
 * while the test holds the webhook congested (more requests waiting for their commit than {@link AckPriority} lets
 * pass, or a priority that always says congested); {@code ruangaman.inbound.prepared_unused} counts what the rounds
 * prepared and did not reach.
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

    @Test
    void aWorkerGivesWayOutsideItsTransaction() {
        WatchedPriority watched = new WatchedPriority();
        QuarkusMock.installMockForType(watched, AckPriority.class);
        long chat = TelegramFixtures.newChatId();
        List<String> updates = new ArrayList<>();
        updates.add(TelegramFixtures.render("start_command.json", chat));
        updates.addAll(OPENING.telegram(chat));
        for (String update : updates) {
            TelegramChats.post(update).then().statusCode(200);
        }
        String ids = updates.stream().map(update -> "'%:" + TelegramChats.updateIdOf(update) + "'")
                .reduce((a, b) -> a + "," + b).orElseThrow();
        String ofThisChat = "from inbound_update where channel = 'TELEGRAM' and provider_id like any (array[" + ids + "])";

        processor.resume();
        Eventually.await("the person's updates worked off", Duration.ofSeconds(60),
                () -> sql("select count(*) " + ofThisChat + " and status = 'PENDING'") == 0);

        assertEquals(updates.size(), sql("select count(*) " + ofThisChat + " and status = 'DONE'"), "every step applied");
        List<Boolean> inTransaction = watched.inTransaction();
        assertTrue(inTransaction.size() >= updates.size() - 1,
                "the worker gave way before each of the contact's rounds but the first: " + inTransaction.size());
        assertFalse(inTransaction.contains(true), "a worker gave way inside a round's transaction, holding its locks");
    }

    /**
     * A priority that always finds the webhook congested and lets a unit go after a short wait, noting whether the
     * inbound worker that waited was inside a transaction.
     */
    static final class WatchedPriority extends AckPriority {
        private final List<Boolean> inTransaction = java.util.Collections.synchronizedList(new ArrayList<>());

        WatchedPriority() {
            super(System::nanoTime, Duration.ofMillis(50), Duration.ofMillis(10), (millis, perLoop) -> () -> {
            });
        }

        @Override
        public boolean congested() {
            return true;
        }

        @Override
        public boolean yieldToWebhook() throws InterruptedException {
            if (Thread.currentThread().getName().startsWith("inbound-worker")) {
                inTransaction.add(QuarkusTransaction.isActive());
            }
            Thread.sleep(2);
            return true;
        }

        List<Boolean> inTransaction() {
            synchronized (inTransaction) {
                return List.copyOf(inTransaction);
            }
        }
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
