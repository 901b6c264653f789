package id.ruangaman.benchmark;

/**
 * One goal line of the results table: a measured value against a target. A value that was not measured (NaN) never
 * passes, so a broken phase shows as MISSED rather than as a pass.
 */
record Goal(String verdict, String target) {

    static final String PASS = "pass";
    static final String MISSED = "MISSED";

    /** Passes when {@code value >= floor}. */
    static Goal atLeast(double value, double floor, String target) {
        return new Goal(!Double.isNaN(value) && value >= floor ? PASS : MISSED, target);
    }

    /** Passes when {@code value <= ceiling}. */
    static Goal atMost(double value, double ceiling, String target) {
        return new Goal(!Double.isNaN(value) && value <= ceiling ? PASS : MISSED, target);
    }

    /** Passes when the value is at most {@code limit} and at least {@code limit × (1 - tolerance)}: at the limit, never above. */
    static Goal atLimit(double value, double limit, double tolerance, String target) {
        return new Goal(!Double.isNaN(value) && value <= limit && value >= limit * (1 - tolerance) ? PASS : MISSED, target);
    }

    /** Passes when every part passes; the target texts are joined. */
    static Goal all(Goal... goals) {
        StringBuilder target = new StringBuilder();
        boolean pass = true;
        for (Goal goal : goals) {
            pass &= goal.passed();
            target.append(target.isEmpty() ? "" : "; ").append(goal.target());
        }
        return new Goal(pass ? PASS : MISSED, target.toString());
    }

    boolean passed() {
        return PASS.equals(verdict);
    }
}
