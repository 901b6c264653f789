package id.ruangaman.casework;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the path the victim chose at the latest rapat terbatas ({@link LimitedMeeting#victimChoice}, one of
 * {@link Vocabulary#VICTIM_CHOICES}) lets the task force do next. The meeting decides the next steps with the victim
 * (SOP Pemeriksaan/Verifikasi 5), so a later meeting replaces an earlier one's choice:
 * <ul>
 * <li>{@code examination}: the surat tugas, the examination and its minutes, the conclusion, the recommendation and the
 * leadership's decision (Pemeriksaan/Verifikasi 10-11, Penyusunan Kesimpulan 1-9);</li>
 * <li>{@code accompaniment_only}, {@code not_proceed}, {@code undecided}: none of these
 * ({@code victim_did_not_choose_examination}); accompaniment goes through referrals, with consent;</li>
 * <li>{@code not_proceed}: no recovery plan and no monitoring either ({@code victim_not_proceeding}): recovery is
 * facilitated only with the victim's consent (Investigasi dan Pendampingan 3). Its end may still be recorded (consent
 * not given or withdrawn), so a decided case can close.</li>
 * </ul>
 * Whatever the path: the verification, a new meeting (the victim may change their mind), the sanction's execution
 * (the leadership's decision stands once made; Pengenaan Sanksi), referrals (a team decision) and closing. A closed
 * case is not reopened by any path ({@code case_closed}; a new report is made instead). Before any meeting the path
 * refuses nothing: the steps' own order does ({@link SopStepGuards}).
 */
final class VictimPath {

    /** Every stage action the path is weighed for: the SOP page's forms, and the status steps by their target status. */
    static final List<String> ACTIONS = List.of("findings", "verified", "meeting", "letter", "in_examination", "interview",
            "minutes", "conclusion", "recommendation", "concluded", "decided", "execution", "certificate", "recovery", "checkin",
            "recovery-end", "referral", "closed", "reopen");

    private static final Set<String> EXAMINATION = Set.of("letter", "in_examination", "interview", "minutes", "conclusion",
            "recommendation", "concluded", "decided");
    private static final Set<String> RECOVERY_WITH_CONSENT = Set.of("recovery", "checkin");

    private VictimPath() {
    }

    /** The path chosen at the latest of {@code meetings} (ordered by day, as {@link CaseworkRepository#meetings} gives them); null for none. */
    static String latestChoice(List<LimitedMeeting> meetings) {
        return meetings.isEmpty() ? null : meetings.get(meetings.size() - 1).victimChoice;
    }

    /**
     * Why {@code action} (one of {@link #ACTIONS}) may not follow the victim's latest {@code choice} (null: no meeting
     * yet): a {@code sop:refusal} code, or empty.
     */
    static Optional<String> refusal(String action, String choice) {
        if ("reopen".equals(action)) {
            return Optional.of("case_closed");
        }
        if (choice == null) {
            return Optional.empty();
        }
        if (EXAMINATION.contains(action) && !"examination".equals(choice)) {
            return Optional.of("victim_did_not_choose_examination");
        }
        if (RECOVERY_WITH_CONSENT.contains(action) && "not_proceed".equals(choice)) {
            return Optional.of("victim_not_proceeding");
        }
        return Optional.empty();
    }
}
