package id.ruangaman.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.TemplateInstance;

/**
 * The query values of an inbox page with a filter form (the case list, the audit log, the leadership report and its
 * CSV, a case's referral search), checked one by one. A value that cannot be used (a hand-edited address, an old
 * bookmark: {@code from=31/12/2026}, {@code status=xyz}, {@code page=abc}, a very long text) is left out, so the page
 * still shows its list with the values that were valid, and is named in {@link #refusals()} with why; the page prints
 * each reason next to its filter form ({@code tags/queryRefused.html}) and is answered with {@link #status()}: 400 when
 * a value was refused, so a script or a monitor sees the refusal, 200 otherwise. Nothing typed goes into a log, an
 * exception or a reason; it only goes back into the form, for the person to correct.
 */
public final class QueryCheck {

    private static final java.util.regex.Pattern WHOLE = java.util.regex.Pattern.compile("-?[0-9]+");

    /**
     * One refused value: the query parameter's name, the kind of problem ({@code date}: not a YYYY-MM-DD day;
     * {@code choice}: not one of the form's options; {@code format}: characters the field does not take; {@code character}: a
     * character no text can hold (NUL); {@code number}:
     * not a whole number within the field's range; {@code page}: no such page; {@code too_long}), and for too long
     * texts the text's length and the limit in characters, formatted for the reader ("5.210").
     */
    public record Refusal(String field, String kind, String length, String limit) {
    }

    private final List<Refusal> refusals = new ArrayList<>();
    private final Locale locale;

    /** @param locale the reader's language, for the numbers in a too-long reason */
    public QueryCheck(Locale locale) {
        this.locale = locale;
    }

    /** The value trimmed, or null when absent or blank. */
    public static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The value when it is one of {@code allowed} (after trimming), else null (refused as {@code choice} unless blank). */
    public String oneOf(String field, String value, Collection<String> allowed) {
        String v = blank(value);
        if (v == null) {
            return null;
        }
        if (!allowed.contains(v)) {
            refuse(field, "choice");
            return null;
        }
        return v;
    }

    /**
     * The trimmed text when it has at most {@code limit} characters, else null (refused as {@code too_long}); a text
     * holding a NUL character (U+0000, {@code %00} in a hand-edited address), which PostgreSQL's text cannot hold, is
     * refused as {@code character} before it reaches a query.
     */
    public String text(String field, String value, int limit) {
        String v = blank(value);
        if (v != null && v.length() > limit) {
            tooLong(field, v.length(), limit);
            return null;
        }
        if (v != null && v.indexOf('\u0000') >= 0) {
            refuse(field, "character");
            return null;
        }
        return v;
    }

    /** As {@link #text}, and the text must match {@code pattern} (else refused as {@code format}). */
    public String matching(String field, String value, Pattern pattern, int limit) {
        String v = text(field, value, limit);
        if (v != null && !pattern.matcher(v).matches()) {
            refuse(field, "format");
            return null;
        }
        return v;
    }

    /** A day written YYYY-MM-DD (the browser's date field), or null when absent or refused as {@code date}. */
    public LocalDate date(String field, String value) {
        String v = blank(value);
        if (v == null) {
            return null;
        }
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v);
            }
        } catch (DateTimeParseException e) {
            // refused below
        }
        refuse(field, "date");
        return null;
    }

    /** A whole number from {@code min} to {@code max}, or null when absent or refused as {@code number}. */
    public Integer number(String field, String value, int min, int max) {
        return whole(field, "number", value, min, max);
    }

    /** The page number (0 is the first page) up to {@code max}; 0 when absent or refused as {@code page}. */
    public int page(String value, int max) {
        Integer p = whole("page", "page", value, 0, max);
        return p == null ? 0 : p;
    }

    private Integer whole(String field, String kind, String value, int min, int max) {
        String v = blank(value);
        if (v == null) {
            return null;
        }
        if (v.length() <= 11 && WHOLE.matcher(v).matches()) {
            long n = Long.parseLong(v);
            if (n >= min && n <= max) {
                return (int) n;
            }
        }
        refuse(field, kind);
        return null;
    }

    /** Refuses a value the page itself found wrong (a month 13 once the period is known to be months). */
    public void refuse(String field, String kind) {
        refusals.add(new Refusal(field, kind, null, null));
    }

    private void tooLong(String field, int length, int limit) {
        java.text.NumberFormat format = java.text.NumberFormat.getIntegerInstance(locale);
        refusals.add(new Refusal(field, "too_long", format.format(length), format.format(limit)));
    }

    /** What was refused, in the order the page checked it. */
    public List<Refusal> refusals() {
        return List.copyOf(refusals);
    }

    /** Whether the value of this query parameter was refused. */
    public boolean refused(String field) {
        return refusals.stream().anyMatch(r -> r.field().equals(field));
    }

    /** 400 when a value was refused, else 200. */
    public int status() {
        return refusals.isEmpty() ? 200 : 400;
    }

    /** The page rendered, answered with {@link #status()}. */
    public Response answer(TemplateInstance page) {
        return Response.status(status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.render()).build();
    }
}
