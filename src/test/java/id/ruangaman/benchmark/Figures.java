package id.ruangaman.benchmark;

import java.util.Arrays;
import java.util.List;

/**
 * The arithmetic the results rest on, kept apart from the run so {@code BenchmarkHarnessTest} can check it:
 * shares of a ceiling, the slope of a backlog, the steady rate of a drain, and counts of arrivals in windows.
 * Times are seconds or nanoseconds as named; rates are per second.
 */
final class Figures {

    /** A point of a time series: seconds from the start of a phase, and a level (updates or replies waiting). */
    record Point(double seconds, double level) {
    }

    private Figures() {
    }

    /** {@code value} as a share of {@code ceiling} (0.25 is 25%); NaN when the ceiling was not measured. */
    static double share(double value, double ceiling) {
        return ceiling > 0 && !Double.isNaN(value) ? value / ceiling : Double.NaN;
    }

    /** The least-squares slope of the level over time, in level units per second; NaN with fewer than two distinct times. */
    static double slope(List<Point> points) {
        int n = points.size();
        if (n < 2) {
            return Double.NaN;
        }
        double meanT = points.stream().mapToDouble(Point::seconds).average().orElse(0);
        double meanL = points.stream().mapToDouble(Point::level).average().orElse(0);
        double covariance = 0;
        double variance = 0;
        for (Point point : points) {
            covariance += (point.seconds() - meanT) * (point.level() - meanL);
            variance += (point.seconds() - meanT) * (point.seconds() - meanT);
        }
        return variance == 0 ? Double.NaN : covariance / variance;
    }

    /**
     * How fast a backlog that started at {@code start} was worked off once processing was warm: from the first sample
     * at or below 90% of the start to the first later sample at or below 10% (or the last sample, when the drain was
     * cut short). Excludes the cold first tenth and the thin tail. NaN when the backlog never fell below 90%.
     */
    static double steadyDrainRate(List<Point> points, double start) {
        int from = -1;
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).level() <= 0.9 * start) {
                from = i;
                break;
            }
        }
        if (from < 0) {
            return Double.NaN;
        }
        int to = points.size() - 1;
        for (int i = from + 1; i < points.size(); i++) {
            if (points.get(i).level() <= 0.1 * start) {
                to = i;
                break;
            }
        }
        Point a = points.get(from);
        Point b = points.get(to);
        return b.seconds() > a.seconds() ? (a.level() - b.level()) / (b.seconds() - a.seconds()) : Double.NaN;
    }

    /**
     * How fast a backlog that started at {@code start} was worked off once the service had run for {@code warmSeconds}
     * (issue 16's "sustained" rate): from the first sample at or after {@code warmSeconds} to the first later sample at
     * or below 10% of the start (or the last sample, when the drain was cut short), in updates per second. A fresh JVM
     * spends its first seconds compiling the very code it runs, so those seconds are left out, as goal 1 leaves out its
     * cold window. NaN when no sample lies after the warm-up with a later one to compare, or when the backlog was
     * already at or below 10% by then (too small a backlog to measure a sustained rate).
     */
    static double warmDrainRate(List<Point> points, double start, double warmSeconds) {
        int from = -1;
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).seconds() >= warmSeconds) {
                from = i;
                break;
            }
        }
        if (from < 0 || from == points.size() - 1 || points.get(from).level() <= 0.1 * start) {
            return Double.NaN;
        }
        int to = points.size() - 1;
        for (int i = from + 1; i < points.size(); i++) {
            if (points.get(i).level() <= 0.1 * start) {
                to = i;
                break;
            }
        }
        Point a = points.get(from);
        Point b = points.get(to);
        return (a.level() - b.level()) / (b.seconds() - a.seconds());
    }

    /**
     * How fast the backlog fell in the first {@code warmSeconds} (the fresh JVM's warm-up), in updates per second: from
     * the first sample to the last sample at or before {@code warmSeconds}. NaN with fewer than two such samples.
     */
    static double coldDrainRate(List<Point> points, double warmSeconds) {
        int to = -1;
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).seconds() <= warmSeconds) {
                to = i;
            }
        }
        if (to < 1) {
            return Double.NaN;
        }
        Point a = points.get(0);
        Point b = points.get(to);
        return b.seconds() > a.seconds() ? (a.level() - b.level()) / (b.seconds() - a.seconds()) : Double.NaN;
    }

    /** Arrivals (nanosecond times, any order) with {@code from <= t < to}. */
    static int countBetween(long[] arrivals, long from, long to) {
        return (int) Arrays.stream(arrivals).filter(t -> t >= from && t < to).count();
    }

    /**
     * The most arrivals inside any window of {@code windowNanos}, sliding over every arrival: a window starting at an
     * arrival holds it and every later arrival less than {@code windowNanos} after it.
     */
    static int maxInWindow(long[] arrivals, long windowNanos) {
        long[] sorted = Arrays.copyOf(arrivals, arrivals.length);
        Arrays.sort(sorted);
        int best = 0;
        int start = 0;
        for (int end = 0; end < sorted.length; end++) {
            while (sorted[end] - sorted[start] >= windowNanos) {
                start++;
            }
            best = Math.max(best, end - start + 1);
        }
        return best;
    }

    /**
     * A table of sends per second for two channels, each counted from its own first send (second 1 holds the sends in
     * [0, 1 s) after it), for {@code seconds} seconds; the header gives each first send's delay after {@code startNanos}.
     */
    static String sendTimeline(long startNanos, long[] telegram, long[] whatsapp, int seconds) {
        int[] telegramCounts = perSecond(telegram, seconds);
        int[] whatsappCounts = perSecond(whatsapp, seconds);
        StringBuilder out = new StringBuilder(String.format("| s after the first send | Telegram (first at %s) | WhatsApp (first at %s) |%n"
                + "|---:|---:|---:|%n", firstAfter(startNanos, telegram), firstAfter(startNanos, whatsapp)));
        for (int second = 0; second < seconds; second++) {
            out.append(String.format("| %d | %d | %d |%n", second + 1, telegramCounts[second], whatsappCounts[second]));
        }
        return out.toString();
    }

    /** Arrivals per whole second after the first one, for {@code seconds} seconds. */
    static int[] perSecond(long[] arrivals, int seconds) {
        int[] counts = new int[seconds];
        if (arrivals.length == 0) {
            return counts;
        }
        long first = Arrays.stream(arrivals).min().getAsLong();
        for (long at : arrivals) {
            long second = (at - first) / 1_000_000_000L;
            if (second < seconds) {
                counts[(int) second]++;
            }
        }
        return counts;
    }

    private static String firstAfter(long startNanos, long[] arrivals) {
        return arrivals.length == 0 ? "none" : String.format("%.2f s", (Arrays.stream(arrivals).min().getAsLong() - startNanos) / 1e9);
    }

    /** The median (the mean of the middle two for an even count); NaN when empty. */
    static double median(double... values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(values, values.length);
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
