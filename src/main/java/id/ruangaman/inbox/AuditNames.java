package id.ruangaman.inbox;

import java.util.Map;
import java.util.Set;

/**
 * Human names for the ids an audit row's detail holds ({@code provider:4} → "LBH Kota Uji"), from a feature the inbox
 * does not depend on (referrals and providers). The audit log asks every implementation and shows the names it gets
 * instead of "#4" (walkthrough 9, finding 17).
 */
public interface AuditNames {

    /**
     * @param ids the ids on one page of the audit log by the name before the colon ({@code provider} → {4, 7})
     * @return the token ({@code provider:4}) → its name, for the tokens this feature knows; others are left out
     */
    Map<String, String> names(Map<String, Set<Long>> ids);
}
