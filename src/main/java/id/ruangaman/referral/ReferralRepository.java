package id.ruangaman.referral;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
class ReferralRepository implements PanacheRepository<Referral> {

    public List<Referral> ofCase(long intakeId) {
        return list("intakeId = ?1 order by id", intakeId);
    }

    /** Referrals the person can still withdraw from the chat, oldest first. */
    public List<Referral> withdrawable(long contactId) {
        return list("contactId = ?1 and status in ('awaiting_consent', 'consented', 'sent', 'accepted') order by id", contactId);
    }

    /** Referrals whose consent question is open in this person's chat, oldest first. */
    public List<Referral> awaitingConsent(long contactId) {
        return list("contactId = ?1 and status = 'awaiting_consent' order by id", contactId);
    }

    /** Open referrals for the coordinators' overview, oldest first. */
    public List<Referral> open() {
        return list("status not in ('declined', 'declined_by_provider', 'completed', 'revoked', 'discarded') order by createdAt, id");
    }
}
