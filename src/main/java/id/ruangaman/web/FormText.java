package id.ruangaman.web;

/** Text typed into an inbox form, as the server keeps and measures it. */
public final class FormText {

    private FormText() {
    }

    /**
     * Line breaks as LF: a browser submits a textarea's line break as CRLF (HTML form submission, "normalize line
     * breaks") while its maxlength counts it as one character, so lengths are checked after this.
     *
     * @param text as posted, may be null
     * @return the same text with CRLF and lone CR as LF; null for null
     */
    public static String lineBreaks(String text) {
        return text == null ? null : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /**
     * A form text within its field's limit, as kept: line breaks as LF ({@link #lineBreaks}), then measured in characters
     * as the browser's {@code maxlength} measures them (UTF-16 code units). Every inbox form that refuses a text as too
     * long does it here, so the reason always says the length and the limit.
     *
     * @param text as posted, may be null (returned as null)
     * @param limit the most characters the field takes, the same number as its {@code maxlength}
     * @return the text with LF line breaks, not stripped
     * @throws TextTooLong (400) when the text is longer than {@code limit}
     */
    public static String limited(String text, int limit) {
        String kept = lineBreaks(text);
        if (kept != null && kept.length() > limit) {
            throw new TextTooLong(kept.length(), limit);
        }
        return kept;
    }
}
