package id.ruangaman.channel.outbound;

import java.time.Duration;

/** How a platform answered one send. Senders classify every answer; they never throw for them. */
public sealed interface SendOutcome {

    /** Delivered to the platform; {@code providerMessageId} is its id for the message. */
    record Sent(String providerMessageId) implements SendOutcome {
    }

    /**
     * Try again later: rate limited (wait at least {@code after}), a server error or a network failure.
     * {@code outcomeUnknown} when the request may have reached the platform (a timeout after sending).
     */
    record RetryLater(Duration after, String reason, boolean outcomeUnknown) implements SendOutcome {
    }

    /** The person blocked the bot or the account is gone: stop sending to this contact. */
    record Unreachable(String reason) implements SendOutcome {
    }

    /** A permanent refusal (bad request); the message is failed with the reason. */
    record Failed(String reason) implements SendOutcome {
    }

    /** Not allowed to send now (WhatsApp's 24-hour window); kept until the person writes again. */
    record Hold(String reason) implements SendOutcome {
    }
}
