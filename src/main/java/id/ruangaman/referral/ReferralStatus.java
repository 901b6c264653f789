package id.ruangaman.referral;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * draft → awaiting_consent → consented | declined → sent → accepted | declined_by_provider → completed; revoked (the
 * survivor withdrew, or the team cancelled) from any state that is not final. A guardian's consent, recorded by a
 * coordinator, moves draft or awaiting_consent to consented. A draft the team no longer wants is discarded (final;
 * nothing was asked or shared, so it is not called revoked).
 */
enum ReferralStatus {
    DRAFT, AWAITING_CONSENT, CONSENTED, DECLINED, SENT, ACCEPTED, DECLINED_BY_PROVIDER, COMPLETED, REVOKED, DISCARDED;

    private static final Map<ReferralStatus, Set<ReferralStatus>> NEXT = Map.of(
            DRAFT, EnumSet.of(AWAITING_CONSENT, CONSENTED, REVOKED, DISCARDED),
            AWAITING_CONSENT, EnumSet.of(CONSENTED, DECLINED, REVOKED),
            CONSENTED, EnumSet.of(SENT, REVOKED),
            DECLINED, EnumSet.noneOf(ReferralStatus.class),
            SENT, EnumSet.of(ACCEPTED, DECLINED_BY_PROVIDER, REVOKED),
            ACCEPTED, EnumSet.of(COMPLETED, REVOKED),
            DECLINED_BY_PROVIDER, EnumSet.noneOf(ReferralStatus.class),
            COMPLETED, EnumSet.noneOf(ReferralStatus.class),
            REVOKED, EnumSet.noneOf(ReferralStatus.class),
            DISCARDED, EnumSet.noneOf(ReferralStatus.class));

    /** Statuses a counsellor sets by hand on the referral page (the others come from consent). */
    public static final List<ReferralStatus> MANUAL = List.of(SENT, ACCEPTED, DECLINED_BY_PROVIDER, COMPLETED, REVOKED, DISCARDED);

    public String code() {
        return name().toLowerCase();
    }

    public static ReferralStatus parse(String code) {
        for (ReferralStatus s : values()) {
            if (s.code().equals(code)) {
                return s;
            }
        }
        return null;
    }

    public boolean canMoveTo(ReferralStatus to) {
        return NEXT.get(this).contains(to);
    }

    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }

    /** Consent is in force: the letter may be printed. */
    public boolean mayShare() {
        return this == CONSENTED || this == SENT || this == ACCEPTED;
    }

    /** What the survivor can withdraw from the chat: everything they were asked about and that is still open. */
    public boolean withdrawable() {
        return this == AWAITING_CONSENT || this == CONSENTED || this == SENT || this == ACCEPTED;
    }

    /** A draft is discarded by hand, never revoked by hand (the system revokes drafts only when the reporter erases). */
    public List<ReferralStatus> manualNext() {
        if (this == DRAFT) {
            return List.of(DISCARDED);
        }
        return MANUAL.stream().filter(this::canMoveTo).filter(s -> s != DISCARDED).toList();
    }
}
