package id.ruangaman.conversation.definition;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The flow's {@code discretion:} block, for a phone someone else may see (issue 17).
 *
 * @param consentNode     the consent question: nothing the flow sends before its answer may contain an {@code avoid_words}
 *                        entry (checked by the linter, together with the system messages that can be sent that early)
 * @param avoidWords      words that must not show on a lock screen or a chat list, matched case-insensitively as parts
 *                        of words ("lapor" also matches "laporan", "melaporkan")
 * @param neutralLine     in discreet mode, put before a message whose first line contains an avoided word (the engine);
 *                        the host's outbox puts it before every message to a discreet chat (id.ruangaman.transcript.NeutralLine)
 * @param remindersAfter  answer key: no idle reminder is sent before this question has been answered
 * @param serviceNames    the service's own names ("Ruang Aman", "Satgas"), matched as {@code avoidWords} are. In a
 *                        discreet chat every message begins with the neutral line, once, and the first line under it is
 *                        what a preview or a glance at the chat list shows next: the linter holds every text the flow
 *                        can send to a discreet chat to a first line without an avoided word or a service name (a node
 *                        whose {@code text} needs one says {@code discreet_text} instead there)
 */
public record Discretion(String consentNode, List<String> avoidWords, LocalizedText neutralLine, String remindersAfter,
        List<String> serviceNames) {

    /**
     * Placeholders whose values cannot name the service, the violence or a crisis service: numbers, the reference code,
     * a report's status and button labels. Any other placeholder on a first line ({@code {selected}}, a referral's
     * {@code {provider}} or {@code {service}}, a list of them) may show such a name under the neutral line.
     */
    public static final Set<String> NEUTRAL_PLACEHOLDERS = Set.of("n", "total", "count", "reference_code", "status",
            "max_mb", "yes", "no", "keep");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    public Discretion {
        avoidWords = avoidWords == null ? List.of() : List.copyOf(avoidWords);
        serviceNames = serviceNames == null ? List.of() : List.copyOf(serviceNames);
    }

    /** The first avoided word or service name in the first line of {@code text}, if any. */
    public Optional<String> tellingWordInFirstLine(String text) {
        String firstLine = text == null ? "" : text.strip().lines().findFirst().orElse("");
        String lower = firstLine.toLowerCase(Locale.ROOT);
        return avoidedWordIn(firstLine).or(() -> serviceNames.stream()
                .filter(name -> !name.isBlank() && lower.contains(name.toLowerCase(Locale.ROOT))).findFirst());
    }

    /**
     * What the first line of {@code text} would show under the neutral line of a discreet chat that it must not: an
     * avoided word, a service name, or a placeholder outside {@link #NEUTRAL_PLACEHOLDERS} (as {@code "{provider}"}).
     */
    public Optional<String> tellingInFirstLine(String text) {
        String firstLine = text == null ? "" : text.strip().lines().findFirst().orElse("");
        Optional<String> word = tellingWordInFirstLine(firstLine);
        if (word.isPresent()) {
            return word;
        }
        Matcher placeholder = PLACEHOLDER.matcher(firstLine);
        while (placeholder.find()) {
            if (!NEUTRAL_PLACEHOLDERS.contains(placeholder.group(1))) {
                return Optional.of(placeholder.group());
            }
        }
        return Optional.empty();
    }

    /** The first avoided word that {@code text} contains, if any. */
    public Optional<String> avoidedWordIn(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return avoidWords.stream().filter(word -> !word.isBlank() && lower.contains(word.toLowerCase(Locale.ROOT))).findFirst();
    }
}
