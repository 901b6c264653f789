package id.ruangaman.casework;

import jakarta.enterprise.context.ApplicationScoped;

import id.ruangaman.inbox.LeadershipCases;

/**
 * The cases leadership's pages show ({@link LeadershipService#list}, {@link LeadershipService#view}): concluded, decided
 * or closed, with a recorded conclusion (SOP Pengenaan Sanksi: leadership decides on the task force's conclusion and
 * recommendation). The same rule as SQL, for the live events of a leadership account.
 */
@ApplicationScoped
class ConcludedCases implements LeadershipCases {

    @Override
    public String shownWhere(String caseId) {
        String statuses = LeadershipService.VISIBLE.stream().map(s -> "'" + s + "'").collect(java.util.stream.Collectors.joining(", "));
        return "(exists (select 1 from intake lv where lv.id = " + caseId + " and lv.status in (" + statuses + ")) "
                + "and exists (select 1 from case_conclusion lc where lc.intake_id = " + caseId + "))";
    }
}
