package id.ruangaman.conversation;

import java.util.Optional;

/**
 * Answers {@code /status}. Returns a status key: {@code new}, {@code in_verification}, {@code verified},
 * {@code referred}, {@code closed} or {@code deleted}. The engine shows the matching {@code status_<key>} message.
 */
public interface CaseStatusLookup {
    Optional<String> statusOf(String referenceCode);
}
