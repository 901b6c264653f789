package id.ruangaman.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A CPU profile of the service from a Java Flight Recorder file: where the sampled threads were
 * running, by thread pool, by the service's own method nearest the top of the stack, and by the
 * method at the very top.
 */
final class JfrProfile {

    private JfrProfile() {
    }

    static String summarise(Path recording, int top) throws IOException {
        Map<String, Integer> byThread = new HashMap<>();
        Map<String, Integer> byOwnFrame = new HashMap<>();
        Map<String, Integer> byTopFrame = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!"jdk.ExecutionSample".equals(event.getEventType().getName())) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            String thread = event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread").getJavaName();
            byThread.merge(thread == null ? "?" : thread.replaceAll("[-#]?\\d+$", "").replaceAll("-\\d+-", "-"), 1, Integer::sum);
            List<RecordedFrame> frames = stack.getFrames();
            byTopFrame.merge(name(frames.get(0)), 1, Integer::sum);
            String own = frames.stream().filter(frame -> frame.getMethod().getType().getName().startsWith("id.ruangaman"))
                    .findFirst().map(JfrProfile::name).orElse("(outside the service's code)");
            byOwnFrame.merge(own, 1, Integer::sum);
        }
        StringBuilder out = new StringBuilder();
        out.append(samples).append(" CPU samples\n");
        section(out, "by thread", byThread, samples, top);
        section(out, "by the service's own method nearest the top of the stack", byOwnFrame, samples, top);
        section(out, "by top frame", byTopFrame, samples, top);
        return out.toString();
    }

    private static String name(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
    }

    private static void section(StringBuilder out, String title, Map<String, Integer> counts, int total, int top) {
        out.append("\n").append(title).append(":\n");
        out.append(counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .map(entry -> String.format("  %5.1f%%  %s", 100.0 * entry.getValue() / Math.max(1, total), entry.getKey()))
                .collect(Collectors.joining("\n"))).append("\n");
    }
}
