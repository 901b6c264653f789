package id.ruangaman.referral;

import java.util.List;

/** The parts of a case a referral may share, each a separate choice. Nothing is shared by default. */
enum ReferralPart {
    IDENTITY, CONTACT, CHRONOLOGY, EVIDENCE, NEEDS;

    public static final List<String> CODES = List.of("identity", "contact", "chronology", "evidence", "needs");

    public String code() {
        return name().toLowerCase();
    }

    public static ReferralPart parse(String code) {
        for (ReferralPart p : values()) {
            if (p.code().equals(code)) {
                return p;
            }
        }
        return null;
    }
}
