package id.ruangaman.conversation.text;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the rough dates people type ("kemarin", "2 minggu lalu", "12 Maret 2026", "last month") in Indonesian and
 * English. Pure: today comes from the injected clock in the given zone. Unreadable text gives an empty result; the
 * caller keeps the raw text as the answer anyway.
 */
public final class RoughDateParser {

    private static final Pattern SPACES_RUN = Pattern.compile("\\s+");
    private static final Pattern END_PUNCTUATION = Pattern.compile("[.!?]+$");

    private static final List<String> FILLERS = List.of(
            "sekitar ", "kira-kira ", "kira kira ", "kurang lebih ", "kurleb ", "tanggal ", "tgl. ", "tgl ", "pada ",
            "around ", "about ", "approximately ", "roughly ", "on ", "in ");

    private final Clock clock;
    private final ZoneId zone;

    public RoughDateParser(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    public Optional<RoughDate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String normalized = normalize(text);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Optional<RoughDate> relative = RelativeDates.parse(normalized, today);
        return relative.isPresent() ? relative : CalendarDates.parse(normalized, today);
    }

    static String normalize(String text) {
        String result = END_PUNCTUATION.matcher(SPACES_RUN.matcher(text.toLowerCase(Locale.ROOT).trim()).replaceAll(" ")).replaceAll("");
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String filler : FILLERS) {
                if (result.startsWith(filler)) {
                    result = result.substring(filler.length()).trim();
                    stripped = true;
                }
            }
        }
        return result;
    }
}
