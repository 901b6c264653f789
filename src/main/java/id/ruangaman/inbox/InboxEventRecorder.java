package id.ruangaman.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import id.ruangaman.transcript.TranscriptChanged;
import id.ruangaman.intake.IntakeReceived;

/**
 * Appends rows to {@code inbox_event} in the transaction that changed something, so an event exists
 * exactly when the change committed; open pages read the table (see {@link InboxEventFeed}).
 */
@ApplicationScoped
class InboxEventRecorder {

    public static final String INTAKE = "intake";
    public static final String MESSAGE = "message";
    public static final String CASE = "case";

    private final EntityManager em;

    InboxEventRecorder(EntityManager em) {
        this.em = em;
    }

    void onIntake(@Observes IntakeReceived received) {
        em.createNativeQuery("insert into inbox_event (type, intake_id, assignee_id) values (:type, :id, null)")
                .setParameter("type", INTAKE).setParameter("id", received.intakeId()).executeUpdate();
    }

    /** A message in or out (or its delivery status) on the case it belongs to; nothing for a line of no case yet. */
    void onTranscript(@Observes TranscriptChanged changed) {
        if (changed.intakeId() == null) {
            return;
        }
        em.createNativeQuery("insert into inbox_event (type, intake_id, assignee_id) "
                + "select :type, i.id, i.assignee_id from intake i where i.id = :intake")
                .setParameter("type", MESSAGE).setParameter("intake", changed.intakeId()).executeUpdate();
    }

    /** A change made in the inbox (status, assignment, checklist). */
    public void caseChanged(CaseFile file) {
        em.createNativeQuery("insert into inbox_event (type, intake_id, assignee_id) values (:type, :id, :assignee)")
                .setParameter("type", CASE).setParameter("id", file.id).setParameter("assignee", file.assigneeId).executeUpdate();
    }
}
