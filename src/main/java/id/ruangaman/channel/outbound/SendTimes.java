package id.ruangaman.channel.outbound;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How long a channel's sender is busy with one send, as an exponentially weighted mean (nanoseconds; each new send
 * weighs 1/{@value #WEIGHT}): from the platform call to the commit of its outcome, the wait for the rate limit's permit
 * left out. It starts from the configured send time, so a fresh instance opens enough senders at once, and then
 * follows what a send really takes: a platform 200 ms away, or a database whose commits queue under load, keeps many
 * sends in flight, a nearby platform and an idle database (or a test fake) a few, so idle threads do not compete with
 * the webhook for the CPU.
 */
final class SendTimes {

    /** A new call counts for 1/WEIGHT of the mean: the last few dozen calls decide it. */
    static final int WEIGHT = 16;

    private final AtomicLong meanNanos;

    SendTimes(Duration initial) {
        this.meanNanos = new AtomicLong(Math.max(0, initial.toNanos()));
    }

    /** Adds one send's busy time, in nanoseconds (the call and its recording: waits for the rate limit are not its time). */
    void add(long nanos) {
        meanNanos.getAndUpdate(mean -> mean + (Math.max(0, nanos) - mean) / WEIGHT);
    }

    /** The current mean. */
    Duration mean() {
        return Duration.ofNanos(meanNanos.get());
    }
}
