package id.ruangaman.casework;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import id.ruangaman.security.crypto.EncryptedStringConverter;

/**
 * Rapat terbatas (SOP Pemeriksaan/Verifikasi 5): the closed meeting on the verified report that decides the next steps
 * with the victim: the alternatives discussed, the procedure and consequences explained, the accompaniment agreed, who
 * attended by role, the path the victim chose (recorded as the victim's own choice) and who consented to it (the victim,
 * or a parent or guardian where the victim cannot consent: SOP Investigasi dan Pendampingan). Since V261 each part has
 * its own column; a meeting recorded before keeps everything in {@link #optionsExplained}, its new parts empty.
 */
@Entity
@Table(name = "case_meeting")
public class LimitedMeeting {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_meeting_seq")
    @SequenceGenerator(name = "case_meeting_seq", sequenceName = "case_meeting_seq", allocationSize = 50)
    public Long id;

    @Column(name = "intake_id", nullable = false)
    public Long intakeId;

    @Column(name = "held_on", nullable = false)
    public LocalDate heldOn;

    /** Who attended: account ids, comma-separated, in the order chosen ("12,7"); shown by name ({@code People}). */
    @Column(name = "attendee_account_ids", nullable = false)
    public String attendeeAccountIds;

    /**
     * The attendees as the meeting was recorded (V253): the name written for each account then, one a line in the order of
     * {@link #attendeeAccountIds}, an empty line for an account with none ({@code People#writtenOfAccounts}); a print says
     * this, not the accounts' names after a later rename. Null for a meeting recorded before V253 (printed from the accounts).
     */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "attendee_names")
    public String attendeeNames;

    /**
     * The accounts' roles when the meeting was recorded (V261): one code each, comma-separated, in the order of
     * {@link #attendeeAccountIds} ({@code counsellor}, {@code coordinator}); null for a meeting recorded before V261.
     */
    @Column(name = "attendee_roles")
    public String attendeeRoles;

    /** Who of the case attended besides the task force: codes of {@link Vocabulary#PRESENT_PARTIES}, comma-separated; "" for none. */
    @Column(name = "present_parties", nullable = false)
    public String presentParties = "";

    /** The alternatives discussed with the victim (before V261: the alternatives, procedure, consequences and accompaniment). */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "options_explained")
    public String optionsExplained;

    /** The procedure and the consequences of each alternative, as explained (V261); null for a meeting recorded before. */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "procedure_consequences")
    public String procedureConsequences;

    /** The accompaniment agreed: codes of {@link Vocabulary#ACCOMPANIMENT}, comma-separated, in that order; "" for none. */
    @Column(name = "accompaniment_agreed", nullable = false)
    public String accompanimentAgreed = "";

    /** Who consented to the path chosen: {@code victim} or {@code guardian}; null when nobody has (undecided, or before V261). */
    @Column(name = "consent_by")
    public String consentBy;

    @Column(name = "victim_choice", nullable = false)
    public String victimChoice;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "choice_notes")
    public String choiceNotes;

    /** The account that recorded the limited meeting, by id (V205); null for a username that named no account. */
    @Column(name = "recorded_by_account_id")
    public Long recordedById;

    /** The readable fallback: the username as stored before V205 when it named no account; else null. */
    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** The codes of a comma-separated column as a list; empty for none. */
    static java.util.List<String> list(String csv) {
        return csv == null || csv.isBlank() ? java.util.List.of() : java.util.List.of(csv.split(","));
    }

    public java.util.List<String> accompanimentList() {
        return list(accompanimentAgreed);
    }

    public java.util.List<String> presentPartyList() {
        return list(presentParties);
    }

    /** Whether the meeting was recorded with its parts apart (V261), so the page says the new parts even when empty. */
    public boolean partsApart() {
        return attendeeRoles != null;
    }

    /** One attendee from the task force: the account id as kept, the name written then ("" for none), the role then (null before V261). */
    public record Attendee(String id, String keptName, String role) {
    }

    /** The attendees in the order chosen, each with the name and role the record kept. */
    public java.util.List<Attendee> attendeeList() {
        java.util.List<String> ids = list(attendeeAccountIds);
        String[] names = attendeeNames == null ? new String[0] : attendeeNames.split("\n", -1);
        String[] roles = attendeeRoles == null ? new String[0] : attendeeRoles.split(",", -1);
        java.util.List<Attendee> all = new java.util.ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            all.add(new Attendee(ids.get(i), i < names.length ? names[i].strip() : "",
                    i < roles.length && !roles[i].isBlank() ? roles[i] : null));
        }
        return all;
    }
}
