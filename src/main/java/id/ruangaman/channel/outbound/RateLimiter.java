package id.ruangaman.channel.outbound;

/**
 * A token bucket: at most {@code perSecond} permits a second on average, with bursts up to one
 * second's worth. {@link #acquire()} blocks until a permit is free.
 */
final class RateLimiter {

    private final double perNano;
    private final double capacity;
    private double tokens;
    private long last = System.nanoTime();

    RateLimiter(int perSecond) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("rate must be positive");
        }
        this.perNano = perSecond / 1_000_000_000.0;
        this.capacity = perSecond;
        this.tokens = perSecond;
    }

    void acquire() throws InterruptedException {
        while (true) {
            long waitNanos;
            synchronized (this) {
                refill();
                if (tokens >= 1) {
                    tokens -= 1;
                    return;
                }
                waitNanos = (long) Math.ceil((1 - tokens) / perNano);
            }
            Thread.sleep(Math.max(1, waitNanos / 1_000_000));
        }
    }

    synchronized int available() {
        refill();
        return (int) tokens;
    }

    private void refill() {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (now - last) * perNano);
        last = now;
    }
}
