package id.ruangaman.referral;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import id.ruangaman.security.AccountRepository;
import id.ruangaman.transcript.Contact;
import id.ruangaman.transcript.MediaRepository;

/**
 * Reads what a referral letter holds beyond the intake record: the evidence files kept for the case up to the moment
 * consent was given (the consent question offers "the list of evidence you sent", so a file sent later is not on it),
 * and the referring account's role.
 */
@ApplicationScoped
class ReferralLetters {

    private final MediaRepository media;
    private final AccountRepository accounts;
    private final Clock clock;

    ReferralLetters(MediaRepository media, AccountRepository accounts, Clock clock) {
        this.media = media;
        this.accounts = accounts;
        this.clock = clock;
    }

    ReferralLetter of(ReferralService.Item item, Contact contact) {
        Referral referral = item.referral();
        Instant consentAt = referral.consentAnsweredAt == null ? Instant.now(clock) : referral.consentAnsweredAt;
        var files = referral.consented().contains(ReferralPart.EVIDENCE) ? media.keptFor(item.file().id, consentAt)
                : java.util.List.<MediaRepository.KeptFile>of();
        // the role kept when the referral was drafted (V246); a referral drafted before that, the account's role now
        String role = referral.referrerRole != null ? referral.referrerRole
                : referral.createdById == null ? null : accounts.findByIdOptional(referral.createdById).map(a -> a.role).orElse(null);
        return ReferralLetter.of(item, contact, files, role, media.evidenceNumbers(item.file().id));
    }
}
