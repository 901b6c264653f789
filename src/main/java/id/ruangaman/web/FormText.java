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
}
