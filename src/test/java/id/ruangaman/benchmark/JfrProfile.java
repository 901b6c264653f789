package id.ruangaman.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A profile of the service from a Java Flight Recorder file. CPU: where the sampled threads were running, by thread
 * pool, by the service's own method nearest the top of the stack, and by the method at the very top. Waits: how long
 * threads were parked, blocked entering a monitor or reading a socket, by thread pool and by the service's own method nearest
 * the top: a pool's waits with none of the service's code on its stack are its idle threads (or a library's own), and
 * the others are named by the method that waited (for its own signal of work, a lock, the database or a platform). A
 * recording made with {@code settings=profile} keeps only waits of 10 ms or more (its thresholds for
 * {@code jdk.ThreadPark}, {@code jdk.JavaMonitorEnter} and {@code jdk.SocketRead}), so the waits are a lower bound.
 */
final class JfrProfile {

    private JfrProfile() {
    }

    /** The events that are a thread waiting: parked, blocked on a monitor, reading a socket. */
    private static final Set<String> WAITS = Set.of("jdk.ThreadPark", "jdk.JavaMonitorEnter", "jdk.SocketRead");
    private static final String OUTSIDE = "(outside the service's code)";
    /**
     * A wait with none of the service's code on its stack: mostly a pool's thread waiting for its next task (a sender
     * between sends, an event loop between events), or a library's own thread.
     */
    private static final String IDLE = "(no service code on the stack: idle, or a library's own thread)";
    /** A stack cut off at the recording's depth (64 frames by default) before any of the service's code. */
    private static final String TRUNCATED = "(no service code in the recorded frames: the stack was cut off)";

    static String summarise(Path recording, int top) throws IOException {
        Map<String, Integer> byThread = new HashMap<>();
        Map<String, Integer> byOwnFrame = new HashMap<>();
        Map<String, Integer> byTopFrame = new HashMap<>();
        Map<String, Long> waitByThread = new HashMap<>();
        Map<String, Long> waitByOwnFrame = new HashMap<>();
        int samples = 0;
        long waits = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            String type = event.getEventType().getName();
            if (WAITS.contains(type)) {
                long micros = event.getDuration().toNanos() / 1_000;
                String thread = pool(event.getThread() == null ? null : event.getThread().getJavaName());
                String own = event.getStackTrace() == null ? IDLE : own(event.getStackTrace(), IDLE);
                waits++;
                waitByThread.merge(thread, micros, Long::sum);
                waitByOwnFrame.merge(thread + ": " + own + " (" + kind(type) + ")", micros, Long::sum);
                continue;
            }
            if (!"jdk.ExecutionSample".equals(type)) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            byThread.merge(pool(event.getThread("sampledThread") == null ? null : event.getThread("sampledThread").getJavaName()), 1,
                    Integer::sum);
            List<RecordedFrame> frames = stack.getFrames();
            byTopFrame.merge(name(frames.get(0)), 1, Integer::sum);
            byOwnFrame.merge(own(stack, OUTSIDE), 1, Integer::sum);
        }
        StringBuilder out = new StringBuilder();
        out.append(samples).append(" CPU samples\n");
        section(out, "by thread", byThread, samples, top);
        section(out, "by the service's own method nearest the top of the stack", byOwnFrame, samples, top);
        section(out, "by top frame", byTopFrame, samples, top);
        out.append("\n").append(waits).append(" waits of the recording's threshold or longer (parked, blocked on a monitor, "
                + "reading a socket), in seconds of thread time\n");
        waitSection(out, "by thread", waitByThread, top);
        waitSection(out, "by thread and the service's own method nearest the top of the stack", waitByOwnFrame, top);
        return out.toString();
    }

    /**
     * The service's own method nearest the top of {@code stack}; {@code none} when it has none, or {@link #TRUNCATED}
     * when the recorded frames end before the stack does.
     */
    private static String own(RecordedStackTrace stack, String none) {
        return stack.getFrames().stream().filter(frame -> frame.getMethod().getType().getName().startsWith("id.ruangaman"))
                .findFirst().map(JfrProfile::name).orElse(stack.isTruncated() ? TRUNCATED : none);
    }

    /** A thread's pool: its name without the number that tells the pool's threads apart. */
    private static String pool(String thread) {
        return thread == null ? "?" : thread.replaceAll("[-#]?\\d+$", "").replaceAll("-\\d+-", "-");
    }

    private static String kind(String waitEvent) {
        return switch (waitEvent) {
            case "jdk.ThreadPark" -> "parked";
            case "jdk.JavaMonitorEnter" -> "monitor";
            default -> "socket read";
        };
    }

    private static void waitSection(StringBuilder out, String title, Map<String, Long> micros, int top) {
        out.append("\n").append(title).append(":\n");
        out.append(micros.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .map(entry -> String.format(Locale.ROOT, "  %8.2f s  %s", entry.getValue() / 1e6, entry.getKey()))
                .collect(Collectors.joining("\n"))).append("\n");
    }

    private static String name(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
    }

    private static void section(StringBuilder out, String title, Map<String, Integer> counts, int total, int top) {
        out.append("\n").append(title).append(":\n");
        out.append(counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .map(entry -> String.format(Locale.ROOT, "  %5.1f%%  %s", 100.0 * entry.getValue() / Math.max(1, total), entry.getKey()))
                .collect(Collectors.joining("\n"))).append("\n");
    }
}
