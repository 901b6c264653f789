package id.ruangaman.transcript;

import java.util.List;
import java.util.Optional;

/**
 * The neutral first line of every message to a discreet chat ({@link Contact#discreet}: the person said the phone is not
 * safe, or chose quiet mode), so a notification preview or a chat list shows nothing sensitive (issue 17; walkthrough
 * 9, finding 13: the referral consent question's preview named a crisis centre). {@link Outbox} applies it to every
 * message it queues, whoever wrote it: the intake, the case's thread, referral news, a counsellor's reply, notices.
 * The intake provides it from its flow's {@code discretion.neutral_line}.
 */
public interface NeutralLine {

    /** The line in {@code language} (null or unknown: the flow's default language); empty when the flow sets none. */
    Optional<String> in(String language);

    /**
     * The line in every language the flow gives it (empty when it sets none). A message whose first line is any of them
     * already begins neutral: the line chosen in the step that wrote it may be in another language than the contact's
     * language read before that step (a language just changed).
     */
    default List<String> inEveryLanguage() {
        return in(null).stream().toList();
    }

    /** Whether the first line of {@code text}, without the spaces around it, is the line in some language. */
    default boolean opens(String text) {
        String firstLine = text == null ? "" : text.lines().findFirst().orElse("").strip();
        return !firstLine.isEmpty() && inEveryLanguage().contains(firstLine);
    }
}
