package id.ruangaman.casework;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Casework texts ({@code sop:} in templates), in {@code messages/sop.properties} (Bahasa Indonesia, the default) and
 * {@code messages/sop_en.properties}; every key needs both. Codes are shown only through the {@code *_of} labels.
 */
@MessageBundle(value = "sop", locale = "id")
public interface CaseworkMessages {

    @Message
    String title();

    @Message
    String workflow();

    @Message
    String workflow_hint();

    @Message
    String examination_deadline();

    @Message
    String timeline();

    @Message
    String event(String key);

    @Message
    String refusal(String key);

    /** The words of the link from a refusal to the section that does what it asks ({@code RefusalFixes}). */
    @Message
    String fix_link(String section);

    @Message
    String save();

    @Message
    String add();

    @Message
    String yes();

    @Message
    String no();

    @Message
    String notes();

    @Message
    String account();

    @Message
    String assessment();

    @Message
    String assessment_hint();

    @Message
    String findings();

    @Message
    String findings_hint();

    @Message
    String evidence_examined();

    @Message
    String vr_recorded_by();

    @Message
    String condition();

    @Message
    String condition_of(String key);

    @Message
    String emergency_services();

    @Message
    String emergency_of(String key);

    @Message
    String risk_level();

    @Message
    String risk_of(String key);

    @Message
    String condition_notes();

    @Message
    String risks();

    @Message
    String mitigation();

    @Message
    String meeting();

    @Message
    String meeting_hint();

    @Message
    String held_on();

    @Message
    String attendees();

    @Message
    String options_explained();

    @Message
    String victim_choice();

    @Message
    String choice_of(String key);

    @Message
    String choice_notes();

    @Message
    String present_parties();

    @Message
    String present_of(String key);

    @Message
    String meeting_task_force();

    @Message
    String procedure_consequences();

    @Message
    String accompaniment_agreed();

    @Message
    String no_accompaniment();

    @Message
    String meeting_consent();

    @Message
    String meeting_consent_hint();

    /** The berita acara's line on the rapat terbatas where the victim chose the examination it belongs to. */
    @Message
    String meeting_basis();

    @Message
    String assignment_letter();

    @Message
    String letter_number();

    @Message
    String issued_on();

    @Message
    String signatory_name();

    @Message
    String signatory_title();

    @Message
    String team();

    @Message
    String print_assignment_letter();

    @Message
    String print_initial_handling();

    @Message
    String parties();

    @Message
    String party_role();

    @Message
    String party_role_of(String key);

    @Message
    String party_name();

    @Message
    String campus_status();

    @Message
    String campus_of(String key);

    @Message
    String party_account();

    @Message
    String not_task_force();

    @Message
    String task_force_member();

    @Message
    String task_force_members();

    @Message
    String leadership_accounts();

    @Message
    String leadership_party();

    @Message
    String print_summons();

    @Message
    String interviews();

    @Message
    String interviews_hint();

    @Message
    String interviews_when();

    @Message
    String party();

    @Message
    String held_at();

    @Message
    String channel();

    @Message
    String channel_of(String key);

    @Message
    String place();

    @Message
    String interview_attendees();

    @Message
    String summary();

    @Message
    String recording_consent();

    @Message
    String recording_consent_given();

    @Message
    String attachment_download();

    @Message
    String attach();

    @Message
    String add_interview();

    /** Said above a form whose step has not come yet, before the reason ({@code refusal}): its fields are disabled. */
    @Message
    String form_not_open();

    /** The headings of the forms that add one more record below a list (item 2 of the casework pages' headings). */
    @Message
    String meeting_form_heading(boolean another);

    @Message
    String party_form_heading();

    /** A party's row: opens its form to correct or remove it. */
    @Message
    String party_edit();

    /** The button of a party's correction form. */
    @Message
    String party_save();

    /** The button that removes a party. */
    @Message
    String party_remove();

    /** Beside {@link #party_remove()}: when a party can be removed. */
    @Message
    String party_remove_hint();

    @Message
    String interview_form_heading(boolean another);

    @Message
    String minutes_form_heading();

    @Message
    String checkin_form_heading();

    @Message
    String save_minutes();

    @Message
    String print_minutes();

    @Message
    String conclusion();

    @Message
    String conclusion_hint();

