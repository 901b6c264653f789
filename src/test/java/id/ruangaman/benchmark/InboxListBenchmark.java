package id.ruangaman.benchmark;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import id.ruangaman.inbox.CaseFilter;

/**
 * Times the counsellor inbox's case list against a running service with a given number of synthetic cases.
 *
 * <p>{@link #run} takes a {@link DataSource} of the service's database (for seeding and EXPLAIN; the service
 * itself is reached only over HTTP at {@code baseUrl}) and the service's {@code RUANGAMAN_DATA_KEY}, so the
 * seeded ciphertext is readable by it. It logs in as a synthetic counsellor (who sees unassigned cases and
 * their own, as on a counsellor's screen) and times the default first page, {@code /inbox}, which is what
 * the returned percentiles describe. The page size is the service default (50).
 * {@link Result#explain()} holds the EXPLAIN (ANALYZE, BUFFERS) of that page's query, followed by the
 * timings of a few filtered variants and the coordinator's view, each with fewer requests.
 */
public final class InboxListBenchmark {

    public record Result(int cases, int requests, double p50Millis, double p95Millis, double p99Millis, double maxMillis,
            long seedMillis, String explain) {
    }

    static final int PAGE_SIZE = 50;

    private InboxListBenchmark() {
    }

    /** Seeds {@code cases} synthetic cases, logs in over HTTP, warms up, then times {@code requests} sequential GETs of the case list. */
    public static Result run(DataSource database, String baseUrl, String dataKeyBase64, int cases, int requests) throws Exception {
        long seedStart = System.nanoTime();
        SyntheticCases.Seeded seeded = new SyntheticCases(dataKeyBase64).seed(database, cases);
        long seedMillis = (System.nanoTime() - seedStart) / 1_000_000;

        String counsellor = seeded.counsellors().get(0);
        InboxSession session = InboxSession.login(baseUrl, counsellor, seeded.password());
        requireCaseFile(session, seeded);
        time(session, "/inbox", Math.max(20, requests / 2));
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        double[] main = time(session, "/inbox", requests);
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

        Map<String, String> variants = new LinkedHashMap<>();
        variants.put("mine", "/inbox?view=mine");
        variants.put("overdue", "/inbox?view=overdue");
        variants.put("status+channel", "/inbox?status=referred&channel=WHATSAPP");
        variants.put("role+service", "/inbox?role=witness&service=legal");
        variants.put("reference prefix", "/inbox?ref=" + seeded.prefix() + "-0001");
        variants.put("closed", "/inbox?status=closed");
        variants.put("page 20", "/inbox?page=20");
        int each = Math.max(10, requests / 4);
        StringBuilder report = new StringBuilder("Case list of counsellor ").append(counsellor).append(", default first page (")
                .append(requests).append(" requests): ").append(summary(main))
                .append(String.format("%nMachine: %d cores, 1-minute load average %.2f before and %.2f after the timed requests%n%n",
                        Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter))
                .append(ListPlan.explain(database, CaseFilter.of(null, null, null, null, null, null, 0),
                        ListPlan.accountId(database, counsellor), false, PAGE_SIZE))
                .append("\nFiltered variants, ").append(each).append(" requests each after ").append(each / 2).append(" warm-up:\n");
        for (Map.Entry<String, String> variant : variants.entrySet()) {
            time(session, variant.getValue(), each / 2);
            report.append(String.format("  %-18s %s%n", variant.getKey(), summary(time(session, variant.getValue(), each))));
        }
        InboxSession coordinator = InboxSession.login(baseUrl, seeded.coordinator(), seeded.password());
        time(coordinator, "/inbox", each / 2);
        report.append(String.format("  %-18s %s%n", "coordinator, all", summary(time(coordinator, "/inbox", each))));
        report.append("\nClosed cases (status=closed) plan:\n").append(ListPlan.explain(database,
                CaseFilter.of(null, "closed", null, null, null, null, 0), ListPlan.accountId(database, counsellor), false, PAGE_SIZE));
        return new Result(cases, requests, percentile(main, 50), percentile(main, 95), percentile(main, 99), main[main.length - 1],
                seedMillis, report.toString());
    }

    /**
     * One seeded case page must open: it decrypts the intake record and the transcript, so a wrong key fails here.
     * The case is one the first counsellor may see, without unread messages (opening a case marks it read).
     */
    private static void requireCaseFile(InboxSession session, SyntheticCases.Seeded seeded) throws Exception {
        int open = 0;
        while (!opensUnchanged(seeded.cases().get(open))) {
            open++;
        }
        InboxSession.Page page = session.get("/inbox/cases/" + seeded.reference(open));
        if (page.status() != 200 || !page.body().contains("Kronologi sintetis")) {
            throw new IllegalStateException("the service could not show seeded case " + seeded.reference(open) + " (HTTP " + page.status()
                    + "): is dataKeyBase64 the service's RUANGAMAN_DATA_KEY?");
        }
    }

    static boolean opensUnchanged(SyntheticCase k) {
        return k.open() && !k.deleted() && k.unread() == 0 && (k.assignee() == null || k.assignee() == 0);
    }

    /** Sorted response times in milliseconds; every response must be the rendered case list. */
    static double[] time(InboxSession session, String path, int requests) throws Exception {
        double[] millis = new double[requests];
        for (int i = 0; i < requests; i++) {
            InboxSession.Page page = session.get(path);
            if (page.status() != 200 || !page.body().contains("id=\"case-list\"")) {
                throw new IllegalStateException("GET " + path + " answered " + page.status() + " instead of the case list");
            }
            millis[i] = page.nanos() / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String summary(double[] sorted) {
        return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", percentile(sorted, 50), percentile(sorted, 95),
                percentile(sorted, 99), sorted[sorted.length - 1]);
    }
}
