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

    TextTooLong(int length, int limit) {
        super(400, "text too long");
        this.length = length;
        this.limit = limit;
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
