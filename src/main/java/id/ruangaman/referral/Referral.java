package id.ruangaman.referral;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import id.ruangaman.security.crypto.EncryptedStringConverter;

/** One referral of a case to a provider, with its consent record and lifecycle timestamps. */
@Entity
@Table(name = "referral")
public class Referral {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "referral_seq")
    @SequenceGenerator(name = "referral_seq", sequenceName = "referral_seq", allocationSize = 50)
    public Long id;

    @Column(name = "intake_id", nullable = false)
    public Long intakeId;

    @Column(name = "contact_id", nullable = false)
    public Long contactId;

    @Column(name = "provider_id", nullable = false)
    public Long providerId;

    @Column(nullable = false)
    public String service;

    @Column(name = "share_identity", nullable = false)
    public boolean shareIdentity;

    @Column(name = "share_contact", nullable = false)
    public boolean shareContact;

    @Column(name = "share_chronology", nullable = false)
    public boolean shareChronology;

    @Column(name = "share_evidence", nullable = false)
    public boolean shareEvidence;

    @Column(name = "share_needs", nullable = false)
    public boolean shareNeeds;

    /** A {@link ReferralStatus} code. */
    @Column(nullable = false)
    public String status;

    /** The account that drafted the referral, by id (V187); null for a system actor or a username that named no account. */
    @Column(name = "created_by_account_id")
    public Long createdById;

    /** The readable fallback: the username as stored before V187 when it named no account, or a system actor; else null. */
    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /**
     * The referrer as the letter names them, kept when the referral was drafted (V246): the name and the role code of the
     * drafting account then, so a reprint of the letter says who referred and in what role at the time, not after a
     * later change of the account. The name only when a coordinator had written one (never the username); null then, and
     * for a referral drafted before V246: printed from the account.
     */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "referrer_name")
    public String referrerName;

    @Column(name = "referrer_role")
    public String referrerRole;

    @Column(name = "status_changed_at", nullable = false)
    public Instant statusChangedAt;

    @Column(name = "consent_asked_at")
    public Instant consentAskedAt;

    @Column(name = "consent_answered_at")
    public Instant consentAnsweredAt;

    /** {@code survivor} (in the chat) or {@code guardian} (recorded by a coordinator). */
    @Column(name = "consent_by")
    public String consentBy;

    /** The parts consented to (codes, comma-separated), fixed when the question was asked. */
    @Column(name = "consented_parts")
    public String consentedParts;

    /** The inbound transcript row that carried the answer. */
    @Column(name = "consent_message_id")
    public Long consentMessageId;

    /** The platform's id of that message (a Telegram update or WhatsApp wamid). */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "consent_provider_message")
    public String consentProviderMessage;

    /** The account that recorded the guardian's consent, by id (V187); null for a system actor or a username that named no account. */
    @Column(name = "override_by_account_id")
    public Long overrideById;

    /** The readable fallback: the username as stored before V187 when it named no account, or a system actor; else null. */
    @Column(name = "override_by")
    public String overrideBy;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "override_reason")
    public String overrideReason;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** The account that revoked the referral, by id (V187); null for a system actor or a username that named no account. */
    @Column(name = "revoked_by_account_id")
    public Long revokedById;

    /** The readable fallback: the username as stored before V187 when it named no account, or a system actor; else null. */
    @Column(name = "revoked_by")
    public String revokedBy;

    public ReferralStatus state() {
        return ReferralStatus.parse(status);
    }

    public Set<ReferralPart> parts() {
        Set<ReferralPart> parts = EnumSet.noneOf(ReferralPart.class);
        if (shareIdentity) {
            parts.add(ReferralPart.IDENTITY);
        }
        if (shareContact) {
            parts.add(ReferralPart.CONTACT);
        }
        if (shareChronology) {
            parts.add(ReferralPart.CHRONOLOGY);
        }
        if (shareEvidence) {
            parts.add(ReferralPart.EVIDENCE);
        }
        if (shareNeeds) {
            parts.add(ReferralPart.NEEDS);
        }
        return parts;
    }

    public void setParts(Set<ReferralPart> parts) {
        shareIdentity = parts.contains(ReferralPart.IDENTITY);
        shareContact = parts.contains(ReferralPart.CONTACT);
        shareChronology = parts.contains(ReferralPart.CHRONOLOGY);
        shareEvidence = parts.contains(ReferralPart.EVIDENCE);
        shareNeeds = parts.contains(ReferralPart.NEEDS);
    }

    public List<String> partCodes() {
        List<String> codes = new ArrayList<>();
        parts().forEach(p -> codes.add(p.code()));
        return codes;
    }

    /** The parts the consent covers; empty while there is none. */
    public Set<ReferralPart> consented() {
        Set<ReferralPart> parts = EnumSet.noneOf(ReferralPart.class);
        if (consentedParts != null && !consentedParts.isBlank()) {
            for (String code : consentedParts.split(",")) {
                ReferralPart part = ReferralPart.parse(code);
                if (part != null) {
                    parts.add(part);
                }
            }
        }
        return parts;
    }

    public boolean shares(String code) {
        ReferralPart part = ReferralPart.parse(code);
        return part != null && parts().contains(part);
    }
}
