package id.ruangaman.benchmark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jdk.jfr.Recording;

/** The benchmark's profile reads a real flight recording: its waits by thread pool and by the service's own method. */
class JfrProfileTest {

    @Test
    void shouldSumEachPoolsWaitsAndTellAWaitInTheServicesCodeFromAnIdlePoolThread(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("waits.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ThreadPark").withThreshold(Duration.ofMillis(10)).withStackTrace();
            recording.start();
            // Names no other thread of this JVM has: a Quarkus test's senders may still be parked in it.
            Thread first = new Thread(() -> waitForTheDatabase(300), "jfr-test-sender-3");
            Thread second = new Thread(() -> waitForTheDatabase(200), "jfr-test-sender-4");
            first.start();
            second.start();
            first.join();
            second.join();
            // A pool's thread waiting for its next task has only the JDK's frames on its stack.
            ScheduledExecutorService idle = Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "jfr-test-idle-1"));
            idle.schedule(() -> { }, 300, TimeUnit.MILLISECONDS).get();
            idle.shutdown();
            recording.stop();
            recording.dump(file);
        }

        String profile = JfrProfile.summarise(file, 50);

        String waits = profile.substring(profile.indexOf("waits of the recording's threshold"));
        double senders = seconds(waits, "jfr-test-sender");
        assertTrue(senders >= 0.49 && senders < 0.7, "both senders' parks, 300 and 200 ms, under one pool: " + waits);
        double named = seconds(waits, "jfr-test-sender: JfrProfileTest.waitForTheDatabase (parked)");
        assertTrue(named >= 0.49 && named < 0.7, "named by the service's method that waited, counted once: " + waits);
        double idleWait = seconds(waits, "jfr-test-idle: (no service code on the stack: idle, or a library's own thread) (parked)");
        assertTrue(idleWait >= 0.25 && idleWait < 0.5, "an idle pool thread is told apart: " + waits);
    }

    private static void waitForTheDatabase(long millis) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < until) {
            LockSupport.parkNanos(until - System.nanoTime());
        }
    }

    /** The seconds on the first line of {@code waits} that ends with {@code name}. */
    private static double seconds(String waits, String name) {
        Matcher line = Pattern.compile("^\\s+([0-9.]+) s  " + Pattern.quote(name) + "$", Pattern.MULTILINE).matcher(waits);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }
}
