package id.ruangaman.casework;

import java.time.Instant;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import id.ruangaman.security.crypto.EncryptedBytesConverter;
import id.ruangaman.security.crypto.EncryptedStringConverter;

/**
 * One interview (pemeriksaan) of one party: when, where or over which channel, who attended, and the
 * summary that becomes the berita acara pemeriksaan. An attachment (recording, photo) only after the interviewee's
 * consent was recorded (SOP: no photo, voice or video without permission).
 */
@Entity
@Table(name = "case_interview")
public class Interview {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_interview_seq")
    @SequenceGenerator(name = "case_interview_seq", sequenceName = "case_interview_seq", allocationSize = 50)
    public Long id;

    @Column(name = "intake_id", nullable = false)
    public Long intakeId;

    @Column(name = "party_id", nullable = false)
    public Long partyId;

    @Column(name = "held_at", nullable = false)
    public Instant heldAt;

    @Column(name = "channel", nullable = false)
    public String channel;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "place")
    public String place;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "attendees")
    public String attendees;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "summary")
    public String summary;

    @Column(name = "recording_consent", nullable = false)
    public boolean recordingConsent;

    /** The account that recorded the consent to record, by id (V187); null for a system actor or a username that named no account. */
    @Column(name = "consent_recorded_by_account_id")
    public Long consentRecordedById;

    /** The readable fallback: the username as stored before V187 when it named no account, or a system actor; else null. */
    @Column(name = "consent_recorded_by")
    public String consentRecordedBy;

    /**
     * The name written for that account when the consent was recorded (V253), so a print says who recorded it as they were named then, not after
     * a later rename; null when no name was written then, or for a row from before V253 (printed as the account is named now).
     */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "consent_recorded_name")
    public String consentRecordedName;

    @Column(name = "consent_recorded_at")
    public Instant consentRecordedAt;

    @Convert(converter = EncryptedBytesConverter.class)
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "attachment")
    public byte[] attachment;

    @Column(name = "attachment_type")
    public String attachmentType;

    /**
     * The examined party as the minutes were recorded (V245): role and campus status codes and the name, so a reprint of
     * the berita acara says what the signed minutes said, not a later correction of the party. Null for minutes recorded
     * before V245, or none yet (printed from the party).
     */
    @Column(name = "minutes_party_role")
    public String minutesPartyRole;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "minutes_party_name")
    public String minutesPartyName;

    @Column(name = "minutes_party_status")
    public String minutesPartyStatus;

    /** The account that added the interview, by id (V205); null for a username that named no account. */
    @Column(name = "created_by_account_id")
    public Long createdById;

    /** The readable fallback: the username as stored before V205 when it named no account; else null. */
    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
