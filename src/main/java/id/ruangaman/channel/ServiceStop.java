package id.ruangaman.channel;

import java.io.InterruptedIOException;

/**
 * Tells a call cut short by the service's own stop from a platform's or the network's failure. At a stop (Ctrl+C in dev
 * mode, SIGTERM to a replica) the inbound workers and the outbox's senders still busy after their wait are interrupted
 * ({@code InboundProcessor.onStop}, {@code OutboxDispatcher.onStop}), and each client shows it its own way: OkHttp
 * throws an {@link InterruptedIOException} at its next read or write and keeps the thread's interrupt (a read already
 * blocked runs until its answer or its timeout); Telegram Bots Java's client and the Quarkus REST client wrap the
 * {@link InterruptedException} of their wait and clear it. Such a failure says nothing about the update or the message:
 * it is not charged as an attempt, no "file not received" goes to the person, no cosmetic step is given up, and the
 * inbox labels it the service's own.
 */
public final class ServiceStop {

    private ServiceStop() {
    }

    /**
     * Whether {@code failure} (any cause of it) came from this thread being interrupted; if so, the thread's interrupt is
     * set again, so the stop is still seen by the caller's loop. A read timeout is an {@link InterruptedIOException} too,
     * but leaves the thread as it was, so it is not a stop.
     */
    public static boolean interrupted(Throwable failure) {
        boolean stopped = Thread.currentThread().isInterrupted();
        for (Throwable cause = failure; !stopped && cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            stopped = cause instanceof InterruptedException;
        }
        if (stopped) {
            Thread.currentThread().interrupt();
        }
        return stopped;
    }
}
