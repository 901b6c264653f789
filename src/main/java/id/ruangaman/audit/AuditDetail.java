package id.ruangaman.audit;

import java.util.List;

/**
 * Every word an audit row's detail may hold, as the code records it ({@code risk:medium}, {@code csv period:month:2026:11},
 * {@code add party:4 consent}): the names before a colon, the bare words, and the coded values the callers pass in
 * (documents, refusal codes, the SOP's vocabularies). The audit log shows each through its label
 * ({@code audit_word} in {@code messages/msg*.properties}); LabelCoverageTest fails when a word recorded in an
 * {@code audit.record…(…)} call is missing here or has no label in either inbox language.
 */
public final class AuditDetail {

    /** Names before a colon and bare words written in the {@code audit.record…} calls. */
    public static final List<String> WORDS = List.of("account", "activate", "add", "aggravating", "assign_other", "assignee",
            "attachment", "by", "case", "case_referrals", "certificate", "cases", "casework", "checkin", "choice", "conflict_mark", "consent", "corrected", "create",
            "csv", "deactivate", "draft", "edit", "erase", "field", "from_role", "guardian_override", "heavier", "interview", "locked", "media",
            "message", "minutes", "none", "not_concluded", "outcome", "overview", "parts", "party", "path", "period", "plan",
            "provider", "providers", "reason", "recommendation_cleared", "recovery_end", "recovery_end_cleared", "reschedule", "summons_replaced", "referral", "referral_letter", "referral_overview", "refused", "remove", "risk", "role",
            "send_refused", "service", "sessions", "source", "state", "tick", "tier", "unknown_account", "untick", "until", "with",
            "wrong_password", "inactive", "trusted_browser", "browser_locked", "browser_only");

    /** Coded values the callers pass in: printed documents, refusal codes, and the SOP vocabularies' values. */
    public static final List<String> VALUES = List.of("intake_form", "verified_report", "assignment_letter", "initial_handling_form",
            "summons", "examination_minutes", "recovery_accommodations", "conclusion_report", "conflict_of_interest", "no_consent",
            "checklist_incomplete", "checklist_verified", "illegal_step", "case_closed", "assessment_missing", "low", "medium", "high", "examination", "accompaniment_only",
            "not_proceed", "undecided", "victim", "reporter", "witness", "terlapor", "proven", "not_proven", "ringan", "sedang",
            "berat", "victim_disability", "victim_impact", "perpetrator_task_force", "perpetrator_programme_head", "planned",
            "in_progress", "completed", "consent_withdrawn", "consent_not_given", "other", "guardian", "coordinator", "month", "semester", "year");

    /** Names before a colon whose value is a count, not an id: shown as a count ("2 kasus"), never as "#2". */
    public static final List<String> COUNTS = List.of("cases", "sessions");

    /** The actor of what the survivor does in the chat (a referral's yes, no or withdrawal). */
    public static final String CHAT_ACTOR = "survivor-chat";

    /**
     * The actor of V256, the migration that returned to the queue the open cases of accounts deactivated before V250:
     * no person pressed anything. A space, so no account can take the name (usernames have none).
     */
    public static final String V256_MIGRATION = "V256 migration";

    /**
     * Actors the code records that are not accounts (the survivor in the chat; a login with a name no account has):
     * shown by their label ({@code audit_system_actor}), never as the code. No account may take these names.
     */
    public static final List<String> SYSTEM_ACTORS = List.of(CHAT_ACTOR, "unknown", V256_MIGRATION);

    private AuditDetail() {
    }
}
