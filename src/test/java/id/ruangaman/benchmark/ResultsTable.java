package id.ruangaman.benchmark;

import java.util.ArrayList;
import java.util.List;

/**
 * The one results table of a run: the ceilings first, then every goal of issue 16 with its measured figure, its
 * share of the ceilings measured in the same run, its target and whether it passed. A row whose figure could not
 * be measured says so and counts as MISSED.
 */
final class ResultsTable {

    record Row(String goal, String figure, String measured, String shareOfCeilings, String target, String result) {
    }

    private final List<Row> rows = new ArrayList<>();
    private double trivialPerSecond = Double.NaN;
    private double pgbenchPerSecond = Double.NaN;

    void trivialCeiling(double perSecond, String measured) {
        trivialPerSecond = perSecond;
        rows.add(new Row("ceiling", "Trivial endpoint `GET /q/health/live`, flat out", measured, "100% of trivial", "", ""));
    }

    void pgbenchCeiling(double perSecond, String measured) {
        pgbenchPerSecond = perSecond;
        rows.add(new Row("ceiling", "PostgreSQL durable single-row insert (pgbench)", measured, "100% of pgbench", "", ""));
    }

    /** A goal line with a rate, shown with its share of both ceilings. */
    void rate(String goal, String figure, double perSecond, String measured, Goal verdict) {
        rows.add(new Row(goal, figure, measured, shares(perSecond), verdict.target(), verdict.verdict()));
    }

    /** A goal line whose figure is not a rate (latency, memory, a count in a window); {@code share} may be empty. */
    void line(String goal, String figure, String measured, String share, Goal verdict) {
        rows.add(new Row(goal, figure, measured, share, verdict.target(), verdict.verdict()));
    }

    /** A figure reported for context, with no target of its own. */
    void info(String goal, String figure, String measured, String share) {
        rows.add(new Row(goal, figure, measured, share, "", ""));
    }

    /** "12% of trivial, 30% of pgbench" for a rate; "not measured" for a ceiling that is missing. */
    String shares(double perSecond) {
        return percent(Figures.share(perSecond, trivialPerSecond)) + " of trivial, " + percent(Figures.share(perSecond, pgbenchPerSecond))
                + " of pgbench";
    }

    double trivialPerSecond() {
        return trivialPerSecond;
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    List<Row> missed() {
        return rows.stream().filter(row -> Goal.MISSED.equals(row.result())).toList();
    }

    /** "4.41 s", or "not measured" for a figure the run's phases did not take (NaN). */
    static String seconds(double seconds) {
        return Double.isNaN(seconds) ? "not measured" : String.format("%.2f s", seconds);
    }

    /** "p99 2.10× the trivial endpoint's", or "not measured of trivial" when the run did not measure the endpoint (NaN). */
    static String timesTrivialP99(double p99, double trivialP99) {
        return Double.isNaN(trivialP99) ? "not measured of trivial" : String.format("p99 %.2f× the trivial endpoint's", p99 / trivialP99);
    }

    static String percent(double share) {
        if (Double.isNaN(share)) {
            return "not measured";
        }
        return share < 0.1 ? String.format("%.1f%%", 100 * share) : String.format("%.0f%%", 100 * share);
    }

    /** The rows grouped by goal (ceilings first, then goals 1 to 4, then the rest), in the order measured within a goal. */
    List<Row> ordered() {
        return rows.stream().sorted(java.util.Comparator.comparing(row -> row.goal().equals("ceiling") ? "" : row.goal())).toList();
    }

    /** "14 goal lines: 9 pass, 5 MISSED." */
    String tally() {
        long goals = rows.stream().filter(row -> !row.result().isEmpty()).count();
        return String.format("%d goal lines: %d pass, %d MISSED.", goals, goals - missed().size(), missed().size());
    }

    String markdown() {
        StringBuilder out = new StringBuilder("| Goal | Figure | Measured | Share of the ceilings | Target | Result |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (Row row : ordered()) {
            out.append("| ").append(String.join(" | ", cell(row.goal()), cell(row.figure()), cell(row.measured()), cell(row.shareOfCeilings()),
                    cell(row.target()), row.result().equals(Goal.MISSED) ? "**MISSED**" : row.result())).append(" |\n");
        }
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
