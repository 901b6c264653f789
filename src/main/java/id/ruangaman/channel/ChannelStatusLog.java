package id.ruangaman.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import id.ruangaman.channel.telegram.TelegramConfig;
import id.ruangaman.channel.whatsapp.WhatsAppConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * One start-up line per channel: "Telegram: on", or "Telegram: off (set TELEGRAM_BOT_TOKEN and
 * TELEGRAM_WEBHOOK_SECRET)" naming only the settings that are missing. Never a value.
 */
class ChannelStatusLog {

    private static final Logger LOG = Logger.getLogger("id.ruangaman.channel");

    void onStart(@Observes StartupEvent event, TelegramConfig telegram, WhatsAppConfig whatsapp) {
        boolean polling = telegram.enabled() && telegram.polling() && LaunchMode.current() != LaunchMode.NORMAL;
        LOG.info(line("Telegram", telegram.enabled(), missing(
                "TELEGRAM_BOT_TOKEN", telegram.botToken(), "TELEGRAM_WEBHOOK_SECRET", telegram.webhookSecret())) + (polling ? " (long polling, TELEGRAM_POLLING)" : ""));
        LOG.info(line("WhatsApp", whatsapp.enabled(), missing(
                "WHATSAPP_ACCESS_TOKEN", whatsapp.accessToken(), "WHATSAPP_APP_SECRET", whatsapp.appSecret(),
                "WHATSAPP_VERIFY_TOKEN", whatsapp.verifyToken(), "WHATSAPP_PHONE_NUMBER_ID", whatsapp.phoneNumberId())));
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
