package id.ruangaman.web;

/** Text typed into an inbox form, as the server keeps and measures it. */
public final class FormText {

    private FormText() {
    }

    /**
     * Line breaks as LF: a browser submits a textarea's line break as CRLF (HTML form submission, "normalize line
     * breaks") while its maxlength counts it as one character, so lengths are checked after this. Control characters
     * other than the line break and the tab (U+0000-U+001F, U+007F: a NUL pasted or sent by a script, never typed) are
     * left out: PostgreSQL's text cannot hold a NUL, and a message to a survivor must not carry what their phone would
     * show as a box or drop (Telegram and WhatsApp refuse or mangle them).
     *
     * @param text as posted, may be null
     * @return the same text with CRLF and lone CR as LF and no other control character; null for null
     */
    public static String lineBreaks(String text) {
        if (text == null) {
            return null;
        }
        String unified = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder kept = null;
        for (int i = 0; i < unified.length(); i++) {
            char c = unified.charAt(i);
            boolean control = (c < 0x20 && c != '\n' && c != '\t') || c == 0x7F;
            if (control && kept == null) {
                kept = new StringBuilder(unified.length()).append(unified, 0, i);
            } else if (!control && kept != null) {
                kept.append(c);
            }
        }
        return kept == null ? unified : kept.toString();
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
