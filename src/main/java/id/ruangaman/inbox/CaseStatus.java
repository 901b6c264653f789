package id.ruangaman.inbox;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The case workflow, as the strings stored in {@code intake.status} (the bot's /status reads them), after the SOP
 * (seed 001): new → in_verification → verified → in_examination → concluded → decided → closed. Any open case may be
 * closed, with a reason. {@code referred} is kept only for cases that reached it before the examination stages
 * existed; referrals now run alongside the workflow. What each step needs beyond this table is checked by the
 * {@link CaseStepGuard}s.
 */
public final class CaseStatus {

    public static final String NEW = "new";
    public static final String IN_VERIFICATION = "in_verification";
    public static final String VERIFIED = "verified";
    public static final String REFERRED = "referred";
    public static final String IN_EXAMINATION = "in_examination";
    public static final String CONCLUDED = "concluded";
    public static final String DECIDED = "decided";
    public static final String CLOSED = "closed";

    public static final List<String> ALL = List.of(NEW, IN_VERIFICATION, VERIFIED, REFERRED, IN_EXAMINATION, CONCLUDED, DECIDED,
            CLOSED);
    /** Reasons offered when closing. "not_proven" is no longer one (it is a conclusion) but old rows keep their label. */
    public static final List<String> CLOSE_REASONS = List.of("resolved", "withdrawn_by_reporter", "duplicate",
            "deleted_by_reporter");

    private static final Map<String, Set<String>> NEXT = Map.of(
            NEW, Set.of(IN_VERIFICATION, CLOSED),
            IN_VERIFICATION, Set.of(VERIFIED, CLOSED),
            VERIFIED, Set.of(IN_EXAMINATION, CLOSED),
            REFERRED, Set.of(IN_EXAMINATION, CLOSED),
            IN_EXAMINATION, Set.of(CONCLUDED, CLOSED),
            CONCLUDED, Set.of(DECIDED, CLOSED),
            DECIDED, Set.of(CLOSED),
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
