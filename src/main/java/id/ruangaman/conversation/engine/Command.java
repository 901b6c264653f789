package id.ruangaman.conversation.engine;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Global commands, typed in either language, any case, with or without an {@code @botname} suffix; characters nobody
 * sees (a zero-width space a keyboard added, a mark of direction) do not hide one. Erasing may also be asked in words,
 * without the slash, where such words can mean nothing else ({@link #spoken}).
 */
public enum Command {
    START, HELP, LANGUAGE, STATUS, EXIT, DELETE, UNKNOWN;

    private static final Pattern SPACES_RUN = Pattern.compile("\\s+");
    /** Format characters: zero-width spaces and joiners, marks of direction, a byte-order mark. */
    private static final Pattern INVISIBLE = Pattern.compile("\\p{Cf}");
    /** Every kind of space (a no-break space too), read as a plain one. */
    private static final Pattern SPACE_SEPARATOR = Pattern.compile("\\p{Zs}");
    private static final Pattern END_PUNCTUATION = Pattern.compile("^[\\p{Punct}\\s]+|[\\p{Punct}\\s]+$");

    /**
     * A request to erase said in words, without the slash: WhatsApp has no command menu, and people rarely type one
     * (walkthrough of 7 December 2026: "hapus data saya" at the consent question was asked again). Only a message that
     * is one of these phrases, whole (case, punctuation at its ends and invisible characters aside), and only where no
     * question of the service's own is open and the report is not yet sent ({@link #spoken}): a bare "hapus" may mean
     * "remove that photo", and at "may we keep this file?" or in the case thread it means the file, never everything.
     * Each phrase names the data or the report; the erasure is then asked to be confirmed, as after /hapus.
     */
    static final Set<String> DELETE_WORDS = Set.of("hapus data", "hapus data saya", "hapus dataku", "hapus data aku",
            "hapus semua data", "hapus semua data saya", "hapus semua dataku", "hapus laporan", "hapus laporan saya",
            "hapus laporanku", "tolong hapus data saya", "tolong hapus dataku", "delete my data", "delete my report",
            "erase my data");

    private static final Map<String, Command> NAMES = Map.ofEntries(
            Map.entry("start", START), Map.entry("mulai", START),
            Map.entry("bantuan", HELP), Map.entry("help", HELP),
            Map.entry("bahasa", LANGUAGE), Map.entry("language", LANGUAGE),
            Map.entry("status", STATUS),
            Map.entry("keluar", EXIT), Map.entry("exit", EXIT),
            Map.entry("hapus", DELETE), Map.entry("delete", DELETE));

    /** Empty when the text is not a command; UNKNOWN for "/anything-else". */
    public static Optional<Command> parse(String text) {
        String trimmed = visible(text);
        if (!trimmed.startsWith("/") || trimmed.length() < 2) {
            return Optional.empty();
        }
        String word = SPACES_RUN.split(trimmed.substring(1), 2)[0];
        int at = word.indexOf('@');
        if (at >= 0) {
            word = word.substring(0, at);
        }
        return Optional.of(NAMES.getOrDefault(word.toLowerCase(Locale.ROOT), UNKNOWN));
    }

    /**
     * DELETE for a message that is one of {@link #DELETE_WORDS} as a whole; empty otherwise. The caller asks this only
     * where such a phrase can mean nothing else (FlowEngine: no prompt of the service's own open, report not yet sent).
     */
    public static Optional<Command> spoken(String text) {
        String words = SPACES_RUN.matcher(END_PUNCTUATION.matcher(visible(text).toLowerCase(Locale.ROOT)).replaceAll("")).replaceAll(" ");
        return DELETE_WORDS.contains(words) ? Optional.of(DELETE) : Optional.empty();
    }

    /** The text as a person sees it: no format characters, every space a plain one, stripped. */
    private static String visible(String text) {
        return text == null ? "" : SPACE_SEPARATOR.matcher(INVISIBLE.matcher(text).replaceAll("")).replaceAll(" ").strip();
    }
}
