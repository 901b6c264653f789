package id.ruangaman.inbox;

import id.ruangaman.web.Refused;

/** A status change the workflow refuses (409); {@link #code()} says why, as a label key. */
public class StepRefused extends Refused {

    private final String code;

    public StepRefused(String code) {
        super(409, "status change refused: " + code);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
