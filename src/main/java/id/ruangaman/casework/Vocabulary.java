package id.ruangaman.casework;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The codes of the casework forms. People see them only as labels ({@code sop:} message bundle); the SOP clause each
 * list comes from is named.
 */
final class Vocabulary {

    /** Assessment awal: the victim's condition. */
    public static final List<String> CONDITIONS = List.of("stable", "distressed", "crisis", "injured");
    /** Emergency services the assessment may call for (SOP Investigasi dan Pendampingan 6.2, plus shelter and police). */
    public static final List<String> EMERGENCY_SERVICES = List.of("medical", "psychological", "legal", "spiritual", "safe_shelter",
            "police");
    public static final List<String> RISK_LEVELS = List.of("low", "medium", "high");
    /** Rapat terbatas: the path the victim chose (SOP Pemeriksaan/Verifikasi 5). */
    public static final List<String> VICTIM_CHOICES = List.of("examination", "accompaniment_only", "not_proceed", "undecided");
    /**
     * Rapat terbatas: the paths that act on the victim's behalf, so need the victim's consent (or a parent's or guardian's
     * where the victim cannot give it: SOP Investigasi dan Pendampingan 2.1): going on to the examination, and accompaniment.
     */
    public static final List<String> CHOICES_NEEDING_CONSENT = List.of("examination", "accompaniment_only");
    /** Rapat terbatas: who of the case attended besides the task force (the victim, the reporter, a parent or guardian, a companion). */
    public static final List<String> PRESENT_PARTIES = List.of("victim", "reporter", "guardian", "companion");
    /** The accompaniment the SOP names (SOP Investigasi dan Pendampingan 6.2): medical, psychological, legal, social and spiritual guidance
     * (labelled as the assessment's emergency services, {@code sop:emergency_of}). */
    public static final List<String> ACCOMPANIMENT = List.of("medical", "psychological", "legal", "spiritual");
    public static final List<String> PARTY_ROLES = List.of("victim", "reporter", "witness", "terlapor");
    public static final List<String> CAMPUS_STATUSES = List.of("student", "lecturer", "staff", "community", "external");
    public static final List<String> INTERVIEW_CHANNELS = List.of("in_person", "video_call", "phone");
    public static final List<String> OUTCOMES = List.of("proven", "not_proven");
    /** Sanksi administratif (SOP Pengenaan Sanksi 3), lightest first. */
    public static final List<String> TIERS = List.of("ringan", "sedang", "berat");
    /** The SOP's examples of each tier's measures. */
    public static final Map<String, List<String>> MEASURES = Map.of(
            "ringan", List.of("written_warning", "public_apology", "educational"),
            "sedang", List.of("suspension_from_position", "student_rights_reduction"),
            "berat", List.of("student_expulsion", "permanent_dismissal"));
    public static final List<String> ALL_MEASURES = List.of("written_warning", "public_apology", "educational",
            "suspension_from_position", "student_rights_reduction", "student_expulsion", "permanent_dismissal");
    private static final List<String> LIGHT = List.of("written_warning", "public_apology", "educational");
    private static final List<String> FOR_STUDENTS = List.of("written_warning", "public_apology", "educational",
            "student_rights_reduction", "student_expulsion");
    private static final List<String> FOR_POSITIONS = List.of("written_warning", "public_apology", "educational",
            "suspension_from_position", "permanent_dismissal");
    /**
     * The measures that fit a terlapor of each campus status (SOP Pengenaan Sanksi 3): the light ones for anyone; the
     * reduction of a student's rights and permanent expulsion as a student for a student (mahasiswa); suspension from a
     * position and permanent dismissal from it for a lecturer, education staff or the campus community (dosen, tenaga
     * kependidikan, warga kampus). Someone not from campus holds neither a student's rights nor a campus position: light
     * measures only.
     */
    public static final Map<String, List<String>> MEASURES_BY_STATUS = Map.of("student", FOR_STUDENTS, "lecturer", FOR_POSITIONS,
            "staff", FOR_POSITIONS, "community", FOR_POSITIONS, "external", LIGHT);
    /** Grounds for a heavier sanction (SOP Pengenaan Sanksi 9). */
    public static final List<String> AGGRAVATING = List.of("victim_disability", "victim_impact", "perpetrator_task_force",
            "perpetrator_programme_head");
    public static final List<String> EXECUTION_STATES = List.of("planned", "in_progress", "completed");
    public static final List<String> CONSENT_BY = List.of("victim", "guardian");
    /** Whose accommodations the notice states (SOP Investigasi dan Pendampingan 2.b). */
    public static final List<String> VICTIM_STATUSES = List.of("student", "lecturer", "staff");
    public static final List<String> CHECKIN_WITH = List.of("victim", "provider");
    /**
     * Why the victim's recovery ended (SOP Investigasi dan Pendampingan 2.1 and 3): it was finished; the victim (or
     * guardian) withdrew consent; consent was never given, so there is no plan; another reason, written in the note.
     */
    public static final List<String> RECOVERY_END_REASONS = List.of("completed", "consent_withdrawn", "consent_not_given", "other");

    private Vocabulary() {
    }

    /** Position of a tier, lightest 0; -1 for none. */
    public static int weight(String tier) {
        return tier == null ? -1 : TIERS.indexOf(tier);
    }

    /**
     * Whether a sanction of this tier is followed by an educational programme and the statement that it was carried out
     * (SOP Pengenaan Sanksi 4-6: after ringan and sedang, not berat).
     */
    public static boolean hasProgramme(String tier) {
        return tier != null && !"berat".equals(tier);
    }

    /**
     * The measures that fit the case's terlapor, by their campus statuses ({@link #CAMPUS_STATUSES}), in
     * {@link #ALL_MEASURES}' order: those that fit any of them (a case may have a student and a lecturer as terlapor);
     * every measure while no terlapor is recorded.
     */
    public static List<String> measuresFor(Collection<String> terlaporStatuses) {
        if (terlaporStatuses == null || terlaporStatuses.isEmpty()) {
            return ALL_MEASURES;
        }
        return ALL_MEASURES.stream().filter(m -> terlaporStatuses.stream()
                .anyMatch(s -> MEASURES_BY_STATUS.getOrDefault(s, ALL_MEASURES).contains(m))).toList();
    }

    /** Whether {@code measure} fits the terlapor of these campus statuses ({@link #measuresFor}). */
    public static boolean fits(String measure, Collection<String> terlaporStatuses) {
        return measuresFor(terlaporStatuses).contains(measure);
    }

    public static String tierOf(String measure) {
        return MEASURES.entrySet().stream().filter(e -> e.getValue().contains(measure)).map(Map.Entry::getKey).findFirst()
                .orElse(null);
    }
}
