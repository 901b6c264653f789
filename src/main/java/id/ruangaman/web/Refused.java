package id.ruangaman.web;

/**
 * A request a service refuses, in the service's own terms: the input is invalid, the account may not do it, the
 * thing is not there, or the case is not in a state for it. Services throw this, never a JAX-RS exception;
 * {@link ErrorPages} maps it to HTTP (400, 403, 404 or 409) exactly as a refusal with the same status and message:
 * a browser's form post redisplays its page with the reason ({@link Refusals}), any other client gets the status.
 * The message is a fixed English phrase (it picks the reason line), never anything a person typed.
 */
public class Refused extends RuntimeException {

    private final int status;

    protected Refused(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** A missing or malformed field (400). */
    public static Refused invalidInput(String message) {
        return new Refused(400, message);
    }

    /** The account may not do this (403). */
    public static Refused forbidden(String message) {
        return new Refused(403, message);
    }

    /** No such thing, or not visible to this account (404). */
    public static Refused notFound(String message) {
        return new Refused(404, message);
    }

    /** The thing is not in a state for this (409). */
    public static Refused conflict(String message) {
        return new Refused(409, message);
    }

    /**
     * More of the reason for the page shown again after a redirect, appended to its {@code ?refused=} query
     * ({@code &name=value}, numbers and codes only, never anything typed); empty by default.
     */
    public String query() {
        return "";
    }

    /** The HTTP status the refusal is answered with. */
    public int status() {
        return status;
    }
}
