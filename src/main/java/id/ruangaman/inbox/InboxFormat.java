package id.ruangaman.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** Times for templates ({@code inject:fmt}), in the inbox's time zone. */
@ApplicationScoped
@Named("fmt")
public class InboxFormat {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final InboxConfig config;
    private final Clock clock;

    InboxFormat(InboxConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
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

    public Instant now() {
        return Instant.now(clock);
    }
}
