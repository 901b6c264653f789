package id.ruangaman.audit;

/** What an audit row records. Stored by name. */
public enum AuditAction {
    LOGIN, LOGIN_FAILED, LOGIN_LOCKED, LOGOUT,
    CASE_VIEW, ACCESS_DENIED, REVEAL, REPLY, STATUS_CHANGE, ASSIGN, CHECK, NOTE, PRINT, MEDIA_VIEW,
    ACCOUNT_CREATE, ACCOUNT_DEACTIVATE, ACCOUNT_ACTIVATE, PASSWORD_RESET,
    REFERRAL_VIEW, REFERRAL_CHANGE, PROVIDER_CHANGE,
    ERASE, TRANSCRIPT_VIEW, SESSIONS_ENDED, PASSWORD_CHANGE;

    public String code() {
        return name().toLowerCase();
    }
}
