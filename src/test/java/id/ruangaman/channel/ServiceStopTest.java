package id.ruangaman.channel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import jakarta.ws.rs.ProcessingException;

/** The shapes in which each client the service uses shows a call cut short by the service's own stop. */
class ServiceStopTest {

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void shouldTakeAnInterruptedIoOnAnInterruptedThreadForTheStop() {
        Thread.currentThread().interrupt(); // as OkHttp (Okio) leaves it: the interrupt kept
        assertTrue(ServiceStop.interrupted(new InterruptedIOException("interrupted")));
        assertTrue(Thread.currentThread().isInterrupted());
    }

    @Test
    void shouldTakeAWrappedInterruptForTheStopAndSetTheThreadsInterruptAgain() {
        // the Quarkus REST client and Telegram Bots Java's client wrap the InterruptedException and clear the interrupt
        RuntimeException wrapped = new IllegalStateException("media fetch failed",
                new ProcessingException(new InterruptedException()));
        assertTrue(ServiceStop.interrupted(wrapped));
        assertTrue(Thread.currentThread().isInterrupted(), "the caller's loop must still see the stop");
    }

    @Test
    void shouldNotTakeATimeoutForTheStop() {
        // a read timeout is an InterruptedIOException too, but the platform or the network was slow
        assertFalse(ServiceStop.interrupted(new SocketTimeoutException("timeout")));
        assertFalse(ServiceStop.interrupted(new IllegalStateException("fetch failed", new SocketTimeoutException("timeout"))));
        assertFalse(Thread.currentThread().isInterrupted());
    }
}
