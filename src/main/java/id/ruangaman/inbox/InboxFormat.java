package id.ruangaman.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import id.ruangaman.web.InboxLocale;

/** Times for templates ({@code inject:fmt}), in the inbox's time zone. */
@ApplicationScoped
@Named("fmt")
public class InboxFormat {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final DateTimeFormatter LONG_DAY_ID = DateTimeFormatter.ofPattern("d MMMM yyyy", InboxLocale.INDONESIAN);
    private static final DateTimeFormatter LONG_DAY_EN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter LONG_AT_ID = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy, 'pukul' HH.mm", InboxLocale.INDONESIAN);
    private static final DateTimeFormatter LONG_AT_EN = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy, HH:mm", Locale.ENGLISH);
    private final InboxConfig config;
    private final Clock clock;
    private final InboxLocale locale;

    InboxFormat(InboxConfig config, Clock clock, InboxLocale locale) {
        this.config = config;
        this.clock = clock;
        this.locale = locale;
    }

    /** A moment with its zone, so nobody has to guess whether a time is local: "2026-03-12 21:05 WIB". */
    public String at(Instant instant) {
        return instant == null ? "" : AT.format(instant.atZone(config.zone())) + " " + zoneName(config.zone(), instant);
    }

    /**
     * Indonesia's own names for its three zones (WIB, WITA, WIT), "UTC" for UTC, else the offset at that moment
     * ("UTC+09:30"): short, and the same in both inbox languages.
     */
    static String zoneName(ZoneId zone, Instant at) {
        String named = switch (zone.getId()) {
            case "Asia/Jakarta", "Asia/Pontianak" -> "WIB";
            case "Asia/Makassar" -> "WITA";
            case "Asia/Jayapura" -> "WIT";
            default -> null;
        };
        if (named != null) {
            return named;
        }
        ZoneOffset offset = zone.getRules().getOffset(at);
        return offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + offset.getId();
    }

    /**
     * A moment as a {@code datetime-local} field holds it, in the inbox's zone to the minute: "2026-12-02T10:00", what the
     * forms read back as a time in that zone; "" for null. For a form that shows a recorded time to change.
     */
    public String field(Instant instant) {
        return instant == null ? "" : FIELD.format(instant.atZone(config.zone()));
    }

    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** Time left until {@code due} as "1d 4h", "3h 20m" or, when past, "-2h 5m". */
    public String countdown(Instant due) {
        if (due == null) {
            return "";
        }
        Duration left = Duration.between(Instant.now(clock), due);
        return format(left);
    }

    static String format(Duration left) {
        String sign = left.isNegative() ? "-" : "";
        Duration d = left.abs();
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        return sign + (days > 0 ? days + "d " + hours + "h" : hours + "h " + minutes + "m");
    }

    public String day(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    /**
     * A date as a letter writes it, in the language of the page or printed document of this request: "3 Desember 2026",
     * "3 December 2026" (letters go to people and institutions, who do not read "2026-12-03"). Empty for null.
     */
    public String letterDay(LocalDate date) {
        return date == null ? "" : (english() ? LONG_DAY_EN : LONG_DAY_ID).format(date);
    }

    /** The day of a moment in the inbox's zone, as {@link #letterDay(LocalDate)} writes it (a letter's own date). */
    public String letterDayOf(Instant instant) {
        return instant == null ? "" : letterDay(instant.atZone(config.zone()).toLocalDate());
    }

    /**
     * A moment as a letter gives a day and an hour, with its day of the week, in the inbox's zone and this request's
     * language: "Kamis, 10 Desember 2026, pukul 10.00 WIB", "Thursday, 10 December 2026, 10:00 WIB". Empty for null.
     */
    public String letterAt(Instant instant) {
        return instant == null ? ""
                : (english() ? LONG_AT_EN : LONG_AT_ID).format(instant.atZone(config.zone())) + " " + zoneName(config.zone(), instant);
    }

    private boolean english() {
        return "en".equals(locale.get().getLanguage());
    }

    public Instant now() {
        return Instant.now(clock);
    }
}
