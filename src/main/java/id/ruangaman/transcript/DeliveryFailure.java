package id.ruangaman.transcript;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What kind of problem a message's {@code failure_reason} names, so the inbox can show it as a label in the reader's
 * language. The reason itself stays as the senders wrote it (English, with the platform's error code), for the
 * technical volunteer and the logs.
 *
 * <p>The senders' reasons (see {@code TelegramSender}, {@code WhatsAppSender}, {@code WhatsAppStatuses},
 * {@code OutboxDispatcher}, {@link Outbox}) are classified by their fixed wording; their tests check that each reason
 * they produce lands in its kind. An unknown wording is {@link #REFUSED}, never shown as a code.
 */
public enum DeliveryFailure {
    /** Not sent because the pelapor's data was erased. */
    ERASED,
    /** The person blocked the bot, or the account or chat is gone (Telegram 403). */
    UNREACHABLE,
    /** WhatsApp's 24-hour customer service window is closed (error 131047); kept until the person writes again. */
    WINDOW,
    /** The platform asked to slow down (Telegram 429, WhatsApp 130429/131056/80007). */
    RATE_LIMIT,
    /** The platform's server failed or answered with something unreadable. */
    PLATFORM_ERROR,
    /** The connection to the platform failed. */
    NETWORK,
    /** Ruang Aman stopped or failed before the send finished. */
    TECHNICAL,
    /** WhatsApp rejected the access token: the settings need a volunteer. */
    ACCESS_TOKEN,
    /** WhatsApp accepted the message but could not deliver it (a {@code failed} status, e.g. 131026). */
    UNDELIVERABLE,
    /** The old buttons of an answered question could not be removed from the chat. */
    BUTTONS,
    /** The platform refused the message for another reason. */
    REFUSED;

    private static final Pattern GAVE_UP = Pattern.compile("^gave up after \\d+ attempts: (.*)$", Pattern.DOTALL);

    /** The kind of {@code reason} (null or blank: null). A reason after "gave up after n attempts: " is classified by its last try. */
    public static DeliveryFailure of(String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        String r = lastTry(reason).toLowerCase(java.util.Locale.ROOT);
        if (r.startsWith("buttons left in place")) {
            return BUTTONS;
        }
        // The service's own: its row could not be read, it stopped mid-send, or the sender failed. First, since these
        // reasons end with an exception's class name, which the checks below must not read.
        if (r.startsWith("unreadable outbox row") || r.startsWith("stopped") || r.startsWith("sender error")) {
            return TECHNICAL;
        }
        if (r.contains("data was erased")) {
            return ERASED;
        }
        if (r.contains("unreachable") || r.startsWith("telegram 403")) {
            return UNREACHABLE;
        }
        if (r.contains("24-hour window") || r.contains("131047")) {
            return WINDOW;
        }
        if (r.contains("rate limit")) {
            return RATE_LIMIT;
        }
        if (r.contains("access token")) {
            return ACCESS_TOKEN;
        }
        if (r.contains("server error") || r.startsWith("unreadable")) {
            return PLATFORM_ERROR;
        }
        if (r.startsWith("network")) {
            return NETWORK;
        }
        if (r.startsWith("whatsapp delivery failed")) {
            return UNDELIVERABLE;
        }
        return REFUSED;
    }

    /** Whether {@code reason} says the sends were given up after several tries. */
    public static boolean gaveUp(String reason) {
        return reason != null && GAVE_UP.matcher(reason).matches();
    }

    private static String lastTry(String reason) {
        Matcher m = GAVE_UP.matcher(reason);
        return m.matches() ? m.group(1) : reason;
    }
}
