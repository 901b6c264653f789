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

    /**
     * Sends one message. Before each request to the platform the sender takes a permit from {@code calls}, and runs
     * what the permit returned as soon as the platform has answered ({@link PlatformCalls#permit()}); work before the
     * first request (reading the database, writing JSON) and after the answer is outside the permit's time. Platform
     * answers are classified, never thrown.
     *
     * @throws InterruptedException when the service stops while the send waits for a permit
     */
    SendOutcome send(Outgoing message, PlatformCalls calls) throws InterruptedException;

    /** Messages per second across all contacts. */
    int maxPerSecond();

    /** At most this many messages to one contact within {@link #perContactWindow()}. */
    int perContactBurst();

    Duration perContactWindow();
}
