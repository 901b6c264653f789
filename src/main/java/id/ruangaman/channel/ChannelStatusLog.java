package id.ruangaman.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import id.ruangaman.channel.telegram.TelegramConfig;
import id.ruangaman.channel.whatsapp.WhatsAppConfig;
import id.ruangaman.transcript.Channel;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * What a volunteer running the service reads about its channels in the console. At start-up one line per channel:
 * "Telegram: on", or "Telegram: off (set TELEGRAM_BOT_TOKEN and TELEGRAM_WEBHOOK_SECRET)" naming only the settings
 * that are missing. While running, sends that fail ({@link #sendFailed}) are said at WARN, at most one line per
 * channel and kind of failure per {@link #REPEAT} with how many failed since that kind's last line, and one INFO line
 * when the channel's sends work again ({@link #sendWorked}). Never a value, a message text, a chat id, a phone number
 * or a token: a failure is named by the sender's reason (exception class, or the platform's code and short reason),
 * with any run of five or more digits and anything token-like masked.
 */
@ApplicationScoped
public class ChannelStatusLog {

    private static final Logger LOG = Logger.getLogger("id.ruangaman.channel");
    /** A kind of failure already said is said again, with its count, at most this often. */
    static final Duration REPEAT = Duration.ofMinutes(1);
    private static final Pattern LONG_NUMBER = Pattern.compile("\\d{5,}");
    /** A run of 20 or more letters and digits with both in it: how access tokens look, never an exception's name. */
    private static final Pattern TOKEN_LIKE = Pattern.compile("(?<![A-Za-z0-9_-])(?=[A-Za-z_-]*\\d)(?=[0-9_-]*[A-Za-z])[A-Za-z0-9_-]{20,}");
    private static final int KIND_LENGTH = 120;

    private final Clock clock;
    private final Map<Channel, Failing> failing = new EnumMap<>(Channel.class);

    /** Per channel: failures since it last worked, and per kind the time of its last line and the count since. */
    private static final class Failing {
        final Map<String, Instant> saidAt = new HashMap<>();
        final Map<String, Integer> unsaid = new HashMap<>();
        int sinceWorked;
        boolean said;
    }

    public ChannelStatusLog(Clock clock) {
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event, TelegramConfig telegram, WhatsAppConfig whatsapp) {
        boolean polling = telegram.enabled() && telegram.polling() && LaunchMode.current() != LaunchMode.NORMAL;
        LOG.info(line("Telegram", telegram.enabled(), missing(
                "TELEGRAM_BOT_TOKEN", telegram.botToken(), "TELEGRAM_WEBHOOK_SECRET", telegram.webhookSecret())) + (polling ? " (long polling, TELEGRAM_POLLING)" : ""));
        LOG.info(line("WhatsApp", whatsapp.enabled(), missing(
                "WHATSAPP_ACCESS_TOKEN", whatsapp.accessToken(), "WHATSAPP_APP_SECRET", whatsapp.appSecret(),
                "WHATSAPP_VERIFY_TOKEN", whatsapp.verifyToken(), "WHATSAPP_PHONE_NUMBER_ID", whatsapp.phoneNumberId())));
    }

    /**
     * One send through {@code channel} failed for {@code reason} (as the sender classified it: "network:
     * UnknownHostException", "WhatsApp access token rejected (190)", "Telegram 400: Bad Request: ..."). Writes a WARN
     * line unless this kind was said less than {@link #REPEAT} ago; then it is counted into the next line.
     */
    public void sendFailed(Channel channel, String reason) {
        String kind = kind(reason);
        String line = null;
        synchronized (failing) {
            Failing state = failing.computeIfAbsent(channel, c -> new Failing());
            state.sinceWorked++;
            int count = state.unsaid.merge(kind, 1, Integer::sum);
            Instant now = Instant.now(clock);
            Instant said = state.saidAt.get(kind);
            if (said == null || !now.isBefore(said.plus(REPEAT))) {
                state.saidAt.put(kind, now);
                state.unsaid.remove(kind);
                state.said = true;
                line = name(channel) + ": sends are failing (" + kind + "): " + count + " failed"
                        + (said == null ? "" : " since the last line about it") + "; replies are not reaching people on " + name(channel) + " until this is fixed";
            }
        }
        if (line != null) {
            LOG.warn(line);
        }
    }

    /** One send through {@code channel} was delivered: after failures that were said, an INFO line says it works again. */
    public void sendWorked(Channel channel) {
        String line = null;
        synchronized (failing) {
            Failing state = failing.get(channel);
            if (state == null || state.sinceWorked == 0) {
                return;
            }
            if (state.said) {
                line = name(channel) + ": sends work again (" + state.sinceWorked + " failed before)";
            }
            state.sinceWorked = 0;
            state.unsaid.clear();
            state.said = false;
        }
        if (line != null) {
            LOG.info(line);
        }
    }

    /** The reason as a log-safe kind: long digit runs (chat ids, phone numbers, a token's bot id) masked, shortened. */
    static String kind(String reason) {
        String kind = reason == null || reason.isBlank() ? "unknown" : LONG_NUMBER.matcher(TOKEN_LIKE.matcher(reason).replaceAll("…")).replaceAll("…");
        return kind.length() <= KIND_LENGTH ? kind : kind.substring(0, KIND_LENGTH) + "…";
    }

    private static String name(Channel channel) {
        return switch (channel) {
            case TELEGRAM -> "Telegram";
            case WHATSAPP -> "WhatsApp";
            case DEV -> "Dev chat";
        };
    }

    static String line(String channel, boolean on, List<String> missing) {
        if (on) {
            return channel + ": on";
        }
        return channel + ": off (set " + join(missing) + ")";
    }

    /** Pairs of (setting name, value): the names whose value is absent or blank. */
    private static List<String> missing(Object... namesAndValues) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            @SuppressWarnings("unchecked")
            Optional<String> value = (Optional<String>) namesAndValues[i + 1];
            if (value.filter(v -> !v.isBlank()).isEmpty()) {
                names.add((String) namesAndValues[i]);
            }
        }
        return names;
    }

    private static String join(List<String> names) {
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
