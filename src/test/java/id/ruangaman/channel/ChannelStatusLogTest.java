package id.ruangaman.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class ChannelStatusLogTest {

    @Test
    void shouldNameExactlyTheMissingSettings() {
        assertEquals("Telegram: on", ChannelStatusLog.line("Telegram", true, List.of()));
        assertEquals("Telegram: off (set TELEGRAM_BOT_TOKEN and TELEGRAM_WEBHOOK_SECRET)",
                ChannelStatusLog.line("Telegram", false, List.of("TELEGRAM_BOT_TOKEN", "TELEGRAM_WEBHOOK_SECRET")));
        assertEquals("WhatsApp: off (set WHATSAPP_ACCESS_TOKEN, WHATSAPP_APP_SECRET and WHATSAPP_PHONE_NUMBER_ID)",
                ChannelStatusLog.line("WhatsApp", false, List.of("WHATSAPP_ACCESS_TOKEN", "WHATSAPP_APP_SECRET",
                        "WHATSAPP_PHONE_NUMBER_ID")));
    }
}
