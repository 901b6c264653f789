package id.ruangaman.inbox;

import jakarta.ws.rs.WebApplicationException;

/** A status change the workflow refuses (409); {@link #code()} says why, as a label key. */
public class StepRefused extends WebApplicationException {

    private final String code;

    public StepRefused(String code) {
        super("status change refused: " + code, 409);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
