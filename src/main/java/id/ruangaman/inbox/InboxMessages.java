package id.ruangaman.inbox;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Inbox texts ({@code msg:} in templates). The texts are in {@code messages/msg.properties} (Bahasa Indonesia,
 * the default) and {@code messages/msg_en.properties}; every key needs both.
 */
@MessageBundle(value = "msg", locale = "id")
public interface InboxMessages {

    @Message
    String app_name();

    @Message
    String lang_code();

    @Message
    String other_lang_code();

    @Message
    String other_lang_name();

    @Message
    String nav_cases();

    @Message
    String nav_accounts();

    @Message
    String nav_audit();

    /** The skip link, first on every inbox page (WCAG 2.4.1 bypass blocks): to the page's main content. */
    @Message
    String skip_to_content();

    @Message
    String logout();

    @Message
    String login_title();

    @Message
    String login_username();

    @Message
    String login_password();

    @Message
    String login_submit();

    @Message
    String login_failed();

    /** Above the reply box, when the person set a safe-contact plan (its answers follow). */
    @Message
    String reply_contact_plan();

    /** The login page, when a form was posted after the session had ended (shown by inbox.js). */
    @Message
    String login_session_ended();

    /**
     * The login page, when a form was posted after a coordinator deactivated the account (shown by inbox.js): it was
     * neither saved nor sent.
     */
    @Message
    String login_account_deactivated();

    /** Above that form's text on the login page, read-only, to be copied. */
    @Message
    String login_typed_kept();

    /** Next to a form whose text inbox.js put back after such a login. */
    @Message
    String typed_restored();

    /** The open case page's line when its case was reassigned away from the viewer (inbox.js caseGone); names no one. */
    @Message
    String case_gone_moved();

    /**
     * The same line on an open leadership page whose standing check is refused (403, 404). The leadership stream never
     * names a case shut to the account, so this shows only when the case is shut between an event and the check that
     * follows it; no counsellor was involved, so the counsellor's wording would mislead. A form posted from such a
     * page is refused by the server with the reason.
     */
    @Message
    String leadership_gone_moved();

    /** The open case page's line when the person deleted the case ({@code /hapus}) while it was open. */
    @Message
    String case_gone_deleted();

    /** The open case page's line when the case was closed while it was open. */
    @Message
    String case_gone_closed();

    /**
     * The line of another open page of the case (its SOP page, its referrals: tags/caseLive) when the person's data was
     * erased while it was open; the page then shows only what is left (inbox.js pageGone).
     */
    @Message
    String page_gone_deleted();

    /** Under the reply box once its case is no longer the viewer's or was deleted: the text stays to be copied. */
    @Message
    String reply_unsendable();

    /** Above a refused form's text when its page no longer has the form (a read-only box, to be copied). */
    @Message
    String typed_unsent();

    @Message
    String cases_title();

    @Message
    String cases_none();

    @Message
    String view_all();

    @Message
    String view_mine();

    @Message
    String view_unassigned();

    /** The case list's view of open cases returned to the queue when their counsellor's account was deactivated. */
    @Message
    String view_returned();

    @Message
    String view_overdue();

    /**
     * The case list's assignee cell of an unassigned case that a deactivation returned to the queue
     * ({@code intake.returned_from}), instead of "—".
     */
    @Message
    String assignee_returned();

    /**
     * On the case page, beside the assignee of a case a deactivation returned to the queue: name, the account's name as
     * the pages show it; at, when (the deactivation's audit row, {@code InboxFormat#at}), empty when not known.
     */
    @Message
    String case_returned(String name, String at);

    @Message
    String filter_ref();

    @Message
    String filter_open();

    @Message
    String filter_apply();

    @Message
    String col_ref();

    @Message
    String col_deadline();

    @Message
    String col_status();

    @Message
    String col_channel();

    @Message
    String col_role();

    @Message
    String col_services();

    @Message
    String col_received();

    @Message
    String col_assignee();

    @Message
    String col_unread();

    @Message
    String flag_danger();

