package id.ruangaman.web;

import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

/** The inbox language of this request: Bahasa Indonesia unless the person switched to English (a cookie). */
@RequestScoped
@Named("inboxLocale")
public class InboxLocale {

    private static final java.util.regex.Pattern REASON_KEY = java.util.regex.Pattern.compile("[a-z_]{1,40}");
    private static final java.util.regex.Pattern COUNT = java.util.regex.Pattern.compile("[0-9]{1,9}");
    private static final java.util.regex.Pattern STEP_REASON_KEY = java.util.regex.Pattern.compile("step_[a-z_]{1,34}");
    private static final java.util.regex.Pattern STEP = java.util.regex.Pattern.compile("[a-z_]{1,40}(:[a-z_]{1,40})?");

    public static final String COOKIE = "ruangaman-lang";
    public static final Locale INDONESIAN = Locale.forLanguageTag("id");

    private final HttpServerRequest request;
    private Locale document;
    private int[] tooLong;
    private String tooLongField;

    InboxLocale(HttpServerRequest request) {
        this.request = request;
    }

    /** The cookie that keeps the inbox language ({@code en}, anything else Bahasa Indonesia) for a year. */
    public static jakarta.ws.rs.core.NewCookie cookie(String lang) {
        return new jakarta.ws.rs.core.NewCookie.Builder(COOKIE).value("en".equals(lang) ? "en" : "id").path("/")
                .maxAge(365 * 24 * 3600).httpOnly(true).sameSite(jakarta.ws.rs.core.NewCookie.SameSite.STRICT).build();
    }

    public Locale get() {
        return document != null ? document : of(request);
    }

    /** The person's own inbox language (the cookie), whatever document this request prints; also for exception mappers. */
    public static Locale of(HttpServerRequest request) {
        Cookie cookie = request.getCookie(COOKIE);
        return cookie != null && "en".equals(cookie.getValue()) ? Locale.ENGLISH : INDONESIAN;
    }

    public String getTag() {
        return get().getLanguage();
    }

    /**
     * This page's path and query, for the language switch to come back to (a GET page; after a POST, the inbox).
     * The one-time {@code refused} reason is left out.
     */
    public String getHere() {
        if (!"GET".equals(request.method().name())) {
            return "/inbox";
        }
        String query = request.query() == null ? "" : java.util.Arrays.stream(request.query().split("&"))
                .filter(p -> !p.startsWith("refused=") && !p.startsWith("length=") && !p.startsWith("limit=")
                        && !p.startsWith("step=")).collect(java.util.stream.Collectors.joining("&"));
        String here = request.path() + (query.isEmpty() ? "" : "?" + query);
        return here.startsWith("/inbox") && here.length() < 500 ? here : "/inbox";
    }

    /** This request's path, without the query ({@code /inbox/cases/RA-7K2QX}). */
    public String getPath() {
        return request.path();
    }

    /** The reason key of a refused form action this page is shown again for ({@code ?refused=}), or null. */
    public String getRefused() {
        String key = request.getParam("refused");
        return key != null && REASON_KEY.matcher(key).matches() ? key : null;
    }

    /**
     * The two numbers of a text refused as too long on this page, formatted for the reader ("5.210" in Bahasa
     * Indonesia, "5,210" in English): from the refusal a resource caught ({@link #refusedText}), or after a redirect
     * from {@code ?length=&limit=}; null when this page shows no such refusal.
     */
    public TooLong getTooLong() {
        if (tooLong == null) {
            String length = request.getParam("length");
            String limit = request.getParam("limit");
            if (length != null && limit != null && COUNT.matcher(length).matches() && COUNT.matcher(limit).matches()) {
                tooLong = new int[] { Integer.parseInt(length), Integer.parseInt(limit) };
            }
        }
        if (tooLong == null) {
            return null;
        }
        java.text.NumberFormat format = java.text.NumberFormat.getIntegerInstance(get());
        return new TooLong(format.format(tooLong[0]), format.format(tooLong[1]));
    }

    /** This page is shown again for a text refused as too long: its reason gives the length and the limit. */
    public void refusedText(TextTooLong refusal) {
        tooLong = new int[] { refusal.length(), refusal.limit() };
        tooLongField = refusal.field();
    }

    /**
     * The field a text refused as too long on this page is in ({@link TextTooLong#field()}: {@code name}, {@code address}),
     * when the refusal named one; null otherwise.
     */
    public String getTooLongField() {
        return tooLong == null ? null : tooLongField;
    }

    /** A too-long text's length and its field's limit, formatted for the reader. */
    public record TooLong(String length, String limit) {
    }

    /**
     * The SOP gates' codes when the refusal is a workflow step's ({@code ?refused=step_<code>}, once per thing missing,
     * in order), else empty.
     */
    public java.util.List<String> getRefusedSteps() {
        return request.params().getAll("refused").stream().filter(k -> STEP_REASON_KEY.matcher(k).matches())
                .map(k -> k.substring("step_".length())).distinct().limit(12).toList();
    }

    /**
     * The status change a refused step was asked for ({@code ?step=verified}, {@code ?step=closed:resolved}), when the
     * page shows its reasons next to that step's form instead of at the top; null when there is none or no reason.
     */
    public String getRefusedStep() {
        String step = request.getParam("step");
        return step != null && STEP.matcher(step).matches() && !getRefusedSteps().isEmpty() ? step : null;
    }

    /**
     * This request prints a document (a letter, minutes, a form) for another reader: it is rendered in the reader's
     * language, {@code requested} ({@code ?lang=id|en}, the print page's choice) or else {@code fallback} (the
     * recipient's language: "id" for Indonesian institutions and people). Labels and bundles of this request follow it.
     */
    public void printIn(String requested, String fallback) {
        String tag = "id".equals(requested) || "en".equals(requested) ? requested : "en".equals(fallback) ? "en" : "id";
        document = "en".equals(tag) ? Locale.ENGLISH : INDONESIAN;
    }

    /** {@link #printIn} then {@link #apply}. */
    public TemplateInstance applyDocument(TemplateInstance instance, String requested, String fallback) {
        printIn(requested, fallback);
        return apply(instance);
    }

    /** The printed document's language tag when this request prints one ({@code id}, {@code en}), else null. */
    public String getDocument() {
        return document == null ? null : document.getLanguage();
    }

    /** A document printed in another language than the person's inbox: the page leaves out the inbox's bar. */
    public boolean isForeignDocument() {
        return document != null && !document.equals(of(request));
    }

    public TemplateInstance apply(TemplateInstance instance) {
        return instance.setAttribute(TemplateInstance.LOCALE, get());
    }
}
