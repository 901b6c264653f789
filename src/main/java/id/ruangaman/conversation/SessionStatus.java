package id.ruangaman.conversation;

/** Where a session stands. Only ACTIVE sessions get reminders and answer questions. */
public enum SessionStatus {
    /** Answering questions. */
    ACTIVE,
    /** Idle longer than {@code pauseAfter}; the next input asks "continue or start over?". */
    PAUSED,
    /** Left with /keluar; answers kept, the next input asks "continue or start over?". */
    EXITED,
    /** Intake submitted. */
    COMPLETED,
    /** Consent declined. */
    DECLINED,
    /** Erased with /hapus; only the reference code remains. */
    DELETED
}