    /** Beside the danger flag on the case page, before the time the survivor last wrote danger now in the thread. */
    @Message
    String danger_said_in_thread();

    /**
     * Beside the danger flag on the case page, why the report made the case BAHAYA; reason:
     * {@code CaseFile.intakeDangerReason()} ({@code answered}: the danger question answered yes; {@code words}: danger
     * words written during the intake; "" for neither, then nothing is shown).
     */
    @Message
    String danger_reason(String reason);

    /**
     * In the case list's unread column: an unread line of the survivor says danger now (the case was marked in danger
     * after the counsellor last opened it).
     */
    @Message
    String danger_unread();

    @Message
    String flag_urgent_medical();

    /** reason: {@code IntakeSections.urgentMedicalReason()} ({@code within_72h}, {@code time_unknown}, or "" for either). */
    @Message
    String urgent_medical_note(String reason);

    /**
     * Who the chat told about MEDIS MENDESAK: the survivor when they reported themselves; the reporter when a witness
     * or helper ({@code reporter_role} witness/proxy) wrote, with whether the victim knows ({@code victim_knows} yes/no/"").
     */
    @Message
    String urgent_medical_told(String reporter, String victimKnows);

    /** The list chip and case-page flag of a case whose victim is under 18 ({@code intake.victim_child}). */
    @Message
    String flag_child();

    @Message
    String filter_child();

    @Message
    String filter_danger();

    /**
     * What the ANAK flag changes, and where it came from: {@code reporter} is {@code reporter_role} (victim, witness,
     * proxy or ""), {@code victimMinor} the {@code victim_minor} answer ("yes", or anything else when the victim's own
     * age answer, under 18, raised the flag).
     */
    @Message
    String child_note(String reporter, String victimMinor);

    @Message
    String child_online_note();

    /**
     * On a "not safe" case: the reporter wrote after the report ({@code count} lines, the last at {@code at}, formatted),
     * the cue that replying may now be OK (walkthrough 9, finding 5).
     */
    @Message
    String wrote_after_report(int count, String at);

    @Message
    String wrote_after_report_read();

    /** The link that loads one evidence file on a click; kind is photo, video, audio or anything else (a download). */
    @Message
    String evidence_open(String kind);

    @Message
    String col_violence();

    @Message
    String violence(String key);

    @Message
    String missing_parts();

    @Message
    String part(String key);

    @Message
    String stats_consent();

    @Message
    String stats_consent_yes();

    @Message
    String stats_consent_no();

    @Message
    String replied();

    /** In the deadline column: the latest counsellor reply did not reach the person. */
    @Message
    String reply_failed();

    /** In the deadline column: the latest counsellor reply waits for WhatsApp's 24-hour window to open again. */
    @Message
    String reply_held();

    @Message
    String page_prev();

    @Message
    String page_next();

    @Message
    String status(String key);

    @Message
    String role(String key);

    /** The name of a classification the inbox uses for a survivor's answer ({@code Labels.CLASSIFIED}): "istilah GBVIMS". */
    @Message
    String term(String name);

    /**
     * The case list's first notice, above the others, when a case the page does not show was marked in danger now (a new
     * report in danger, or a line of danger in its thread): no case named, no text. Its link opens the case.
     */
    @Message
    String new_danger_one();

    /** The same for {@code count} (a number, or the page script's placeholder "#") cases; its link opens page 1. */
    @Message
    String new_danger_many(String count);

    /** Live notice above a filtered or later page of the case list: one new report came in (no case named). */
    @Message
    String new_cases_one();

    /** The same for {@code count} (a number, or the page script's placeholder "#") new reports. */
    @Message
    String new_cases_many(String count);

    /** The case list's notice of a new line from the person on a case the page does not show; no name, no text. */
    @Message
    String new_messages_one();

    @Message
    String new_messages_many(String count);

    /** "pilihan pelapor: “Sentuhan seksual paksa”": the survivor's own choice beside a classification. */
    @Message
    String survivor_chose(String words);

    @Message
    String component(String key);

    @Message
    String close(String key);

