package id.ruangaman.casework;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * Where to do what a refused stage change asks for ({@code inject:refusalFixes} in templates): a refusal's code
 * (a {@link SopStepGuards} code, or the case page's {@code verification_checklist_incomplete}) → the section of the
 * page that holds the form, e.g. {@code assessment_missing} → {@code /inbox/cases/RA-7K2QX/sop#assessment}. The
 * link's words are {@code sop:fix_link(section)}. A code with nothing to fill in (an illegal step) has no link. A print
 * refused for a record not made yet (a summons before its examination is scheduled) links to that record's form too.
 */
@ApplicationScoped
@Named("refusalFixes")
public class RefusalFixes {

    /** Refusal code → id of the section (and its form) on the case's SOP page; "checklist" is on the case page. */
    static final Map<String, String> SECTION = Map.ofEntries(
            Map.entry("verification_checklist_incomplete", "checklist"),
            Map.entry("checklist_incomplete", "checklist"),
            Map.entry("assessment_missing", "assessment"),
            Map.entry("evidence_examined_missing", "findings"),
            Map.entry("meeting_missing", "meeting"),
            Map.entry("victim_did_not_choose_examination", "meeting"),
            Map.entry("victim_not_proceeding", "meeting"),
            Map.entry("assignment_letter_missing", "letter"),
            Map.entry("minutes_missing", "interview"),
            Map.entry("conclusion_missing", "conclusion"),
            Map.entry("recommendation_missing", "recommendation"),
            Map.entry("decision_missing", "decision"),
            Map.entry("resolved_needs_decision", "decision"),
            Map.entry("sanction_not_completed", "execution"),
            Map.entry("certificate_missing", "certificate"),
            Map.entry("execution_review", "execution"),
            Map.entry("recovery_review", "recovery"),
            Map.entry("recovery_plan_missing", "recovery"),
            Map.entry("recovery_checkin_missing", "checkin"),
            Map.entry("recovery_not_ended", "recovery-end"),
            Map.entry("recovery_period_running", "recovery-end"),
            Map.entry("summons_past", "interview"),
            // a print refused for what is not recorded yet: the form that records it
            Map.entry("summons_needs_interview", "interview"),
            Map.entry("recovery_plan_first", "recovery"),
            // a form that needs an earlier record: the form of that record
            Map.entry("conclusion_first", "conclusion"),
            Map.entry("decision_first", "decision"),
            // a sanction that does not fit the terlapor's campus status: where that status is recorded (SOP Pengenaan Sanksi 3)
            Map.entry("sanction_not_for_status", "party"));

    private static final Pattern CASE_PATH = Pattern.compile("^/inbox/cases/([A-Za-z0-9-]{1,32})(/.*)?$");

    /** The section id for a refusal code, or null. */
    public String section(String code) {
        return code == null ? null : SECTION.get(code);
    }

    /**
     * The link to the form for a refusal shown on {@code path} (a case's page, or a form posted under it), or null when the
     * refusal names nothing to fill in or the page is not a case's.
     */
    public String href(String path, String code) {
        String section = section(code);
        if (section == null || path == null) {
            return null;
        }
        Matcher m = CASE_PATH.matcher(path);
        if (!m.matches()) {
            return null;
        }
        String caseRoot = "/inbox/cases/" + m.group(1);
        return ("checklist".equals(section) ? caseRoot : caseRoot + "/sop") + "#" + section;
    }
}
