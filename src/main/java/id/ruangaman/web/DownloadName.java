package id.ruangaman.web;

import java.util.Locale;
import java.util.Map;

/**
 * The file name a download is given ({@code Content-Disposition}), so that what a counsellor downloads opens with a
 * double click: {@code evidence-12.pdf}, {@code interview-3.ogg}. The extension comes from the stored MIME type, never
 * from a name the sender chose (a survivor's file name is personal data and stays out of headers). Only passive types
 * get one: HTML, SVG, scripts, the older Office formats that carry macros ({@code .doc}, {@code .xls}, {@code .ppt}; their
 * current forms {@code .docx}, {@code .xlsx}, {@code .pptx} cannot) and anything unknown keep a bare name, so a double
 * click never opens them as a page or runs code a sender put in them.
 */
public final class DownloadName {

    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("application/pdf", "pdf"),
            Map.entry("image/jpeg", "jpg"),
            Map.entry("image/png", "png"),
            Map.entry("image/gif", "gif"),
            Map.entry("image/webp", "webp"),
            Map.entry("image/heic", "heic"),
            Map.entry("video/mp4", "mp4"),
            Map.entry("video/webm", "webm"),
            Map.entry("video/ogg", "ogv"),
            Map.entry("video/quicktime", "mov"),
            Map.entry("video/3gpp", "3gp"),
            Map.entry("audio/ogg", "ogg"),
            Map.entry("audio/opus", "opus"),
            Map.entry("audio/mpeg", "mp3"),
            Map.entry("audio/mp4", "m4a"),
            Map.entry("audio/aac", "aac"),
            Map.entry("audio/amr", "amr"),
            Map.entry("audio/webm", "weba"),
            Map.entry("audio/wav", "wav"),
            Map.entry("text/plain", "txt"),
            Map.entry("text/csv", "csv"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
            Map.entry("application/vnd.oasis.opendocument.text", "odt"),
            Map.entry("application/zip", "zip"));

    private DownloadName() {
    }

    /**
     * The header value: {@code disposition; filename="stem-id.ext"}, or {@code disposition; filename="stem-id"} when
     * {@code mimeType} (parameters such as {@code ; charset=...} ignored, case-insensitive) is null, blank or not a
     * passive type listed here.
     *
     * @param disposition {@code inline} or {@code attachment}
     * @param stem a fixed ASCII word such as {@code evidence}
     * @param id the row's id
     */
    public static String header(String disposition, String stem, long id, String mimeType) {
        return disposition + "; filename=\"" + stem + "-" + id + extension(mimeType) + "\"";
    }

    /** {@code .pdf} for {@code application/pdf}; empty for null, blank, active or unknown types. */
    static String extension(String mimeType) {
        if (mimeType == null) {
            return "";
        }
        int parameters = mimeType.indexOf(';');
        String type = (parameters < 0 ? mimeType : mimeType.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
        String extension = EXTENSIONS.get(type);
        return extension == null ? "" : "." + extension;
    }
}
