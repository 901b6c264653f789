package id.ruangaman.channel.inbound;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Wakes the inbound processor as soon as a webhook committed something, instead of waiting for its
 * next poll. Losing a wake-up costs at most one poll interval: the database, not this signal, is the
 * source of truth.
 */
@ApplicationScoped
class InboundSignal {

    private final Semaphore permits = new Semaphore(0);

    public void wake() {
        if (permits.availablePermits() == 0) {
            permits.release();
        }
    }

    void await(Duration timeout) throws InterruptedException {
        permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
        permits.drainPermits();
    }
}
