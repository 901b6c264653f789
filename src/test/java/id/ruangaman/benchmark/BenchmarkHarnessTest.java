package id.ruangaman.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.stream.LongStream;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load benchmark itself runs only on demand (it takes minutes), so the parts its figures rest on are
 * checked here: the load plan, the sliding-window count behind the outbound-limit check, the percentiles, the
 * shares of the ceilings, the backlog slope, the steady drain rate, the pass/MISSED verdicts of the table, and that
 * the service is launched as deploy/kubernetes runs it.
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

    @Test
    void shouldSplitAMeanAcknowledgementIntoTheClientTheHttpServerAndTheGroupCommit() {
        String before = """
                http_server_requests_seconds_count{method="POST",outcome="SUCCESS",status="200",uri="/webhook/telegram"} 100.0
                http_server_requests_seconds_sum{method="POST",outcome="SUCCESS",status="200",uri="/webhook/telegram"} 2.0
                http_server_requests_seconds_count{method="GET",outcome="SUCCESS",status="200",uri="/q/metrics"} 5.0
                http_server_requests_seconds_sum{method="GET",outcome="SUCCESS",status="200",uri="/q/metrics"} 9.0
                ruangaman_ack_wait_seconds_count{stage="total"} 100.0
                ruangaman_ack_wait_seconds_sum{stage="total"} 1.0
                ruangaman_ack_wait_seconds_count{stage="queue"} 100.0
                ruangaman_ack_wait_seconds_sum{stage="queue"} 7.0
                jvm_threads_live_threads 40.0
                """;
        String after = before.replace("\"} 100.0\nhttp_server_requests_seconds_sum{method=\"POST\",outcome=\"SUCCESS\",status=\"200\",uri=\"/webhook/telegram\"} 2.0",
                "\"} 300.0\nhttp_server_requests_seconds_sum{method=\"POST\",outcome=\"SUCCESS\",status=\"200\",uri=\"/webhook/telegram\"} 12.0")
                .replace("sum{method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/q/metrics\"} 9.0", "sum{method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/q/metrics\"} 99.0")
                .replace("count{stage=\"total\"} 100.0", "count{stage=\"total\"} 300.0").replace("sum{stage=\"total\"} 1.0", "sum{stage=\"total\"} 5.0");
        List<String> prefixes = List.of("ruangaman_ack", "http_server_requests_seconds");
        assertFalse(ServiceCounters.parse(before, prefixes).containsKey("jvm_threads_live_threads"));
        List<ServiceCounters.Scrape> scrapes = List.of(new ServiceCounters.Scrape(0, ServiceCounters.parse(before, prefixes)),
                new ServiceCounters.Scrape(10, ServiceCounters.parse(after, prefixes)));
        // 200 more POSTs took 10 s more: 50 ms each; the GET's growth is left out; 200 more acknowledgements, 4 s: 20 ms
        assertEquals(50.0, ServiceCounters.meanMillis(scrapes, 0, 10, "http_server_requests_seconds", "method=\"POST\""), 1e-9);
        assertEquals(20.0, ServiceCounters.meanMillis(scrapes, 0, 10, "ruangaman_ack_wait_seconds", "stage=\"total\""), 1e-9);
        assertTrue(Double.isNaN(ServiceCounters.meanMillis(scrapes, 0, 10, "ruangaman_ack_wait_seconds", "stage=\"queue\"")));
        List<WebhookLoad.Outcome> acks = List.of(new WebhookLoad.Outcome(200, 0, 60_000_000L), new WebhookLoad.Outcome(200, 0, 100_000_000L),
                new WebhookLoad.Outcome(503, 0, 1_000_000_000L));
        assertEquals("A mean acknowledgement: 80.0 ms at the load generator, 50.0 ms in the service's HTTP server (arrival to the answer's "
                + "end), 20.0 ms of it in the group commit (handed over to answered on its event loop).\n\n",
                LoadBenchmark.whereAnAckWaits(acks, scrapes, 0, 10));
    }

    @Test
    void shouldShortenTheHttpTimersAndTheAckCountersInThePerIntervalList() {
        assertEquals("http_count{POST /webhooks/telegram}", ServiceCounters.shortName(
                "http_server_requests_seconds_count{method=\"POST\",outcome=\"SUCCESS\",status=\"200\",uri=\"/webhooks/telegram\"}"));
        assertEquals("wait_seconds_sum{stage=\"queue\"}", ServiceCounters.shortName("ruangaman_ack_wait_seconds_sum{stage=\"queue\"}"));
    }

    @Test
    void shouldListTelegramsWaitingChatsByWhetherTheyAreDueBeingSentOrHeldByTheirPace() {
        String table = BenchReport.series(List.of(
                new Backlog.Sample(0, 10, 0, 40, 2, 100, 90, 10, 300, 1, 1, 1, new Backlog.Chats(7, 12, 21)),
                new Backlog.Sample(5, 11, 0, 41, 2, 200, 180, 20, 300, 2, 2, 2, Backlog.Chats.UNKNOWN),
                new Backlog.Sample(10, 12, -1, -1, -1, 200, 180, 20, 300, 3, 3, 3, Backlog.Chats.UNKNOWN)), 5);
        assertTrue(table.contains("| 0.0 | 10 | 40 / 2 | 7 / 12 / 21 | 100 | 100 | 300 |"), table);
        assertTrue(table.contains("| 5.0 | 11 | 41 / 2 | not read | 200 | 200 | 300 |"), table);
        // a drain's samples count no replies
        assertTrue(table.contains("| 10.0 | 12 | not read | not read | 200 | 200 | 300 |"), table);
        // the last sample is listed however soon after the one before (the outbound phase's final count of its outbox)
        String ending = BenchReport.series(List.of(
                new Backlog.Sample(0, 0, -1, -1, -1, 0, 0, 0, 300, 1, 1, 1, Backlog.Chats.UNKNOWN),
                new Backlog.Sample(1, 0, -1, -1, -1, 0, 5, 0, 300, 1, 1, 1, Backlog.Chats.UNKNOWN),
                new Backlog.Sample(1.5, 0, 7, 30, 4, 0, 9, 0, 300, 1, 1, 1, Backlog.Chats.UNKNOWN)), 2);
        assertTrue(ending.contains("| 1.5 | 0 | 30 / 4 |"), ending);
        assertFalse(ending.contains("| 1.0 |"), ending);
        assertTrue(table.startsWith("| s | updates waiting | replies waiting (Telegram / WhatsApp) | Telegram chats waiting: due / being sent"
                + " / not due yet |"), table);
    }

    @Test
    void shouldRunTheChosenPhasesAndRefuseAnUnknownOne() {
        assertEquals(java.util.Set.of("ack", "drain"), LoadBenchmark.phases(" drain,ack ,"));
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LoadBenchmark.phases("ack,outbund"));
        assertTrue(refused.getMessage().contains("outbund"), refused.getMessage());
    }

    @Test
    void shouldCountSendsPerWholeSecondFromTheFirstSend() {
        long second = 1_000_000_000L;
        long first = 5 * second;
        // out of order, as several senders' arrivals may be recorded
        long[] sends = { first + second / 2, first, first + second, first + 2 * second + 1, first + 3 * second };
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] { 2, 1, 1 }, Figures.perSecond(sends, 3));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] { 0, 0 }, Figures.perSecond(new long[0], 2));
        String timeline = Figures.sendTimeline(first - 2 * second, sends, new long[0], 2);
        assertTrue(timeline.contains("Telegram (first at 2.00 s)") && timeline.contains("WhatsApp (first at none)"), timeline);
        assertTrue(timeline.contains("| 1 | 2 | 0 |"), timeline);
    }

    @Test
    void shouldGiveSharesOfTheCeilingsAndSayWhenACeilingWasNotMeasured() {
        assertEquals(0.25, Figures.share(250, 1000));
        assertTrue(Double.isNaN(Figures.share(250, 0)), "no ceiling, no share");
        assertTrue(Double.isNaN(Figures.share(Double.NaN, 1000)));

        ResultsTable table = new ResultsTable();
        assertEquals("not measured of trivial, not measured of pgbench", table.shares(100));
        table.trivialCeiling(20_000, "20,000 req/s");
        table.pgbenchCeiling(8_000, "8,000 tps");
        assertEquals("25% of trivial, 63% of pgbench", table.shares(5_000));
        assertEquals("1.0% of trivial, 2.5% of pgbench", table.shares(200), "small shares keep a decimal");
    }

    /** The experiments' settings ({@code benchmark.env}, {@code benchmark.postgres-settings}): in order, trimmed. */
    @Test
    void shouldReadTheExperimentsSettingsInOrder() {
        assertEquals(java.util.List.of("commit_delay=1000", "commit_siblings=5"),
                LoadBenchmark.settings(" commit_delay = 1000,commit_siblings=5 ,nonsense,=5, =6").entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).toList());
        assertEquals(java.util.Map.of("A", "2"), LoadBenchmark.settings("A=1,A=2"), "the last value of a repeated name");
        assertTrue(LoadBenchmark.settings("").isEmpty());
    }

    /** A run of some phases only says "not measured" for what the others would have measured, never "NaN". */
    @Test
    void shouldSayNotMeasuredForAFigureOfAPhaseThatDidNotRun() {
        assertEquals("not measured / 6.09 s", ResultsTable.seconds(Double.NaN) + " / " + ResultsTable.seconds(6.094));
        assertEquals("not measured of trivial", ResultsTable.timesTrivialP99(101.6, Double.NaN));
        assertEquals("p99 4.00× the trivial endpoint's", ResultsTable.timesTrivialP99(100, 25));
    }

    @Test
    void shouldFitTheSlopeOfABacklogByLeastSquares() {
        List<Figures.Point> growing = List.of(new Figures.Point(0, 100), new Figures.Point(1, 112), new Figures.Point(2, 118),
                new Figures.Point(3, 130));
        assertEquals(9.6, Figures.slope(growing), 1e-9, "(−1.5×−15 + −0.5×−3 + 0.5×3 + 1.5×15) / 5");
        List<Figures.Point> flat = List.of(new Figures.Point(0, 40), new Figures.Point(1, 60), new Figures.Point(2, 40),
                new Figures.Point(3, 60), new Figures.Point(4, 40));
        assertEquals(0.0, Figures.slope(flat), 1e-9, "a backlog that wobbles around a level is flat");
        assertEquals(-50.0, Figures.slope(List.of(new Figures.Point(10, 500), new Figures.Point(12, 400))), 1e-9);
        assertTrue(Double.isNaN(Figures.slope(List.of(new Figures.Point(1, 5)))), "one sample has no slope");
        assertTrue(Double.isNaN(Figures.slope(List.of(new Figures.Point(1, 5), new Figures.Point(1, 9)))));
    }

    @Test
    void shouldTakeTheSteadyDrainRateBetweenNinetyAndTenPercentLeft() {
        // a cold first second at 100/s, then 1,000/s
        List<Figures.Point> drain = new java.util.ArrayList<>();
        drain.add(new Figures.Point(0, 10_000));
        drain.add(new Figures.Point(1, 9_900));
        for (int second = 2; second <= 11; second++) {
            drain.add(new Figures.Point(second, Math.max(0, 9_900 - 1_000 * (second - 1))));
        }
        assertEquals(1_000.0, Figures.steadyDrainRate(drain, 10_000), 1e-9, "from 8,900 at 2 s to 900 at 10 s");
        // cut off before 10% was reached: up to the last sample
        List<Figures.Point> cut = List.of(new Figures.Point(0, 1_000), new Figures.Point(1, 950), new Figures.Point(2, 850),
                new Figures.Point(4, 650));
        assertEquals(100.0, Figures.steadyDrainRate(cut, 1_000), 1e-9);
        assertTrue(Double.isNaN(Figures.steadyDrainRate(List.of(new Figures.Point(0, 100), new Figures.Point(5, 95)), 100)),
                "no rate when the backlog never fell below 90%");
    }

    @Test
    void shouldTakeTheSustainedDrainRateAfterTheWarmUpAndTheColdRateBeforeIt() {
        // 300 a second for the first 20 s (a cold JVM), then 1,000 a second until the backlog is gone
        List<Figures.Point> drain = new ArrayList<>();
        for (int second = 0; second <= 20; second++) {
            drain.add(new Figures.Point(second, 40_000 - 300 * second));
        }
        for (int second = 21; second <= 60; second++) {
            drain.add(new Figures.Point(second, Math.max(0, 34_000 - 1_000 * (second - 20))));
        }
        assertEquals(1_000.0, Figures.warmDrainRate(drain, 40_000, 20), 1e-9, "from 34,000 at 20 s to 4,000 at 50 s");
        assertEquals(300.0, Figures.coldDrainRate(drain, 20), 1e-9, "from 40,000 at 0 s to 34,000 at 20 s");
        assertTrue(Figures.steadyDrainRate(drain, 40_000) < 1_000, "the old 90% → 10% line counts part of the cold start");
        // cut off before 10% was reached: up to the last sample after the warm-up
        List<Figures.Point> cut = List.of(new Figures.Point(0, 1_000), new Figures.Point(10, 900), new Figures.Point(20, 800),
                new Figures.Point(30, 500));
        assertEquals(30.0, Figures.warmDrainRate(cut, 1_000, 20), 1e-9);
        assertTrue(Double.isNaN(Figures.warmDrainRate(List.of(new Figures.Point(0, 1_000), new Figures.Point(5, 50), new Figures.Point(25, 0)),
                1_000, 20)), "no sustained rate when the backlog was gone (≤ 10%) before the warm-up ended");
        assertTrue(Double.isNaN(Figures.warmDrainRate(List.of(new Figures.Point(0, 1_000), new Figures.Point(10, 900)), 1_000, 20)),
                "no sample after the warm-up");
        assertTrue(Double.isNaN(Figures.warmDrainRate(List.of(new Figures.Point(0, 1_000), new Figures.Point(20, 900)), 1_000, 20)),
                "the warm-up's end is the last sample: nothing to compare it with");
        assertTrue(Double.isNaN(Figures.coldDrainRate(List.of(new Figures.Point(25, 900)), 20)));
    }

    @Test
    void shouldCountArrivalsInAWindowAndTakeTheMedian() {
        long[] arrivals = { 5, 1, 10, 3, 7 };
        assertEquals(2, Figures.countBetween(arrivals, 3, 7), "3 and 5; 7 is outside");
        assertEquals(5, Figures.maxInWindow(arrivals, 10));
        assertEquals(2, Figures.maxInWindow(arrivals, 3), "1 and 3, or 3 and 5, or 5 and 7");
        assertEquals(2.0, Figures.median(3, 1, 2));
        assertEquals(2.5, Figures.median(4, 1, 2, 3));
        assertTrue(Double.isNaN(Figures.median()));
    }

    @Test
    void shouldPassOrMissEachGoalAndNeverPassAFigureThatWasNotMeasured() {
        assertTrue(Goal.atLeast(5_000, 5_000, "≥ 5,000/s").passed());
        assertFalse(Goal.atLeast(4_999, 5_000, "≥ 5,000/s").passed());
        assertTrue(Goal.atMost(50, 50, "p99 ≤ 50 ms").passed());
        assertFalse(Goal.atMost(50.1, 50, "p99 ≤ 50 ms").passed());
        assertFalse(Goal.atMost(Double.NaN, 50, "p99 ≤ 50 ms").passed(), "not measured is MISSED");
        assertFalse(Goal.atLeast(Double.NaN, 1, "x").passed());

        assertTrue(Goal.atLimit(100, 100, 0.02, "").passed());
        assertTrue(Goal.atLimit(98, 100, 0.02, "").passed(), "2% under the limit is within");
        assertFalse(Goal.atLimit(97, 100, 0.02, "").passed(), "more than 2% under the limit");
        assertFalse(Goal.atLimit(101, 100, 0.02, "").passed(), "never above");

        Goal both = Goal.all(Goal.atMost(40, 50, "p99 ≤ 50 ms"), Goal.atLeast(9, 10, "every update answered"));
        assertFalse(both.passed());
        assertEquals("p99 ≤ 50 ms; every update answered", both.target());

        ResultsTable table = new ResultsTable();
        table.trivialCeiling(10_000, "10,000 req/s");
        table.rate("1 acknowledgement", "flat out", 6_000, "6,000 acks/s", Goal.atLeast(6_000, 5_000, "≥ 5,000/s"));
        table.line("1 acknowledgement", "latency", "p99 70 ms", "", Goal.atMost(70, 50, "p99 ≤ 50 ms"));
        assertEquals(1, table.missed().size());
        assertEquals("latency", table.missed().get(0).figure());
        String markdown = table.markdown();
        assertTrue(markdown.contains("| 1 acknowledgement | flat out | 6,000 acks/s | 60% of trivial, not measured of pgbench | ≥ 5,000/s | pass |"),
                markdown);
        assertTrue(markdown.contains("| p99 ≤ 50 ms | **MISSED** |"), markdown);
        assertEquals("2 goal lines: 1 pass, 1 MISSED.", table.tally());

        table.info("2 processing", "drain", "900/s", "");
        table.pgbenchCeiling(8_000, "8,000 tps");
        table.line("1 acknowledgement", "errors", "0", "", Goal.atMost(0, 0, "none"));
        assertEquals(List.of("ceiling", "ceiling", "1 acknowledgement", "1 acknowledgement", "1 acknowledgement", "2 processing"),
                table.ordered().stream().map(ResultsTable.Row::goal).toList(), "ceilings first, then by goal");
        assertEquals(List.of("flat out", "latency", "errors"), table.ordered().subList(2, 5).stream().map(ResultsTable.Row::figure).toList(),
                "in the order measured within a goal");
        assertEquals("3 goal lines: 2 pass, 1 MISSED.", table.tally(), "ceilings and context lines are not goal lines");
    }

    @Test
    void shouldLaunchTheServiceWithTheDeploymentsJvmOptionsMemoryLimitAndATrainedArchive(@TempDir Path app) throws IOException {
        ShippedLaunch shipped = ShippedLaunch.fromDeployment(ShippedLaunch.DEPLOYMENT, null);
        assertEquals(512L << 20, shipped.memoryLimitBytes(), "the container's limit, 512Mi");
        assertTrue(shipped.javaOptions().contains("-XX:MaxRAMPercentage=50"), shipped.javaOptions().toString());
        assertTrue(shipped.javaOptions().contains("-XX:+UseSerialGC"), shipped.javaOptions().toString());
        assertEquals(Map.of("MALLOC_ARENA_MAX", "2"), shipped.environment());

        Path jar = Files.createFile(app.resolve("quarkus-run.jar"));
        List<String> first = shipped.command("java", app, jar);
        assertEquals(List.of("java", "-XX:MaxRAM=536870912"), first.subList(0, 2), "the JVM sizes itself as in the pod");
        assertEquals(List.of("-jar", "quarkus-run.jar"), first.subList(first.size() - 2, first.size()),
                "relative to the working directory, as the archive requires");
        assertTrue(first.containsAll(shipped.javaOptions()));
        assertTrue(first.contains("-XX:DumpLoadedClassList=app-cds.classlist"), "no archive yet: this service lists its classes");
        assertFalse(String.join(" ", first).contains("SharedArchiveFile"), first.toString());

        Path archive = Files.createFile(app.resolve(ShippedLaunch.CDS_ARCHIVE));
        Files.setLastModifiedTime(archive, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 1000));
        List<String> trained = shipped.command("java", app, jar);
        assertTrue(trained.contains("-XX:SharedArchiveFile=app-cds.jsa"), trained.toString());
        assertFalse(String.join(" ", trained).contains("DumpLoadedClassList"), "trained once, mapped afterwards");

        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(archive).toMillis() + 1000));
        assertTrue(shipped.command("java", app, jar).contains("-XX:DumpLoadedClassList=app-cds.classlist"), "a jar built since: trained again");
        assertFalse(Files.exists(archive), "the archive of the older jar is deleted, the JVM would refuse it");
        assertEquals(1L << 30, ShippedLaunch.fromDeployment(ShippedLaunch.DEPLOYMENT, "1Gi").memoryLimitBytes());
    }

    @Test
    void shouldDumpTheArchiveFromTheFirstServicesClassListWithTheImagesScript(@TempDir Path app) throws Exception {
        ShippedLaunch shipped = ShippedLaunch.fromDeployment(ShippedLaunch.DEPLOYMENT, null);
        Path jar = app.resolve("quarkus-run.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new ZipEntry("META-INF/versions/11/example/OnlyVersioned.class"));
            out.write(new byte[] {1, 2, 3});
            out.closeEntry();
        }
        Path list = app.resolve(ShippedLaunch.CLASS_LIST);
        Files.writeString(list, "java/lang/Object\njava/lang/String\nexample/OnlyVersioned\n");
        Files.setLastModifiedTime(list, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 1000));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        List<String> command = shipped.command(java, app, jar);

        assertTrue(command.contains("-XX:SharedArchiveFile=app-cds.jsa"), command.toString());
        assertTrue(ShippedLaunch.newerThan(app.resolve(ShippedLaunch.CDS_ARCHIVE), jar), "dumped after the jar was built");
        Process check = new ProcessBuilder(java, "-XX:SharedArchiveFile=app-cds.jsa", "-Xshare:on", "-cp", "quarkus-run.jar", "-version")
                .directory(app.toFile()).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes());
        assertEquals(0, check.waitFor(), "the JVM maps the archive with this jar: " + output);
    }

    @Test
    void shouldNameWhatAPostgresBackendWasDoingByStatementAndWait() {
        assertEquals("COMMIT: waiting for the WAL to be flushed", PostgresWaits.classify("active", "IO", "WALSync", "COMMIT"));
        assertEquals("COMMIT: waiting for the WAL to be flushed", PostgresWaits.classify("active", "LWLock", "WALWrite", "commit"));
        assertEquals("COMMIT: on CPU", PostgresWaits.classify("active", null, null, "COMMIT"));
        assertEquals("insert into chat_message: on CPU", PostgresWaits.classify("active", null, null,
                "insert into chat_message (contact_id, intake_id) values ($1, $2)"));
        assertEquals("insert into chat_message: LWLock:WALInsert", PostgresWaits.classify("active", "LWLock", "WALInsert",
                "insert into chat_message (contact_id) values ($1)"));
        assertEquals("idle in transaction (the service works between statements)",
                PostgresWaits.classify("idle in transaction", "Client", "ClientRead", "select 1"));
        assertEquals("select from contact", PostgresWaits.statement("select c1_0.id, c1_0.channel from contact c1_0 where c1_0.id = $1"));
        assertEquals("update conversation_session", PostgresWaits.statement("update conversation_session set state = $1 where id = $2"));
        assertEquals("with … delete from inbound_pending", PostgresWaits.statement(
                "with taken as (delete from inbound_pending where id = any($1)) update inbound_update set status = $2"));
        assertEquals("delete from outbound_queue", PostgresWaits.statement("/* a comment */ delete from outbound_queue q where contact_id = any($1)"));
        assertEquals("SELECT", PostgresWaits.statement("select nextval('chat_message_seq')"));
        assertEquals("(no statement)", PostgresWaits.statement(null));
    }

    @Test
    void shouldTellTheWalPerUpdateAndTheShareOfTheTimeSpentFlushingIt() {
        PostgresWaits.Wal before = new PostgresWaits.Wal(100, 10, 1_000_000, 0, 5, 5, 1.0, 10.0);
        PostgresWaits.Wal after = new PostgresWaits.Wal(1_100, 10, 3_097_152, 2, 105, 205, 21.0, 2_010.0);
        String text = after.minus(before).describe(10.0, 1_000);
        assertTrue(text.contains("1,000 records, 0 full-page images, 2.0 MiB (0.20 MiB/s); per update 2,097 bytes and 1.0 records"), text);
        assertTrue(text.contains("200 syncs (20.0 a second), 2000 ms in them: 20% of the 10.0 s; mean 10.00 ms a sync"), text);
        assertTrue(text.contains("WAL buffers full 2 times"), text);
        assertFalse(after.minus(before).describe(10.0, 0).contains("per update"));
    }

    @Test
    void shouldTellCpuPerStepByThreadKindForEachRunSideBySide() {
        Map<String, Double> fresh = Map.of("inbound-worker", 2.0, "C CompilerThread", 1.0, "telegram-callback-answers", 0.5,
                ThreadCpuTimeline.POSTGRES, 0.4);
        Map<String, Double> warm = Map.of("inbound-worker", 1.0, "C CompilerThread", 0.1, ThreadCpuTimeline.POSTGRES, 0.3);
        String table = ThreadCpuTimeline.perStep(List.of("fresh drain", "warm drain"), List.of(fresh, warm), List.of(1_000L, 2_000L), 2);
        assertTrue(table.startsWith("| ms of CPU per step | fresh drain | warm drain |\n|---|---:|---:|\n"), table);
        assertTrue(table.contains("| inbound-worker | 2.000 | 0.500 |\n"), table);
        assertTrue(table.contains("| C CompilerThread | 1.000 | 0.050 |\n"), table);
        assertTrue(table.contains("| other threads | 0.500 | 0.000 |\n"), table);
        assertTrue(table.contains("| service | 3.500 | 0.550 |\n"), table);
        assertTrue(table.contains("| PostgreSQL | 0.400 | 0.150 |\n"), table);
        String all = ThreadCpuTimeline.perStep(List.of("fresh drain", "warm drain"), List.of(fresh, warm), List.of(1_000L, 2_000L), 4);
        assertTrue(all.contains("| telegram-callback-answers | 0.500 | 0.000 |\n"), all);
        assertEquals(1, all.split("\\| PostgreSQL \\|", -1).length - 1, all);
        assertTrue(ThreadCpuTimeline.perStep(List.of("none"), List.of(fresh), List.of(0L), 1).contains("| inbound-worker | - |"));
    }

    @Test
    void shouldAverageOnlyTheSecondsThatEndedInsideAWindowOverTheTimeTheyCover() {
        long start = 1_000_000_000_000L;
        List<ThreadCpuTimeline.Second> seconds = List.of(
                new ThreadCpuTimeline.Second(1.0, Map.of("inbound-worker", 0.5), 0.1),
                new ThreadCpuTimeline.Second(2.0, Map.of("inbound-worker", 0.25, "vert.x-eventloop-thread-", 0.5), 0.2),
                new ThreadCpuTimeline.Second(3.5, Map.of("inbound-worker", 0.125), 0.4),
                new ThreadCpuTimeline.Second(4.5, Map.of("inbound-worker", 2.0), 0.8));
        // from 1.0 s (exclusive) to 3.5 s (inclusive): the seconds that ended at 2.0 and 3.5 s, covering 1.0 to 3.5 s
        Map<String, Double> window = ThreadCpuTimeline.perSecond(seconds, start, start + 1_000_000_000L, start + 3_500_000_000L);
        assertEquals(0.375 / 2.5, window.get("inbound-worker"), 1e-9);
        assertEquals(0.5 / 2.5, window.get("vert.x-eventloop-thread-"), 1e-9);
        assertEquals(0.6 / 2.5, window.get(ThreadCpuTimeline.POSTGRES), 1e-9);
        // the first sampled second covers the time from the timeline's start
        assertEquals(0.5, ThreadCpuTimeline.perSecond(seconds, start, start, start + 1_000_000_000L).get("inbound-worker"), 1e-9);
        assertTrue(ThreadCpuTimeline.perSecond(seconds, start, start + 5_000_000_000L, start + 9_000_000_000L).isEmpty());
        // System.nanoTime() may be negative: the same window read from a negative start gives the same means
        long negative = -7_000_000_000L;
        Map<String, Double> fromNegative = ThreadCpuTimeline.perSecond(seconds, negative, negative + 1_000_000_000L, negative + 3_500_000_000L);
        assertEquals(window, fromNegative);
    }

    @Test
    void shouldNameEachServiceLogAfterItsDatabase() {
        // the forms the embedded PostgreSQL hands out, with and without options
        assertEquals("bench_open", ServiceUnderTest.database("jdbc:postgresql://localhost:41234/bench_open?user=postgres"));
        assertEquals("bench_drain", ServiceUnderTest.database("jdbc:postgresql://localhost:41234/bench_drain"));
        assertEquals("bench_start", ServiceUnderTest.database("jdbc:postgresql://localhost:41234/bench_start?sslrootcert=/etc/ca.pem"));
    }
}
