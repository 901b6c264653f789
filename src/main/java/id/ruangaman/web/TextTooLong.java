package id.ruangaman.web;

/**
 * A form text refused because it is longer than its field takes (400). It carries the two numbers the reason shows
 * ("Teks terlalu panjang: 5.210 karakter, batasnya 5.000."): the text's length and the field's limit, both in
 * characters as the browser's {@code maxlength} counts them (UTF-16 code units, a line break as one). Never the text.
 * Thrown by {@link FormText#limited}; a browser's form post redisplays its page with both numbers
 * ({@link Refusals#query(java.util.List)} plus {@link #query()}).
 */
public final class TextTooLong extends Refused {

    private final int length;
    private final int limit;
    private final String field;

    TextTooLong(int length, int limit) {
        this(length, limit, null);
    }

    private TextTooLong(int length, int limit, String field) {
        super(400, "text too long");
        this.length = length;
        this.limit = limit;
        this.field = field;
    }

    /**
     * The same refusal naming the field it is about, for a form with several texts whose reason says which one
     * ({@code name}, {@code address}: the form's own field name, worded by its page).
     */
    public TextTooLong in(String field) {
        return new TextTooLong(length, limit, field);
    }

    /** The form field this refusal is about, or null when the form has one text or did not say. */
    public String field() {
        return field;
    }

    /** The text's length in characters, line breaks counted once. */
    public int length() {
        return length;
    }

    /** The field's limit in characters. */
    public int limit() {
        return limit;
    }

    /** The numbers for the page shown again after a redirect: {@code &length=5210&limit=5000}. */
    @Override
    public String query() {
        return "&length=" + length + "&limit=" + limit;
    }
}
