package id.ruangaman.casework;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import id.ruangaman.inbox.CaseStatus;

/**
 * Whether each of the SOP page's prints can be made now, the one check both the page (which offers the print's link
 * only when it can, else says why) and {@link CaseworkPrintResource} (which refuses an old page's link with the same
 * reason, 409) ask. Each answer is a {@code sop:refusal} code, or null when the print is made:
 * <ul>
 * <li>every print: {@code case_deleted} once the reporter erased their data;</li>
 * <li>{@code surat-tugas}: {@code assignment_letter_missing}; {@code penanganan-awal}: {@code assessment_missing};
 * {@code kesimpulan}: {@code conclusion_missing}, {@code recommendation_missing}; {@code akomodasi}:
 * {@code recovery_plan_first};</li>
 * <li>{@code bap/{interview}}: {@code minutes_missing} until the examination's minutes are recorded;</li>
 * <li>{@code pemanggilan/{party}} (SOP Pemeriksaan/Verifikasi 11): {@code party} (not of this case),
 * {@code summons_needs_interview} (no examination scheduled for the party), {@code case_closed},
 * {@code victim_did_not_choose_examination} ({@link VictimPath}), {@code summons_past} (the examination's time has
 * passed, {@link DateRules#invitable}).</li>
 * </ul>
 */
@Named("sopPrints")
@ApplicationScoped
public class SopPrints {

    private final Clock clock;
    private final DateRules dates;

    SopPrints(Clock clock, DateRules dates) {
        this.clock = clock;
        this.dates = dates;
    }

    /**
     * Why the document without an id is not printed now; null when it is.
     *
     * @param document the print's path: {@code surat-tugas}, {@code penanganan-awal}, {@code kesimpulan}, {@code akomodasi}
     */
    public String refusal(CaseworkView c, String document) {
        if (c.file().isDeleted()) {
            return "case_deleted";
        }
        return switch (document) {
            case "surat-tugas" -> c.letter() == null ? "assignment_letter_missing" : null;
            case "penanganan-awal" -> c.assessment() == null ? "assessment_missing" : null;
            case "kesimpulan" -> c.conclusion() == null ? "conclusion_missing" : c.recommendation() == null ? "recommendation_missing" : null;
            case "akomodasi" -> c.recovery() == null ? "recovery_plan_first" : null;
            default -> throw new IllegalArgumentException("no such print: " + document);
        };
    }

    /** Why the berita acara pemeriksaan of the examination {@code interviewId} is not printed now; null when it is. */
    public String minutesRefusal(CaseworkView c, long interviewId) {
        if (c.file().isDeleted()) {
            return "case_deleted";
        }
        Interview interview = c.interviews().stream().filter(i -> i.id == interviewId).findFirst().orElse(null);
        return interview == null || interview.summary == null ? "minutes_missing" : null;
    }

    /** Why the summons to the party {@code partyId} is not printed now; null when it is ({@link #summoned}). */
    public String summonsRefusal(CaseworkView c, long partyId) {
        if (c.file().isDeleted()) {
            return "case_deleted";
        }
        Party party = c.party(partyId);
        if (party == null) {
            return "party";
        }
        Interview interview = summoned(c, party);
        if (interview == null) {
            return "summons_needs_interview";
        }
        // no one is called to an examination that will not be held: the case closed (a report withdrawn), or the
        // victim chose another path at a later rapat terbatas
        if (CaseStatus.CLOSED.equals(c.file().status)) {
            return "case_closed";
        }
        Optional<String> path = VictimPath.refusal("interview", VictimPath.latestChoice(c.meetings()));
        if (path.isPresent()) {
            return path.get();
        }
        return dates.invitable(interview) ? null : "summons_past";
    }

    /** The examination a summons to {@code party} calls to: their next one, else their latest; null when none is scheduled. */
    Interview summoned(CaseworkView c, Party party) {
        Instant now = Instant.now(clock);
        List<Interview> ofParty = c.interviews().stream().filter(i -> i.partyId.equals(party.id)).toList();
        return ofParty.stream().filter(i -> !i.heldAt.isBefore(now)).min(Comparator.comparing(i -> i.heldAt))
                .orElse(ofParty.isEmpty() ? null : ofParty.get(ofParty.size() - 1));
    }
}