    @Message
    String outcome();

    @Message
    String outcome_of(String key);

    @Message
    String party_identity();

    @Message
    String perpetrator_identity();

    @Message
    String violence_form();

    @Message
    String accompaniment();

    @Message
    String protection();

    @Message
    String examination_summary();

    @Message
    String not_proven_statement();

    @Message
    String required_if_proven();

    @Message
    String required_if_not_proven();

    @Message
    String recommendation();

    @Message
    String rec_recovery();

    @Message
    String sanction_measure();

    @Message
    String sanction_for_status();

    @Message
    String sanction_no_terlapor();

    /** The heading of an examination's rescheduling form. */
    @Message
    String reschedule_heading();

    /** What rescheduling does to the summons, said above the form. */
    @Message
    String reschedule_hint();

    @Message
    String reschedule_save();

    /** "Surat pemanggilan": the heading of an examination's numbered summonses. */
    @Message
    String summons_issued();

    /** One numbered summons: its number, the time it summoned to, when it was numbered. */
    @Message
    String summons_line(String number, String heldAt, String numberedAt);

    /** A summons replaced by a rescheduling, and when. */
    @Message
    String summons_replaced(String at);

    /** The summons in force. */
    @Message
    String summons_in_force();

    /**
     * Where a recommendation is shown whose sanction no longer fits the terlapor's campus status (changed after it was
     * recommended, SOP Pengenaan Sanksi 3); followed by the statuses now recorded, then what to do.
     */
    @Message
    String recommendation_unfit();

    /** What the task force does about it on the SOP page. */
    @Message
    String recommendation_unfit_sop();

    /** What the pimpinan does about it on the decision page. */
    @Message
    String recommendation_unfit_leadership();

    /** The link from it to the decision form's sanction list. */
    @Message
    String choose_fitting_sanction();

    @Message
    String tier_of(String key);

    @Message
    String measure_of(String key);

    @Message
    String sanction_details();

    @Message
    String prevention();

    @Message
    String good_name();

    @Message
    String aggravating();

    /** Under "Faktor pemberat" when the recommendation names none. */
    @Message
    String aggravating_none();

    @Message
    String aggravating_of(String key);

    @Message
    String decision();

    @Message
    String decision_pending();

    @Message
    String erased_text();

    @Message
    String erased_skeleton();

    /** Before the date a case was closed: the closed SOP page's one line, with {@link #case_closed_readonly()}. */
    /** After the refusal {@code time_before_received}: when the report came in ({@code at}: a time with its zone, "2026-12-03 09:15 WIB"). */
    @Message
    String received_when(String at);

    /** Beside the close form: what closing with {@code label} (a closing reason's label) needs first. */
    @Message
    String close_needs(String label);

    @Message
    String recovery_end();

    @Message
    String recovery_end_hint();

    @Message
    String ended_on();

    @Message
    String recovery_end_reason();

    /** The label of a {@code Vocabulary.RECOVERY_END_REASONS} code. */
    @Message
    String recovery_end_reason_of(String key);

    @Message
    String recovery_end_note();

    @Message
    String recovery_end_clear();

    @Message
    String recovery_end_clear_hint();

    @Message
    String required_if_other();

    @Message
    String case_closed_on();

    /** What a closed case's page still allows, and that a closed case is not reopened (a new report is). */
    @Message
    String case_closed_readonly();

    @Message
    String decision_number();

    @Message
    String decided_on();

    @Message
    String decision_text();

    @Message
    String heavier();

    @Message
    String heavier_reason();

    @Message
    String heavier_reason_hint();

    /**
     * Said above the execution or recovery plan form when leadership corrected the decision after it was recorded
     * (reviewSince, V220); {@code day} is when, as the inbox prints a time.
     */
    @Message
    String review_notice(String day);

    @Message
    String certificate();

    @Message
    String certificate_hint();

    @Message
    String certificate_number();

    @Message
    String certificate_on();

    @Message
    String certificate_issuer();

    @Message
    String recovery_after_decision();

    @Message
    String decision_after_erasure();

    @Message
    String recovery_until();

    @Message
    String execution();

    @Message
    String execution_hint();

    @Message
    String programme();

    @Message
    String institution();

    @Message
    String execution_state();

    @Message
    String state_of(String key);