    @Message
    String delivery(String key);

    /** A {@code DeliveryFailure} as a plain label: why a message did not (yet) reach the person. */
    @Message
    String delivery_failure(String key);

    @Message
    String delivery_gave_up();

    @Message
    String delivery_retrying();

    @Message
    String reveal_field(String key);

    @Message
    String reveal_why(String key);

    @Message
    String role_account(String key);

    @Message
    String case_deleted();

    @Message
    String case_deleted_at();

    @Message
    String case_deleted_kept();

    @Message
    String case_deleted_outline();

    @Message
    String contact();

    @Message
    String examination_due();

    @Message
    String working_days_left();

    @Message
    String chat_unsafe();

    @Message
    String chat_unsafe_confirm();

    @Message
    String assign();

    @Message
    String assign_me();

    @Message
    String unassign_me();

    @Message
    String move_to();

    @Message
    String close_reason();

    @Message
    String close_case();

    @Message
    String print_intake();

    @Message
    String print_verified();

    @Message
    String intake_record();

    @Message
    String skipped();

    @Message
    String evidence_file();

    /** What an answer or a chat line names instead of "Bukti 3" when the file it names has no number in the case. */
    @Message
    String evidence_not_kept();

    @Message
    String checklist();

    /** A part's verification finding (the counsellor's note), on the case page and the verified report. */
    @Message
    String finding();

    /** Part 3's documents/evidence examined. */
    @Message
    String evidence_examined();

    /** The link from the checklist to the SOP page's findings form. */
    @Message
    String record_findings();

    /** Beside part 3's tick while the documents/evidence examined are not recorded. */
    @Message
    String evidence_examined_first();

    @Message
    String reply();

    @Message
    String canned();

    /** Beside the canned replies when the person chats in another language: "texts in the reporter's language: Indonesian". */
    @Message
    String canned_in(String language);

    @Message
    String send();

    @Message
    String transcript();

    @Message
    String msg_in();

    @Message
    String msg_out();

    @Message
    String msg_erased();

    @Message
    String msg_by_survivor();

    @Message
    String msg_by_bot();

    @Message
    String msg_by_counsellor(String name);

    @Message
    String msg_after_closed();

    @Message
    String msg_edited();

    /** Before the first words of the message an edit changes (a link to that line). */
    @Message
    String msg_edit_of();

    /** An edit of a message the service never saw, or that is not in this case's transcript. */
    @Message
    String msg_edit_of_unrecorded();

    /** The link to the line an edit changes, when that line was erased: no words of it. */
    @Message
    String msg_edit_of_erased();

    /** Before the first words of the message a reply quotes (a link to that line). */
    @Message
    String msg_reply_to();

    /** A reply to a message that is not in this case's transcript (another case or conversation). */
    @Message
    String msg_reply_to_unrecorded();

    /** Beside an answer the pelapor corrected before it was verified: when ({@code at}, formatted). */
    @Message
    String answer_corrected(String at);

    /** The answer as the report held it, before the pelapor's correction (a details element, struck through). */
    @Message
    String answer_reported();

    /** Before a correction the pelapor made after the answer was verified: when ({@code at}, formatted). */
    @Message
    String answer_correction_later(String at);

    /** Which verified words a correction would replace ({@code words}, as the answer holds them). */
    @Message
    String answer_correction_replaces(String words);

    /** The link from a correction to its edit line in the transcript. */
    @Message
    String answer_correction_in_chat();

    /** A line a later edit replaced: a link to that edit. */
    @Message
    String msg_changed_later();

    /** A line the sender deleted for everyone: a link to the deletion. */
    @Message
    String msg_deleted_later();

    /** Before the link (the time it was written) to the message the sender deleted for everyone. */
    @Message
    String msg_deletes();

    /** A deletion of a message the service never saw, or that is not in this case's transcript. */
    @Message
    String msg_deletes_unrecorded();

    @Message
    String notes();

    @Message
    String add_note();

    @Message
    String reveal();

    @Message
    String reveal_reason();

