package id.ruangaman.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/**
 * The load benchmark itself runs only on demand (it takes minutes), so the parts its figures rest on are
 * checked here: the load plan, the sliding-window count behind the outbound-limit check, and the percentiles.
 */
class BenchmarkHarnessTest {

    @Test
    void shouldPlanTheRateWithEveryPersonWalkingTheIntakeInOrderAndNewPeopleReplacingThoseWhoFinish() {
        IntakeLoadPlan plan = new IntakeLoadPlan(20, 1.0, 5, 5);
        int length = IntakeScripts.length();
        assertEquals(20, plan.people);
        assertEquals(length * 1_000_000_000L, plan.steadyFromNanos);

        long inWindow = plan.requests.stream().mapToLong(WebhookLoad.Planned::dueNanos)
                .filter(due -> due >= plan.steadyFromNanos && due < plan.steadyFromNanos + 5_000_000_000L).count();
        assertEquals(100, inWindow, "20 updates a second for the 5 measured seconds");
        for (int i = 1; i < plan.requests.size(); i++) {
            assertTrue(plan.requests.get(i).dueNanos() >= plan.requests.get(i - 1).dueNanos(), "requests leave in time order");
        }

        Map<String, Integer> nextStep = new HashMap<>();
        Map<String, Long> lastDue = new HashMap<>();
        for (int i = 0; i < plan.requests.size(); i++) {
            IntakeLoadPlan.Sender sender = plan.senders.get(i);
            long due = plan.requests.get(i).dueNanos();
            assertEquals(nextStep.getOrDefault(sender.chatKey(), 0), sender.step(), "each person answers the intake's steps in order");
            if (lastDue.containsKey(sender.chatKey())) {
                assertEquals(1_000_000_000L, due - lastDue.get(sender.chatKey()), "one step per think time");
            }
            nextStep.put(sender.chatKey(), sender.step() + 1);
            lastDue.put(sender.chatKey(), due);
            assertEquals(sender.chatKey().startsWith("wa:"), sender.whatsapp());
            String path = plan.requests.get(i).request().path();
            assertEquals(sender.whatsapp() ? "/webhooks/whatsapp" : "/webhooks/telegram", path);
        }
        long finished = nextStep.values().stream().filter(step -> step == length).count();
        assertTrue(finished > 0, "some people finished the intake within the run");
        assertTrue(nextStep.size() > plan.people, "people who finished were replaced by new ones");
        long onWhatsApp = nextStep.keySet().stream().filter(key -> key.startsWith("wa:")).count();
        assertTrue(onWhatsApp > 0 && onWhatsApp < nextStep.size() / 2, "a WhatsApp share next to Telegram: " + onWhatsApp);
    }

    @Test
    void shouldStaggerPeopleSoThatEveryStepIsInPlayOnceTheRampIsOver() {
        IntakeLoadPlan plan = new IntakeLoadPlan(60, 1.0, 3, 5);
        List<Integer> stepsInWindow = new java.util.ArrayList<>();
        for (int i = 0; i < plan.requests.size(); i++) {
            long due = plan.requests.get(i).dueNanos();
            if (due >= plan.steadyFromNanos && due < plan.steadyFromNanos + 1_000_000_000L) {
                stepsInWindow.add(plan.senders.get(i).step());
            }
        }
        assertEquals(IntakeScripts.length(), stepsInWindow.stream().distinct().count(), "every step of the intake in one second");
    }

    @Test
    void shouldCountTheMostArrivalsInAnySlidingWindow() {
        BenchPlatforms.Arrivals arrivals = new BenchPlatforms.Arrivals();
        for (long millis : new long[] { 1500, 0, 500, 990, 1000 }) {
            arrivals.add(millis * 1_000_000L);
        }
        assertEquals(3, arrivals.maxInWindow(1_000_000_000L), "0, 500 and 990 ms; or 500, 990 and 1000 ms");
        assertEquals(5, arrivals.maxInWindow(1_600_000_000L));
        assertEquals(1, arrivals.maxInWindow(1));
        assertEquals(0, new BenchPlatforms.Arrivals().maxInWindow(1_000_000_000L));
    }

    @Test
    void shouldTakeNearestRankPercentiles() {
        Latencies latencies = Latencies.ofNanos(LongStream.rangeClosed(1, 100).map(millis -> millis * 1_000_000L).toArray());
        assertEquals(100, latencies.count());
        assertEquals(50.0, latencies.p50());
        assertEquals(95.0, latencies.p95());
        assertEquals(99.0, latencies.p99());
        assertEquals(100.0, latencies.max());
        assertEquals(0, Latencies.ofNanos(new long[0]).count());
    }
}
