package id.ruangaman.inbox;

import java.util.List;

import id.ruangaman.web.Refused;

/**
 * A status change the workflow refuses (409). {@link #codes()} says everything that is missing, as label keys, in
 * the order {@link StepBlocks} gives them; {@link #code()} is the first.
 */
public class StepRefused extends Refused {

    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[a-z_]{1,40}");

    private final List<String> codes;
    private String step;

    public StepRefused(String code) {
        this(List.of(code));
    }

    public StepRefused(List<String> codes) {
        super(409, "status change refused: " + String.join(" ", codes));
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("a refusal names what is missing");
        }
        this.codes = List.copyOf(codes);
    }

    /**
     * The same refusal, for the status change {@code status} (with {@code reason} when closing): the page shown again
     * says it next to that step's form ({@code &step=closed:resolved}).
     */
    public StepRefused asked(String status, String reason) {
        StepRefused again = new StepRefused(codes);
        // a closed case, or a step not possible from here, has no form for the step: its reason stays at the top
        again.step = codes.contains("case_closed") || codes.contains("illegal_step") ? null : Step.of(status, reason);
        return again;
    }

    @Override
    public String query() {
        return step == null ? "" : "&step=" + step;
    }

    public String code() {
        return codes.get(0);
    }

    public List<String> codes() {
        return codes;
    }

    /** A status change as the refused page names it: {@code verified}, {@code closed:resolved}; null when not a known shape. */
    static final class Step {

        private Step() {
        }

        /** The step's name, or null when {@code status} (or the close reason) is not plain lower-case words. */
        public static String of(String status, String reason) {
            if (status == null || !CODE.matcher(status).matches()) {
                return null;
            }
            return CaseStatus.CLOSED.equals(status) && reason != null && CODE.matcher(reason).matches() ? status + ":" + reason : status;
        }
    }
}
