package id.ruangaman.security;

/** The two inbox roles. Coordinators see every case and manage accounts and the audit log. */
public final class Role {

    public static final String COUNSELLOR = "counsellor";
    public static final String COORDINATOR = "coordinator";

    private Role() {
    }

    public static boolean isValid(String role) {
        return COUNSELLOR.equals(role) || COORDINATOR.equals(role);
    }
}
