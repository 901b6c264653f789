package id.ruangaman.conversation.engine;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Global commands, typed in either language, any case, with or without an {@code @botname} suffix. */
public enum Command {
    START, HELP, LANGUAGE, STATUS, EXIT, DELETE, UNKNOWN;

    private static final Pattern SPACES_RUN = Pattern.compile("\\s+");

    private static final Map<String, Command> NAMES = Map.ofEntries(
            Map.entry("start", START), Map.entry("mulai", START),
            Map.entry("bantuan", HELP), Map.entry("help", HELP),
            Map.entry("bahasa", LANGUAGE), Map.entry("language", LANGUAGE),
            Map.entry("status", STATUS),
            Map.entry("keluar", EXIT), Map.entry("exit", EXIT),
            Map.entry("hapus", DELETE), Map.entry("delete", DELETE));

    /** Empty when the text is not a command; UNKNOWN for "/anything-else". */
    public static Optional<Command> parse(String text) {
        String trimmed = text == null ? "" : text.strip();
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
}
