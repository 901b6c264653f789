package id.ruangaman.casework;

import id.ruangaman.web.Refused;

/**
 * A casework form the service refuses: 400 for a missing or invalid field, 409 for a step the case is not ready for.
 * {@link #code()} is a label key of the {@code sop:refusal} message; the page is shown again with it.
 */
class FormRefused extends Refused {

    private final String code;

    FormRefused(int status, String code) {
        super(status, "refused: " + code);
        this.code = code;
    }

    static FormRefused invalid(String code) {
        return new FormRefused(400, code);
    }

    static FormRefused notReady(String code) {
        return new FormRefused(409, code);
    }

    public String code() {
        return code;
    }
}
