package id.ruangaman.channel.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The yielding rule of {@link AckPriority} on a hand-moved clock, with the event-loop probe ticked by hand: when
 * processing and delivery must give way to the webhook, that a steady load the machine carries never makes them, and
 * that the pause is bounded. No real time passes and nothing is timed.
 */
class AckPriorityTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    /** A clock the test moves by hand, starting far from zero like System.nanoTime. */
    private long now = 1_000_000 * MS;
    /** The probe's tick on the first event loop while it runs (null while stopped), and how often it was started. */
    private Runnable probe;
    /** The probe's tick on the second event loop. */
    private Runnable secondProbe;
    private int probeStarts;

    /** Two event loops, each with its own probe. */
    private AckPriority priority(Duration maxPause) {
        return new AckPriority(() -> now, maxPause, Duration.ofMillis(10), (millis, perLoop) -> {
            assertEquals(AckPriority.TICK_MILLIS, millis);
            probe = perLoop.get();
            secondProbe = perLoop.get();
            probeStarts++;
            return () -> {
                probe = null;
                secondProbe = null;
            };
        });
    }

    private AckPriority priority() {
        return priority(Duration.ofMillis(200));
    }

    private final MeterRegistry registry = new SimpleMeterRegistry();

    /** Counted in {@link #registry}. */
    private AckPriority counted() {
        return new AckPriority(() -> now, Duration.ofMillis(200), Duration.ofMillis(10), (millis, perLoop) -> {
            probe = perLoop.get();
            secondProbe = perLoop.get();
            return () -> {
                probe = null;
                secondProbe = null;
            };
        }, registry);
    }

    private double counted(String name, String... tags) {
        return registry.get(name).tags(tags).functionCounter().count();
    }

    /** Moves the clock on by {@code millis} (rounded up to whole ticks), both event loops ticking on time while probed. */
    private void onTimeFor(int millis) {
        for (int waited = 0; waited < millis; waited += AckPriority.TICK_MILLIS) {
            now += AckPriority.TICK_MILLIS * MS;
            if (probe != null) {
                probe.run();
                secondProbe.run();
            }
        }
    }

    /** {@code requests} requests of one update each, one every {@code everyMillis}, answered at once, the probe on time. */
    private void steadyLoad(AckPriority priority, int requests, int everyMillis) {
        for (int i = 0; i < requests; i++) {
            priority.arrived(1);
            priority.answered();
            onTimeFor(everyMillis);
        }
    }

    /** A steady load answered on time, then one more request that waits for its commit. */
    private AckPriority onTimeThenOneMore() {
        AckPriority priority = priority();
        steadyLoad(priority, 10, 5);
        priority.arrived(1);
        return priority;
    }

    @Test
    void noWebhookTrafficNeverPausesNorProbes() throws InterruptedException {
        AckPriority priority = priority();
        assertFalse(priority.busy());
        assertEquals(0, priority.pauseLeft(now));
        assertFalse(priority.yieldToWebhook(), "with the webhook idle processing goes on at once");
        assertNull(probe, "no traffic, no probe");
    }

    @Test
    void aSteadyLoadAnsweredOnTimeNeverPausesWhateverItsRate() {
        AckPriority priority = priority();
        steadyLoad(priority, 400, 5); // 200 updates/s, each answered at once, the event loop on time
        assertFalse(priority.busy(), "a load the machine carries leaves processing alone");
        assertEquals(1, probeStarts, "one probe for the whole load");
    }

    @Test
    void aLateEventLoopPausesProcessingUntilItIsOnTimeAgain() {
        AckPriority priority = onTimeThenOneMore();
        now += 31 * MS; // the due tick is 26 ms overdue, as late as two late ticks in a row: the event loop waits for a core
        assertTrue(priority.lagNanos() > 10 * MS);
        assertTrue(priority.busy(), "a late event loop is a starved webhook");
        long since = now;
        now += 5 * MS;
        assertEquals(195 * MS, priority.pauseLeft(since), "pauses for what is left of the longest pause");
        probe.run(); // the ticks finally run, 20 ms late
        secondProbe.run();
        assertTrue(priority.busy(), "the last tick was late");
        priority.answered();
        onTimeFor(AckPriority.HOLD_MILLIS - AckPriority.TICK_MILLIS);
        assertTrue(priority.busy(), "a sign of congestion holds for " + AckPriority.HOLD_MILLIS + " ms");
        onTimeFor(AckPriority.TICK_MILLIS);
        assertFalse(priority.busy(), "on time for the whole hold");
        assertEquals(0, priority.pauseLeft(since));
    }

    /**
     * On two cores shared with PostgreSQL, an event loop's tick is now and then late by 15-60 ms at a load the machine
     * carries (a time slice given to another thread, a collection pause). The open loop at 500 updates/s saw a dozen
     * such ticks a second; when each one counted, processing and delivery were held to 50 units a second for most of the
     * run and fell behind with half a core idle.
     */
    @Test
    void singleLateTicksAtALoadTheMachineCarriesNeverPauseProcessing() {
        AckPriority priority = priority();
        steadyLoad(priority, 10, 5);
        for (int i = 0; i < 40; i++) {
            priority.arrived(1);
            priority.answered();
            now += (AckPriority.TICK_MILLIS + 15 + i % 5 * 10) * MS; // one tick 15-55 ms late...
            if (i % 2 == 0) {
                probe.run();
            } else {
                secondProbe.run();
            }
            (i % 2 == 0 ? secondProbe : probe).run(); // ...the other loop's tick late too, once: a pause of the whole process
            assertFalse(priority.busy(), "a single late tick is routine (" + i + ")");
            steadyLoad(priority, 5, 5); // then on time again
            assertFalse(priority.busy(), "on time (" + i + ")");
        }
    }

    @Test
    void lateTickAfterLateTickPausesProcessing() {
        AckPriority priority = onTimeThenOneMore();
        now += 20 * MS;
        probe.run(); // late once
        secondProbe.run();
        assertFalse(priority.busy());
        now += 16 * MS; // the next tick is due and already 11 ms late
        assertTrue(priority.busy(), "late, and the next is late too");
        probe.run();
        secondProbe.run();
        priority.answered();
        onTimeFor(AckPriority.HOLD_MILLIS - AckPriority.TICK_MILLIS);
        assertTrue(priority.busy(), "two late ticks in a row hold for " + AckPriority.HOLD_MILLIS + " ms");
        onTimeFor(AckPriority.TICK_MILLIS);
        assertFalse(priority.busy());
        priority.arrived(1);
        for (int late = 0; late < AckPriority.LATE_IN_A_ROW; late++) {
            now += 20 * MS;
            probe.run(); // only the first loop, late tick after tick
        }
        now += AckPriority.TICK_MILLIS * MS;
        probe.run(); // on time again
        secondProbe.run(); // late once (it waited for the first loop's ticks)
        assertTrue(priority.busy(), "recorded by the late ticks themselves, with no worker asking meanwhile, and held");
    }

    @Test
    void manyRequestsWaitingForTheCommitPauseProcessing() {
        AckPriority priority = priority();
        for (int i = 0; i < AckPriority.WAITING_ABOVE; i++) {
            priority.arrived(1);
        }
        assertFalse(priority.busy(), AckPriority.WAITING_ABOVE + " waiting is a normal group commit");
        priority.arrived(1);
        assertTrue(priority.busy(), "more are piling up");
        for (int i = 0; i <= AckPriority.WAITING_ABOVE; i++) {
            priority.answered();
        }
        assertTrue(priority.busy(), "a commit that answers them all is a dip, not the end of the burst");
        assertTrue(priority.pauseLeft(now) > 0, "so the waiting threads are not all let go at once");
        onTimeFor(AckPriority.HOLD_MILLIS);
        assertFalse(priority.busy(), "nothing has piled up for the whole hold");
    }

    @Test
    void thePauseIsBoundedEvenWhileTheWebhookStaysCongested() {
        AckPriority priority = priority();
        priority.arrived(1);
        long since = now;
        now += 199 * MS; // the probe never ticks: the event loop is starved the whole time
        priority.arrived(1);
        assertEquals(MS, priority.pauseLeft(since));
        now += MS;
        assertTrue(priority.busy());
        assertEquals(0, priority.pauseLeft(since), "after the longest pause the worker goes on however congested the webhook is");
        assertTrue(priority.pauseLeft(now) > 0, "and the next unit of work pauses again, for at most the same bound");
    }

    @Test
    void aQuietWebhookIsNotCongestedAndItsProbeStops() {
        AckPriority priority = priority();
        priority.arrived(1);
        now += 50 * MS; // late, but...
        priority.answered();
        now += 200 * MS; // ... no arrival for two windows: whatever the event loop does is not the webhook's
        assertFalse(priority.busy());
        now += AckPriority.PROBE_IDLE_MILLIS * MS;
        probe.run();
        assertNull(probe, "quiet for a second: the probe stops");
        assertNull(secondProbe, "on every event loop");
        assertEquals(0, priority.lagNanos());
        priority.arrived(1);
        assertNotNull(probe, "the next arrival starts it again");
        assertEquals(2, probeStarts);
        assertFalse(priority.busy(), "a fresh probe is on time");
    }

    @Test
    void aZeroMaxPauseTurnsYieldingOff() throws InterruptedException {
        AckPriority priority = priority(Duration.ZERO);
        for (int i = 0; i < 100; i++) {
            priority.arrived(1);
        }
        assertTrue(priority.busy());
        assertEquals(0, priority.pauseLeft(now));
        assertFalse(priority.yieldToWebhook());
        assertNull(probe, "nothing to decide, nothing probed");
    }

    @Test
    void anyLateEventLoopIsACongestedWebhook() {
        AckPriority priority = onTimeThenOneMore();
        now += 30 * MS;
        probe.run(); // the first event loop has had its core: on time from now on...
        now += 5 * MS;
        probe.run();
        assertTrue(priority.busy(), "...but the second has not ticked for 35 ms: its requests wait for a core");
        secondProbe.run();
        priority.answered();
        onTimeFor(AckPriority.HOLD_MILLIS);
        assertFalse(priority.busy(), "both on time again");
    }

    @Test
    void whileCongestedAllThreadsTogetherGoOnOneUnitAtATime() throws InterruptedException {
        AckPriority priority = priority();
        for (int i = 0; i <= AckPriority.WAITING_ABOVE; i++) {
            priority.arrived(1);
        }
        assertTrue(priority.busy());
        assertFalse(priority.yieldToWebhook(), "the first unit goes at once");
        assertFalse(priority.admit(), "the next one waits for its turn, whichever thread asks");
        now += (AckPriority.ADMIT_EVERY_MILLIS - 1) * MS;
        assertFalse(priority.admit());
        now += MS;
        assertTrue(priority.admit(), "one unit every " + AckPriority.ADMIT_EVERY_MILLIS + " ms");
        assertFalse(priority.admit());
        now += 10 * AckPriority.ADMIT_EVERY_MILLIS * MS;
        assertTrue(priority.admit());
        assertFalse(priority.admit(), "turns left unused while nobody waited do not pile up");
    }

    @Test
    void aWebhookThatIsNotCongestedUsesNoTurn() throws InterruptedException {
        AckPriority priority = priority();
        steadyLoad(priority, 10, 5);
        for (int i = 0; i < 5; i++) {
            assertFalse(priority.yieldToWebhook());
        }
        for (int i = 0; i <= AckPriority.WAITING_ABOVE; i++) {
            priority.arrived(1);
        }
        assertTrue(priority.admit(), "the turn is still there for the first unit of a burst");
    }

    @Test
    void itCountsWhyAndHowLongItHeld() {
        AckPriority priority = counted();
        for (int i = 0; i <= AckPriority.WAITING_ABOVE; i++) {
            priority.arrived(1);
        }
        assertEquals(1, counted("ruangaman.ack.priority.started", "cause", "waiting"));
        now += 30 * MS;
        assertTrue(priority.busy(), "still more than " + AckPriority.WAITING_ABOVE + " waiting: a sign, within the hold");
        assertEquals(1, counted("ruangaman.ack.priority.started", "cause", "waiting"), "the same congestion");
        assertEquals((AckPriority.HOLD_MILLIS + 30) / 1e3, counted("ruangaman.ack.priority.held.seconds"), 1e-9,
                "held from the first sign to a hold after the last");
        for (int i = 0; i <= AckPriority.WAITING_ABOVE; i++) {
            priority.answered();
        }
        onTimeFor(AckPriority.HOLD_MILLIS);
        assertFalse(priority.busy());
        for (int late = 0; late < AckPriority.LATE_IN_A_ROW; late++) {
            now += 20 * MS;
            secondProbe.run(); // only the second loop, late tick after tick
        }
        assertEquals(1, counted("ruangaman.ack.priority.late.ticks", "loop", "1"));
        assertEquals(0, counted("ruangaman.ack.priority.late.ticks", "loop", "0"));
        assertEquals(1, counted("ruangaman.ack.priority.started", "cause", "late_loop"));
        assertEquals((2 * AckPriority.HOLD_MILLIS + 30) / 1e3, counted("ruangaman.ack.priority.held.seconds"), 1e-9);
    }
}
