package id.ruangaman.referral;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Referral texts of the inbox ({@code rf:} in templates), in {@code messages/rf.properties} (Bahasa Indonesia, the
 * default) and {@code messages/rf_en.properties}; every key needs both.
 */
@MessageBundle(value = "rf", locale = "id")
public interface ReferralInboxMessages {

    @Message
    String nav_referrals();

    @Message
    String nav_providers();

    @Message
    String referrals_title();

    /** A referral's heading: the provider it goes to and the case ("Rujukan ke LBH Kota Uji · RA-NF582"). */
    @Message
    String referral_heading(String provider, String ref);

    @Message
    String back_to_case();

    @Message
    String case_referrals_link();

    @Message
    String no_referrals();

    @Message
    String search_title();

    @Message
    String search_hint();

    /** The search hint for a case whose survivor asked for no service (the "send now" path). */
    @Message
    String search_hint_none();

    @Message
    String search_service();

    @Message
    String search_region();

    @Message
    String search_text();

    @Message
    String search_submit();

    @Message
    String no_providers();

    @Message
    String provider_services();

    @Message
    String provider_where();

    @Message
    String provider_contact();

    @Message
    String provider_hours();

    @Message
    String provider_languages();

    @Message
    String provider_access();

    @Message
    String provider_cost();

    @Message
    String provider_minors();

    @Message
    String yes();

    @Message
    String no();

    @Message
    String draft_title();

    @Message
    String parts_title();

    @Message
    String parts_hint();

    @Message
    String draft_submit();

    @Message
    String save_parts();

    @Message
    String col_id();

    @Message
    String col_provider();

    @Message
    String col_service();

    @Message
    String col_status();

    @Message
    String col_created();

    @Message
    String col_case();

    @Message
    String col_age();

    @Message
    String col_by();

    @Message
    String consent_record();

    @Message
    String consent_asked();

    @Message
    String consent_answered();

    @Message
    String consent_who();

    @Message
    String consent_parts();

    @Message
    String consent_message();

    @Message
    String consent_none();

    @Message
    String ask_consent();

    @Message
    String ask_hint();

    @Message
    String guardian_title();

    @Message
    String guardian_hint();

    @Message
    String guardian_reason();

    @Message
    String guardian_submit();

    @Message
    String override_by();

    @Message
    String move_to();

    @Message
    String print_letter();

    @Message
    String letter_heading();

    @Message
    String letter_to();

    @Message
    String letter_intro();

    @Message
    String letter_service();

    @Message
    String letter_consent();

    @Message
    String letter_parts_none();

    @Message
    String letter_referrer();

    @Message
    String letter_date();

    @Message
    String letter_part_empty(String key);

    @Message
    String letter_contact_through_task_force();

    String letter_files_intro();

    @Message
    String letter_file_no();

    @Message
    String letter_file_kind();

    @Message
    String letter_file_received();

    @Message
    String print_now();

    @Message
    String confidential();

    @Message
    String revoked_notice();

    @Message
    String overview_title();

    @Message
    String overview_none();

    @Message
    String by_provider();

    @Message
    String by_age();

    @Message
    String count();

    @Message
    String providers_title();

    @Message
    String provider_new();

    @Message
    String provider_edit();

    @Message
    String provider_save();

    @Message
    String provider_key();

    /** How the stable id is made and what may be typed (walkthrough 9, finding 21). */
    @Message
    String provider_key_hint();

    /** Why a provider form was refused: key, exists, name, services, where, cost, minors, too_long, or anything else. */
    @Message
    String provider_refused(String key);

    /** The label of a provider form's text field, by its input name (name, region, city, address, contact, hours, ...). */
    @Message
    String provider_field(String field);

    @Message
    String provider_name();

    @Message
    String provider_region();

    @Message
    String provider_city();

    @Message
    String provider_address();

    @Message
    String provider_state();

    @Message
    String provider_active();

    @Message
    String provider_inactive();

    @Message
    String provider_activate();

    @Message
    String provider_deactivate();

    @Message
    String provider_source();

    @Message
    String status(String key);

    @Message
    String part(String key);

    @Message
    String cost(String key);

    @Message
    String consent_by(String key);

    @Message
    String history();

    @Message
    String minor_warning();

    @Message
    String discard_draft();

    @Message
    String consent_message_in_transcript();

    @Message
    String consent_message_erased();

    @Message
    String source_file();

    @Message
    String source_inbox();
}