    @Message
    String reveal_submit();

    @Message
    String reveal_audited();

    @Message
    String back_to_case();

    @Message
    String print_now();

    @Message
    String print_language();

    @Message
    String print_language_name(String code);

    @Message
    String print_intake_heading();

    @Message
    String print_verified_heading();

    @Message
    String printed_at();

    @Message
    String confidential();

    @Message
    String checklist_incomplete();

    @Message
    String not_verified();

    @Message
    String account_role();

    /** The name of the person who uses an account, as letters print it (accounts page). */
    @Message
    String account_full_name();

    @Message
    String account_full_name_hint();

    @Message
    String account_save_name();

    /** The button of an account's role form on the accounts page. */
    @Message
    String account_save_role();

    @Message
    String account_state();

    @Message
    String account_active();

    @Message
    String account_inactive();

    /**
     * In a deactivated account's row on the Akun page, while cases its deactivation returned to the queue wait
     * unassigned: count, how many (at least 1).
     */
    @Message
    String account_returned_cases(long count);

    /** The link from that line to the case list of those cases ({@code /inbox?view=returned}). */
    @Message
    String account_returned_cases_link();

    /** The Akun page's mark of an account locked after repeated failed logins (walkthrough 9, finding 15). */
    @Message
    String account_locked();

    /** until: the lock's end in the inbox's zone ({@code fmt.at}). */
    @Message
    String account_locked_until(String until);

    /** The Akun page's mark of an account whose own (trusted) browsers are locked after repeated wrong passwords. */
    @Message
    String account_browser_locked();

    /** count: how many of its trusted browsers are locked; until: when the last lock ends ({@code fmt.at}). */
    @Message
    String account_browser_locked_until(int count, String until);

    /** The button that lifts an account's login locks without resetting its password. */
    @Message
    String account_unlock();

    /** After a coordinator reset {@code username}'s password; {@code unlocked} when that also lifted a lock. */
    @Message
    String account_reset_done(String username, boolean unlocked);

    @Message
    String account_activate();

    @Message
    String account_deactivate();

    @Message
    String account_new_password();

    @Message
    String account_reset();

    @Message
    String account_create();

    @Message
    String audit_at();

    @Message
    String audit_actor();

    /** The audit row's username as it was written, beside the person's name (V206). */
    @Message
    String audit_actor_as_written();

    @Message
    String audit_action();

    @Message
    String audit_case();

    @Message
    String audit_detail();

    @Message
    String audit_from();

    @Message
    String audit_to();

    // --- labels (see Labels, the one lookup) ---

    @Message
    String answer_key(String key);

    /**
     * The counsellor's label of an answer whose flow label or question is phrased to the survivor ("kamu", "you"):
     * consulted before the flow's own label; "" when the flow's label is used (walkthrough 9, finding 11).
     */
    @Message
    String answer_key_inbox(String key);

    @Message
    String unknown_code();

    @Message
    String button_pressed(String label);

    /** A press of a button no longer current (after the report, or the same button again): not a message. */
    @Message
    String button_pressed_stale(String label);

    /** The transcript's line for a quick exit (/keluar): the bot deleted its recent messages on the person's phone. */
    @Message
    String msg_quick_exit();

    /** The transcript's line for a WhatsApp template inviting the person back to the chat. */
    @Message
    String msg_invitation();

    @Message
    String typed_as(String raw);

    /**
     * A line of an answer the pelapor forwarded from another chat (a message the terlapor sent them, say), so that it is
     * never read as the pelapor's own words: "Diteruskan dari chat lain: “…”".
     */
    @Message
    String forwarded_as(String line);

    /** The transcript's mark on a message the person forwarded from another chat. */
    @Message
    String msg_forwarded();

    /** After a file's name on a print or in a letter: the survivor forwarded it from another chat ({@code Media.forwarded}). */
    @Message
    String evidence_forwarded();

    @Message
    String week_of(String day);

    @Message
    String channel(String key);

    @Message
    String media_kind(String key);

    @Message
    String referral_part(String key);