    @Message
    String completion_report_on();

    @Message
    String recovery();

    @Message
    String recovery_hint();

    @Message
    String consent_by();

    @Message
    String consent_of(String key);

    @Message
    String no_consent_yet();

    @Message
    String consent_on();

    @Message
    String victim_status();

    @Message
    String plan();

    @Message
    String providers();

    @Message
    String provider();

    @Message
    String print_accommodations();

    @Message
    String monitoring();

    @Message
    String checked_on();

    @Message
    String with_whom();

    @Message
    String with_of(String key);

    @Message
    String checkin_note();

    @Message
    String conflicts();

    @Message
    String conflicts_hint();

    @Message
    String mark_conflict();

    @Message
    String leadership_title();

    @Message
    String leadership_hint();

    @Message
    String leadership_none();

    @Message
    String decision_hint();

    @Message
    String save_decision();

    /** The correction of a recorded decision: the form's summary, hint, reason field and button, and its history. */
    @Message
    String correct_decision();

    @Message
    String correct_decision_hint();

    @Message
    String correction_reason();

    @Message
    String save_correction();

    @Message
    String corrections();

    /** One earlier version in the history: who corrected it and when (the reason and the values follow). */
    @Message
    String corrected_by(String who, String when);

    @Message
    String before_correction();

    @Message
    String nav_leadership();

    @Message
    String nav_report();

    @Message
    String report_title();

    @Message
    String p_number();

    @Message
    String p_assignment_heading();

    @Message
    String p_assignment_intro(String name, String title);

    @Message
    String p_assignment_task(String code);

    @Message
    String p_assignment_close();

    @Message
    String p_initial_heading();

    @Message
    String p_assessed_by();

    @Message
    String p_summons_heading();

    @Message
    String p_to();

    @Message
    String p_summons_body();

    @Message
    String p_day_time();

    @Message
    String p_summons_note();

    @Message
    String p_task_force();

    @Message
    String p_minutes_heading();

    @Message
    String p_minutes_content();

    @Message
    String p_minutes_closing();

    @Message
    String p_examiner();

    @Message
    String p_examined();

    @Message
    String p_accommodations_heading();

    @Message
    String p_to_unit();

    @Message
    String p_accommodations_intro();

    @Message
    String p_name();

    @Message
    String p_status();

    @Message
    String p_period();

    @Message
    String p_until();

    @Message
    String p_period_by_leadership();

    @Message
    String p_accommodations_rights();

    @Message
    String p_right_study_period();

    @Message
    String p_right_guidance();

    @Message
    String p_right_staff();

    @Message
    String p_accommodations_close();

    @Message
    String report_period();

    @Message
    String report_year();

    @Message
    String report_part();

    @Message
    String report_csv();

    @Message
    String report_hint();

    @Message
    String report_footer();

    @Message
    String report_csv_section();

    @Message
    String report_csv_category();

    @Message
    String report_csv_count();

    @Message
    String period_of(String key);

    @Message
    String report_section(String key);

    @Message
    String report_cell(String key);

    // --- the verified report (VerifiedReportResource) ---

    /** Heading of the facts a reader needs first: safety and urgent care. */
    @Message
    String vr_safety();

    @Message
    String vr_chat_unsafe();

    /** The case is in danger because the survivor answered "yes" to "in danger now?" in the intake. */
    @Message
    String vr_in_danger();

    /**
     * The case is in danger though "in danger now?" was not answered "yes": danger words written during the intake
     * ("dia di depan pintu" at another question, a forwarded threat), which the transcript shows.
     */
    @Message
    String vr_in_danger_words();

    /** Danger written in the case's thread after the report, at {@code at} ({@code intake.danger_said_at}). */
    @Message
    String vr_in_danger_thread(String at);

    @Message
    String vr_no_flags();

    /** Under component 6: the initial assessment (risks and their mitigation). */
    @Message
    String vr_assessment_hint();

    @Message
    String vr_no_assessment();

    @Message
    String vr_checked_by();

    /** The SOP page's link to the written report of the conclusion and recommendation for leadership. */
    @Message
    String print_conclusion_report();

    @Message
    String p_conclusion_heading();

    @Message
    String p_conclusion_to();

    @Message
    String p_conclusion_intro(String code);

    @Message
    String p_conclusion_close();
}
