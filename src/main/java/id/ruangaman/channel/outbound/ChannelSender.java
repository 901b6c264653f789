package id.ruangaman.channel.outbound;

import java.time.Duration;

import id.ruangaman.transcript.Channel;

/** Delivers outbox rows of one channel through that platform's API. */
public interface ChannelSender {

    Channel channel();

    /** False when the channel is not configured; its outbox is then left alone. */
    boolean enabled();

    /**
     * Builds, once, what the first send would otherwise build while every send after it waits (the platform's answer
     * readers). Called by the channel's delivery loop before its first claim; a failure here is not a send failure.
     */
    default void prepare() {
    }

    /** Sends one message. Platform answers are classified, never thrown. */
    SendOutcome send(Outgoing message);

    /**
     * Sends one message, and runs {@code answered} as soon as the platform's answer has arrived, on whichever thread
     * received it, and before this method returns. The channel's rate limit counts a slot free again a second
     * after that moment ({@link RateLimiter}): a client that hands the answer from its I/O thread to the caller's makes
     * every slot wait for that hand-over too, and so sends below its limit with a backlog. {@code answered} may run
     * more than once, and must be cheap. By default it runs when {@link #send(Outgoing)} returns, which is the answer's
     * arrival for a client that reads the answer on the calling thread.
     */
    default SendOutcome send(Outgoing message, Runnable answered) {
        try {
            return send(message);
        } finally {
            answered.run();
        }
    }

    /** Messages per second across all contacts. */
    int maxPerSecond();

    /** At most this many messages to one contact within {@link #perContactWindow()}. */
    int perContactBurst();

    Duration perContactWindow();
}
