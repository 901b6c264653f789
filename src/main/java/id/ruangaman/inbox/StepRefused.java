package id.ruangaman.inbox;

import java.util.List;

import id.ruangaman.web.Refused;

/**
 * A status change the workflow refuses (409). {@link #codes()} says everything that is missing, as label keys, in
 * the order {@link StepBlocks} gives them; {@link #code()} is the first.
 */
public class StepRefused extends Refused {

    private final List<String> codes;

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

    public String code() {
        return codes.get(0);
    }

    public List<String> codes() {
        return codes;
    }
}
