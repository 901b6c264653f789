package id.ruangaman.inbox;

import id.ruangaman.web.Refused;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import id.ruangaman.audit.AuditAction;
import id.ruangaman.audit.AuditLog;
import id.ruangaman.intake.ReporterErasure;
import id.ruangaman.security.CurrentAccount;

/**
 * A coordinator erases a reporter on their request made outside the chat (by phone, in person, in writing, or
 * by a guardian): the same erasure as {@code /hapus} ({@link ReporterErasure}), for every case of that
 * person, in one transaction, audited with the reason's code (never free text, so the audit row holds no
 * content). The person is not messaged.
 */
@ApplicationScoped
class CaseErasure {

    private static final Logger LOG = Logger.getLogger(CaseErasure.class);
    /** Why a coordinator erases; shown as labels ({@code erase_why}). */
    public static final List<String> REASONS = List.of("request_by_phone", "request_in_person", "request_in_writing",
            "request_by_guardian");

    private final CaseAccess access;
    private final ReporterErasure erasure;
    private final AuditLog audit;
    private final InboxEventRecorder events;

    CaseErasure(CaseAccess access, ReporterErasure erasure, AuditLog audit, InboxEventRecorder events) {
        this.access = access;
        this.erasure = erasure;
        this.audit = audit;
        this.events = events;
    }

    /** The case, if this account may erase it (coordinators only; refusals audited). */
    @Transactional
    public CaseFile check(String ref, CurrentAccount who) {
        CaseFile file = access.open(ref, who);
        if (!who.isCoordinator()) {
            audit.recordRefusal(who.getUsername(), AuditAction.ACCESS_DENIED, file.id, "erase");
            throw Refused.forbidden("coordinators only");
        }
        return file;
    }

    /** Erases the reporter of the case; returns how many cases were kept as shells. */
    @Transactional
    public long erase(String ref, String reason, CurrentAccount who) {
        if (reason == null || !REASONS.contains(reason)) {
            throw Refused.invalidInput("a reason is required");
        }
        CaseFile file = check(ref, who);
        java.util.List<Long> cases = erasure.eraseOnRequest(file.contactId);
        erasure.auditEachCase(who.getUsername(), reason, cases);
        long shells = cases.size();
        // Every case of the person is now a closed shell, not only the one the coordinator erased from: each open list
        // that shows one of them refreshes (InboxEventRecorder#onErased writes an event for each). A contact already gone
        // erased nothing and told nobody: this case's open pages still refresh.
        if (cases.isEmpty()) {
            events.casesChanged(java.util.List.of(file.id));
        }
        LOG.infof("Case %d: reporter erased by a coordinator (%s)", file.id, reason);
        return shells;
    }
}
