package id.ruangaman.inbox;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The case workflow, as the strings stored in {@code intake.status} (the bot's /status reads them):
 * new → in_verification → verified → referred → closed. Any open case may be closed, with a reason.
 */
public final class CaseStatus {

    public static final String NEW = "new";
    public static final String IN_VERIFICATION = "in_verification";
    public static final String VERIFIED = "verified";
    public static final String REFERRED = "referred";
    public static final String CLOSED = "closed";

    public static final List<String> ALL = List.of(NEW, IN_VERIFICATION, VERIFIED, REFERRED, CLOSED);
    public static final List<String> CLOSE_REASONS = List.of("resolved", "not_proven", "withdrawn_by_reporter", "duplicate",
            "deleted_by_reporter");

    private static final Map<String, Set<String>> NEXT = Map.of(
            NEW, Set.of(IN_VERIFICATION, CLOSED),
            IN_VERIFICATION, Set.of(VERIFIED, CLOSED),
            VERIFIED, Set.of(REFERRED, CLOSED),
            REFERRED, Set.of(CLOSED),
            CLOSED, Set.of());

    private CaseStatus() {
    }

    public static boolean isAllowed(String from, String to) {
        return NEXT.getOrDefault(from, Set.of()).contains(to);
    }

    /** The statuses reachable from {@code from}, in workflow order. */
    public static List<String> next(String from) {
        return ALL.stream().filter(to -> isAllowed(from, to)).toList();
    }
}
