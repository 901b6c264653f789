package id.ruangaman.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the service's own counters whose names start with one of some prefixes (from {@code /q/metrics}, Prometheus
 * text) at a fixed interval, so a phase can report what they counted inside its measured window and how that moved over time. A
 * scrape that fails is skipped. The counters hold counts and times only, no data.
 */
final class ServiceCounters {

    /** One scrape: when ({@link System#nanoTime()}), and each line's value by its name and labels. */
    record Scrape(long nanos, Map<String, Double> values) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final URI metrics;
    private final List<String> prefixes;
    private final List<Scrape> scrapes = new ArrayList<>();
    private ScheduledExecutorService timer;

    ServiceCounters(int port, String... prefixes) {
        this.metrics = URI.create("http://localhost:" + port + "/q/metrics");
        this.prefixes = List.of(prefixes);
    }

    void start(Duration interval) {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bench-counters");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::scrape, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    List<Scrape> stop() throws InterruptedException {
        timer.shutdown();
        timer.awaitTermination(10, TimeUnit.SECONDS);
        scrape();
        synchronized (scrapes) {
            return List.copyOf(scrapes);
        }
    }

    private void scrape() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            long at = System.nanoTime();
            if (response.statusCode() != 200) {
                return;
            }
            Map<String, Double> values = parse(response.body(), prefixes);
            synchronized (scrapes) {
                scrapes.add(new Scrape(at, values));
            }
        } catch (Exception e) {
            // a missed scrape leaves a gap, nothing more
        }
    }

    static Map<String, Double> parse(String text, List<String> prefixes) {
        Map<String, Double> values = new TreeMap<>();
        for (String line : text.split("\n")) {
            if (prefixes.stream().noneMatch(line::startsWith)) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            try {
                values.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                // not a sample line
            }
        }
        return values;
    }

    /** The scrape nearest to {@code nanos}. */
    static Scrape nearest(List<Scrape> scrapes, long nanos) {
        Scrape best = scrapes.get(0);
        for (Scrape scrape : scrapes) {
            if (Math.abs(scrape.nanos() - nanos) < Math.abs(best.nanos() - nanos)) {
                best = scrape;
            }
        }
        return best;
    }

    /**
     * What each line counted between the scrapes nearest {@code from} and {@code to} (counters, timers' counts, sums
     * and buckets; a gauge or a maximum shows its value at the end), then every line but the buckets per interval.
     */
    static String report(List<Scrape> scrapes, long from, long to) {
        if (scrapes.size() < 2) {
            return "(the service's counters could not be read)\n";
        }
        Scrape first = nearest(scrapes, from);
        Scrape last = nearest(scrapes, to);
        StringBuilder out = new StringBuilder(String.format("Over %.1f s of the measured window:%n%n```%n", (last.nanos() - first.nanos()) / 1e9));
        last.values().forEach((name, value) -> out.append(String.format("%-90s %,.3f%n", name,
                cumulative(name) ? value - first.values().getOrDefault(name, 0.0) : value)));
        out.append("```\n\nPer interval (from the first scrape; buckets left out):\n\n```\n");
        for (int i = 1; i < scrapes.size(); i++) {
            Scrape before = scrapes.get(i - 1);
            Scrape now = scrapes.get(i);
            out.append(String.format("%6.1f s:", (now.nanos() - scrapes.get(0).nanos()) / 1e9));
            now.values().forEach((name, value) -> {
                if (!name.contains("_bucket")) {
                    double shown = cumulative(name) ? value - before.values().getOrDefault(name, 0.0) : value;
                    if (shown != 0) {
                        out.append(String.format(" %s=%.3f", shortName(name), shown));
                    }
                }
            });
            out.append('\n');
        }
        return out.append("```\n").toString();
    }

    /**
     * The mean of a timer between the scrapes nearest {@code from} and {@code to}, in milliseconds: the growth of the
     * {@code _sum} lines of {@code timer} whose labels contain {@code labels}, over that of their {@code _count} lines
     * (NaN when nothing was counted or the counters could not be read). For {@code http_server_requests_seconds}, the
     * time from the request's arrival at the service's HTTP server to the end of its response.
     */
    static double meanMillis(List<Scrape> scrapes, long from, long to, String timer, String labels) {
        if (scrapes.size() < 2) {
            return Double.NaN;
        }
        Scrape first = nearest(scrapes, from);
        Scrape last = nearest(scrapes, to);
        double sum = growth(first, last, timer + "_sum", labels);
        double count = growth(first, last, timer + "_count", labels);
        return count > 0 ? sum / count * 1_000 : Double.NaN;
    }

    private static double growth(Scrape first, Scrape last, String name, String labels) {
        double grown = 0;
        for (Map.Entry<String, Double> line : last.values().entrySet()) {
            if (line.getKey().startsWith(name + "{") && line.getKey().contains(labels)) {
                grown += line.getValue() - first.values().getOrDefault(line.getKey(), 0.0);
            }
        }
        return grown;
    }

    /** A line's name as the per-interval list shows it: without the ack counters' prefix, an HTTP timer by method and path. */
    static String shortName(String name) {
        if (name.startsWith("http_server_requests_seconds")) {
            String method = label(name, "method");
            String uri = label(name, "uri");
            return "http" + name.substring("http_server_requests_seconds".length(), name.indexOf('{') < 0 ? name.length() : name.indexOf('{'))
                    + "{" + method + " " + uri + "}";
        }
        return name.replace("ruangaman_ack_", "");
    }

    private static String label(String name, String label) {
        int at = name.indexOf(label + "=\"");
        if (at < 0) {
            return "";
        }
        int start = at + label.length() + 2;
        return name.substring(start, name.indexOf('"', start));
    }

    private static boolean cumulative(String name) {
        String bare = name.contains("{") ? name.substring(0, name.indexOf('{')) : name;
        return bare.endsWith("_total") || bare.endsWith("_count") || bare.endsWith("_sum") || bare.endsWith("_bucket");
    }
}
