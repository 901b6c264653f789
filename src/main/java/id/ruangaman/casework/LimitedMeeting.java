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
 * Rapat terbatas (SOP Pemeriksaan/Verifikasi 5): the closed meeting on the verified report, the options
 * explained to the victim and the path the victim chose (recorded as the victim's own choice).
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

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "options_explained")
    public String optionsExplained;

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
}
