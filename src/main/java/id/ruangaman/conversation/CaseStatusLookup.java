package id.ruangaman.conversation;

import java.util.List;
import java.util.Optional;

/**
 * Answers {@code /status}. Returns a status key: {@code new}, {@code in_verification}, {@code verified},
 * {@code referred}, {@code closed} or {@code deleted}. The engine shows the matching {@code status_<key>} message.
 * Also tells the case thread which of the person's reports are still open.
 */
public interface CaseStatusLookup {
    Optional<String> statusOf(String referenceCode);

    /**
     * The reference codes of the open reports (not closed by the task force, not erased) of the person who made the
     * report {@code referenceCode}, newest first; empty if that report is unknown. The engine offers them when the
     * person says which case their next messages belong to (issue 12, item 3). Default: none known.
     */
    default List<String> openReportsOf(String referenceCode) {
        return List.of();
    }
}
