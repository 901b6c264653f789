package id.ruangaman.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.CaseStatus;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Keeps the benchmark helper honest at small scale: the cases it seeds are the cases the inbox lists (every
 * open one, in urgency order, with the right unread counts), the filters select exactly the matching ones,
 * a counsellor sees only unassigned cases and their own, the service decrypts what was seeded, and
 * {@link InboxListBenchmark#run} measures real list pages. The service runs with a known data key for this.
 */
@QuarkusTest
@TestProfile(InboxListBenchmarkTest.KnownDataKey.class)
class InboxListBenchmarkTest {

    static final String DATA_KEY = "c3ludGhldGljLWJlbmNobWFyay1rZXktMzItYnl0ZXM=";
    private static final Pattern ROW = Pattern.compile("<tr class=\"[^\"]*\" data-ref=\"([^\"]+)\">(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern UNREAD = Pattern.compile("<span class=\"unread\">(\\d+)</span>");

    public static class KnownDataKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ruangaman.data-key", DATA_KEY);
        }
    }

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    @Test
    void shouldListFilterAndOpenExactlyTheSeededCases() throws Exception {
        SyntheticCases.Seeded seeded = new SyntheticCases(DATA_KEY).seed(dataSource, 2_000);
        String prefix = seeded.prefix();
        assertEquals(2_000, count("select count(*) from intake where reference_code like ?", prefix + "-%"));
        assertEquals(2_000 * 5 + seeded.cases().stream().mapToLong(SyntheticCase::unread).sum(), count(
                "select count(*) from chat_message m join intake i on i.contact_id = m.contact_id where i.reference_code like ?", prefix + "-%"));

        InboxSession coordinator = InboxSession.login(base.toString(), seeded.coordinator(), seeded.password());
        Map<String, Integer> listed = walk(coordinator, "/inbox?ref=" + prefix);
        List<SyntheticCase> open = expected(seeded, SyntheticCase::open);
        assertTrue(open.size() > 100 && open.size() < 2_000, "a mix of open and closed cases, most open ones beyond one page");
        assertEquals(open.stream().map(k -> seeded.reference(k.index())).toList(), new ArrayList<>(listed.keySet()),
                "every open case listed once, in urgency order");
        for (SyntheticCase k : open) {
            assertEquals(k.unread(), listed.get(seeded.reference(k.index())), "unread messages of " + seeded.reference(k.index()));
        }
        assertTrue(open.stream().anyMatch(k -> k.unread() > 0) && open.stream().anyMatch(SyntheticCase::inDanger));

        assertListed(seeded, coordinator, "&status=closed", k -> CaseStatus.CLOSED.equals(k.status()));
        assertListed(seeded, coordinator, "&channel=WHATSAPP&role=witness", k -> k.open() && "WHATSAPP".equals(k.channel())
                && "witness".equals(k.reporterRole()));
        assertListed(seeded, coordinator, "&service=legal", k -> k.open() && (',' + k.services() + ',').contains(",legal,"));

        InboxSession counsellor = InboxSession.login(base.toString(), seeded.counsellors().get(0), seeded.password());
        assertListed(seeded, counsellor, "", k -> k.open() && (k.assignee() == null || k.assignee() == 0));
        assertListed(seeded, counsellor, "&view=mine", k -> k.open() && Integer.valueOf(0).equals(k.assignee()));

        SyntheticCase readable = seeded.cases().stream().filter(InboxListBenchmark::opensUnchanged).findFirst().orElseThrow();
        InboxSession.Page page = counsellor.get("/inbox/cases/" + seeded.reference(readable.index()));
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Kronologi sintetis untuk uji beban, kasus " + readable.index()), "the service decrypts the seeded record");
    }

    @Test
    void shouldMeasureRenderedListPages() throws Exception {
        InboxListBenchmark.Result result = InboxListBenchmark.run(dataSource, base.toString(), DATA_KEY, 1_000, 20);
        assertEquals(1_000, result.cases());
        assertEquals(20, result.requests());
        assertTrue(result.p50Millis() > 0 && result.p50Millis() <= result.p95Millis() && result.p95Millis() <= result.p99Millis()
                && result.p99Millis() <= result.maxMillis(), result.toString());
        assertTrue(result.seedMillis() > 0);
        assertTrue(result.explain().contains("Sort Key: i.in_danger DESC"), result.explain());
        assertTrue(result.explain().contains("Execution Time"), result.explain());
        assertTrue(result.explain().contains("coordinator, all"), result.explain());
    }

    private void assertListed(SyntheticCases.Seeded seeded, InboxSession session, String filter, Predicate<SyntheticCase> expected)
            throws Exception {
        List<String> refs = expected(seeded, expected).stream().map(k -> seeded.reference(k.index())).toList();
        assertEquals(refs, new ArrayList<>(walk(session, "/inbox?ref=" + seeded.prefix() + filter).keySet()), "listed with " + filter);
    }

    /** The cases matching {@code filter}, in the list's urgency order. */
    private static List<SyntheticCase> expected(SyntheticCases.Seeded seeded, Predicate<SyntheticCase> filter) {
        return seeded.cases().stream().filter(filter).sorted(Comparator.comparing((SyntheticCase k) -> !k.inDanger())
                .thenComparing(k -> k.firstResponseAt() != null).thenComparing(SyntheticCase::firstResponseDueAt)
                .thenComparing(SyntheticCase::index)).toList();
    }

    /** Every row of every page of a listing: reference → unread count shown, in page order. */
    private static Map<String, Integer> walk(InboxSession session, String listing) throws Exception {
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (int page = 0;; page++) {
            InboxSession.Page answer = session.get(listing + "&page=" + page);
            assertEquals(200, answer.status(), listing);
            Matcher row = ROW.matcher(answer.body());
            int onPage = 0;
            while (row.find()) {
                Matcher unread = UNREAD.matcher(row.group(2));
                assertEquals(null, rows.put(row.group(1), unread.find() ? Integer.parseInt(unread.group(1)) : 0), "listed twice: " + row.group(1));
                onPage++;
            }
            boolean next = answer.body().contains("href=\"/inbox?page=" + (page + 1));
            assertTrue(onPage == InboxListBenchmark.PAGE_SIZE || !next, "a full page before the next one");
            if (!next) {
                return rows;
            }
        }
    }

    private long count(String sql, String parameter) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
