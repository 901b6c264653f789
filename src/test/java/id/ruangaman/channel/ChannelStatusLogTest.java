package id.ruangaman.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.testing.LogLines;
import id.ruangaman.transcript.Channel;

class ChannelStatusLogTest {

    private final LogLines log = LogLines.everything();
    private final MovingClock clock = new MovingClock();
    private final ChannelStatusLog status = new ChannelStatusLog(clock);

    @BeforeEach
    void capture() {
        log.start();
    }

    @AfterEach
    void release() {
        log.stop();
    }

    private List<String> sendLines() {
        return log.lines().stream().filter(line -> line.contains("sends")).toList();
    }

    @Test
    void shouldNameExactlyTheMissingSettings() {
        assertEquals("Telegram: on", ChannelStatusLog.line("Telegram", true, List.of()));
        assertEquals("Telegram: off (set TELEGRAM_BOT_TOKEN and TELEGRAM_WEBHOOK_SECRET)",
                ChannelStatusLog.line("Telegram", false, List.of("TELEGRAM_BOT_TOKEN", "TELEGRAM_WEBHOOK_SECRET")));
        assertEquals("WhatsApp: off (set WHATSAPP_ACCESS_TOKEN, WHATSAPP_APP_SECRET and WHATSAPP_PHONE_NUMBER_ID)",
                ChannelStatusLog.line("WhatsApp", false, List.of("WHATSAPP_ACCESS_TOKEN", "WHATSAPP_APP_SECRET",
                        "WHATSAPP_PHONE_NUMBER_ID")));
    }

    @Test
    void shouldSayFailingSendsOncePerMinuteWithTheirCountAndThenThatTheyWorkAgain() {
        for (int i = 0; i < 9; i++) {
            status.sendFailed(Channel.WHATSAPP, "network: UnknownHostException");
            clock.move(Duration.ofSeconds(5));
        }
        assertEquals(List.of("WhatsApp: sends are failing (network: UnknownHostException): 1 failed; replies are not "
                + "reaching people on WhatsApp until this is fixed"), sendLines());

        clock.move(Duration.ofSeconds(20)); // a minute after the first line
        status.sendFailed(Channel.WHATSAPP, "network: UnknownHostException");
        assertEquals(2, sendLines().size());
        assertTrue(sendLines().get(1).contains("9 failed since the last line about it"), sendLines().get(1));

        status.sendFailed(Channel.WHATSAPP, "WhatsApp access token rejected (190)"); // another kind is said at once
        status.sendFailed(Channel.TELEGRAM, "network: UnknownHostException"); // and another channel
        assertEquals(4, sendLines().size());

        status.sendWorked(Channel.WHATSAPP);
        status.sendWorked(Channel.WHATSAPP);
        assertEquals("WhatsApp: sends work again (11 failed before)", sendLines().get(4));
        assertEquals(5, sendLines().size(), "one line when it works again, not one a send");
    }

    @Test
    void shouldSayNothingWhileSendsWork() {
        status.sendWorked(Channel.TELEGRAM);
        assertEquals(List.of(), sendLines());
    }

    /** Synthetic, in the platforms' shapes (the Bot API docs' example token), built at run time so no token stands in the source. */
    private static final String META_TOKEN = "EAAGm0PX4ZCps" + "BAKqZBZAx7ZCz";
    private static final String BOT_SECRET = "AAHdqTcvCH1vGWJ" + "xfSeofSAs0K5PALDsaw";

    @Test
    void shouldNeverPrintChatIdsPhoneNumbersOrTokens() {
        status.sendFailed(Channel.TELEGRAM, "Telegram 400: Bad Request: chat 987654321 not found");
        status.sendFailed(Channel.WHATSAPP, "WhatsApp refused +6281234567890 with " + META_TOKEN + " and "
                + "123456789" + ":" + BOT_SECRET);
        String lines = String.join("\n", sendLines());
        for (String secret : List.of("987654321", "6281234567890", META_TOKEN, "123456789", BOT_SECRET)) {
            assertFalse(lines.contains(secret), secret + " in " + lines);
        }
        assertTrue(lines.contains("Telegram 400: Bad Request: chat … not found"), lines);
        assertEquals("network: HttpConnectTimeoutException", ChannelStatusLog.kind("network: HttpConnectTimeoutException"));
    }

    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T10:00:00Z");

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