    @Message
    String referral_status(String key);

    @Message
    String audit_action_name(String key);

    @Message
    String audit_word(String key);

    @Message
    String audit_count(String key, int n);

    /**
     * A contact card a survivor shared (a third party's number): the name on it and how many phone numbers it holds,
     * never the numbers, in the transcript, the answers and every print.
     */
    @Message
    String contact_card(String name, int numbers);

    /** A survivor's line the service could not read: "Pesan yang tidak bisa dibaca (jenis: polling)". */
    @Message
    String unreadable_line(String kind);

    /**
     * A change the person made to an earlier message that the service cannot quote, by its code: {@code revoke}
     * (they deleted it) or any other ("the message was changed").
     */
    @Message
    String changed_line(String key);

    /** The kind of an unreadable line, by the code a channel gave it ({@code poll} → "polling"); any other: "lainnya". */
    @Message
    String unreadable_kind(String key);

    /** The link that shows a contact card's numbers, on a click that is written to the audit log. */
    @Message
    String contact_card_show(int numbers);

    /** What an audit row shows for a thing of the case that is no longer there (erased, discarded), instead of its id. */
    @Message
    String audit_gone();

    @Message
    String audit_system_actor(String key);

    @Message
    String days(long n);

    @Message
    String hours(long n);

    @Message
    String minutes(long n);

    @Message
    String late_by(String span);

    // --- refusals, errors, page order ---

    @Message
    String refused(String key);

    /**
     * A query value an inbox list page left out (web.QueryCheck.Refusal): {@code kind} date, choice, format, number, page
     * or too_long; {@code field} the query parameter, worded by {@link #query_field}; a too long text's length and limit.
     */
    @Message
    String query_refused(String kind, String field, String length, String limit);

    /** The filter form's label of a query parameter ({@code status}, {@code from}, {@code q}…). */
    @Message
    String query_field(String field);

    /** What a form just saved, said once next to it ({@code web.SavedNotice}'s key without its id: {@code note}, {@code minutes}). */
    @Message
    String saved(String key);

    /** A text refused as too long: its length and the field's limit, both formatted for the reader ("5.210"). */
    @Message
    String too_long_counted(String length, String limit);

    @Message
    String refusal_title();

    @Message
    String password_rule(int min);

    @Message
    String error_title();

    @Message
    String error_text();

    @Message
    String error_reference();

    @Message
    String error_back();

    @Message
    String assignee_label();
    @Message
    String step_needs_first();

    @Message
    String verified_print_needs_verification();

    @Message
    String cannot_deactivate_self();

    @Message
    String transcript_bot_hint();

    @Message
    String evidence_show();

    @Message
    String evidence_blurred_hint();

    @Message
    String settings_title();

    @Message
    String settings_unblurred();

    @Message
    String settings_unblurred_hint();

    @Message
    String settings_save();

    @Message
    String settings_saved();

    @Message
    String nav_settings();

    @Message
    String summary_title();

    @Message
    String language_name(String key);

    @Message
    String erase_title();

    @Message
    String erase_explain();

    @Message
    String erase_reason();

    @Message
    String erase_reason_choose();

    @Message
    String erase_reason_missing();

    @Message
    String erase_already();

    @Message
    String erase_submit();

    @Message
    String erase_why(String key);

    @Message
    String erase_link();

    @Message
    String account_title();

    /** Below the person's name on their own account page: what they sign in with. */
    @Message
    String account_username(String username);

    @Message
    String account_password_changed();

    @Message
    String account_change_password();

    @Message
    String account_current_password();


    @Message
    String account_repeat_password();

    @Message
    String account_sessions();

    @Message
    String account_sessions_explain();

    @Message
    String account_logout_everywhere();

    @Message
    String nav_account();

    @Message
    String account_error(String key);

    /** The dotted line on the assignment letter where a team member's name is written by hand (no name in Accounts). */
    @Message
    String letter_name_blank();

    /** Beside it, on the screen only: why the line is empty and how to fill it. */
    @Message
    String letter_name_missing();
}
