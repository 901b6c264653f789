package id.ruangaman.security;

/**
 * The inbox roles. Coordinators see every case and manage accounts and the audit log. Pimpinan (the institution's
 * leadership, SOP "Pemimpin Perguruan Tinggi") sees only concluded cases' conclusion, recommendation and decision,
 * records the decision, and reads the counts-only leadership report.
 */
public final class Role {

    public static final String COUNSELLOR = "counsellor";
    public static final String COORDINATOR = "coordinator";
    public static final String PIMPINAN = "pimpinan";

    private Role() {
    }

    /**
     * Whether accounts of this role work cases: take or are assigned a case, attend a limited meeting, sit on the
     * examination team. Counsellors and coordinators do; leadership does not (it only sees concluded cases).
     */
    public static boolean worksCases(String role) {
        return COUNSELLOR.equals(role) || COORDINATOR.equals(role);
    }

    public static boolean isValid(String role) {
        return COUNSELLOR.equals(role) || COORDINATOR.equals(role) || PIMPINAN.equals(role);
    }
}
