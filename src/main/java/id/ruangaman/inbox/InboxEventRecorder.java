package id.ruangaman.inbox;

import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import id.ruangaman.transcript.TranscriptChanged;
import id.ruangaman.intake.IntakeReceived;

/**
 * Appends rows to {@code inbox_event} in the transaction that changed something, so an event exists
 * exactly when the change committed; open pages read the table (see {@link InboxEventFeed}). A case's messages are
 * one event per transaction: a step that records the person's message and queues three replies tells an open page
 * once that the case's transcript changed.
 */
@ApplicationScoped
class InboxEventRecorder {

    public static final String INTAKE = "intake";
    public static final String MESSAGE = "message";
    public static final String CASE = "case";

    /** The cases that already have a message event in the current transaction. */
    private static final Object MESSAGE_EVENTS = new Object();

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;

    InboxEventRecorder(EntityManager em, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.transactions = transactions;
    }

    void onIntake(@Observes IntakeReceived received) {
        em.createNativeQuery("insert into inbox_event (type, intake_id, assignee_id) values (:type, :id, null)")
                .setParameter("type", INTAKE).setParameter("id", received.intakeId()).executeUpdate();
    }

    /** A message in or out (or its delivery status) on the case it belongs to; nothing for a line of no case yet. */
    void onTranscript(@Observes TranscriptChanged changed) {
        if (changed.intakeId() == null || !firstInTransaction(changed.intakeId())) {
            return;
        }
        em.createNativeQuery("insert into inbox_event (type, intake_id, assignee_id) "
                + "select :type, i.id, i.assignee_id from intake i where i.id = :intake")
                .setParameter("type", MESSAGE).setParameter("intake", changed.intakeId()).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private boolean firstInTransaction(long intakeId) {
        if (transactions.getTransactionKey() == null) {
            return true;
        }
        Set<Long> recorded = (Set<Long>) transactions.getResource(MESSAGE_EVENTS);
        if (recorded == null) {
            recorded = new HashSet<>();
            transactions.putResource(MESSAGE_EVENTS, recorded);
        }
        return recorded.add(intakeId);
    }

    /** A change made in the inbox (status, assignment, checklist). */
    public void caseChanged(CaseFile file) {
        em.createNativeQuery("insert into inbox_event (type, intake_id, assignee_id) values (:type, :id, :assignee)")
                .setParameter("type", CASE).setParameter("id", file.id).setParameter("assignee", file.assigneeId).executeUpdate();
    }
}
