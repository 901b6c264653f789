package id.ruangaman.inbox;

import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import id.ruangaman.transcript.TranscriptChanged;
import id.ruangaman.transcript.TranscriptChangedOnConnection;
import id.ruangaman.intake.CaseMarkedInDanger;
import id.ruangaman.intake.IntakeReceived;
import id.ruangaman.intake.ReporterErased;
import id.ruangaman.security.CasesReturned;

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
    /** A message event whose first change is a new line from the person: a list that hides its case counts it. */
    public static final String PERSON_WROTE = "person_wrote";
    public static final String CASE = "case";
    /**
     * A case was marked in danger now ({@link CaseMarkedInDanger}): a new report in danger, or a line of danger in its
     * thread. A list that hides the case says so above its other notices; an open case page refreshes its danger flag.
     */
    public static final String DANGER = "danger";

    /** The cases that already have a message event in the current transaction. */
    private static final Object MESSAGE_EVENTS = new Object();

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;

    InboxEventRecorder(EntityManager em, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.transactions = transactions;
    }

    /** A part of a case kept by another package changed (a referral's status): a {@code case} event, its pages follow it. */
    void onCaseChanged(@Observes CaseChanged change) {
        casesChanged(java.util.List.of(change.intakeId()));
    }

    void onIntake(@Observes IntakeReceived received) {
        // Sent without flushing the transaction first: the new intake is written at the commit, with the round's other
        // writes as batches, and the lines filed under it are checked against it only then (V224); inbox_event has no
        // reference to check. The new case's announcement stands for its messages of this transaction too (an open
        // list shows the new case, not also a new message in it), so they record no event of their own.
        insert("insert into inbox_event (type, intake_id, assignee_id) values (:type, :id, null)", "inbox_event")
                .setFlushMode(jakarta.persistence.FlushModeType.COMMIT)
                .setParameter("type", INTAKE).setParameter("id", received.intakeId()).executeUpdate();
        firstInTransaction(received.intakeId());
        firstInTransaction(-received.intakeId());
    }

    /**
     * A case marked in danger, in the transaction that marked it: its own event, besides the new report's or the line's,
     * so a list that hides the case tells the team that someone is in danger, not only that someone wrote. Written at
     * the commit like the new report's announcement (the new report itself may not be written yet).
     */
    void onDanger(@Observes CaseMarkedInDanger marked) {
        insert("insert into inbox_event (type, intake_id, assignee_id) values (:type, :id, null)", "inbox_event")
                .setFlushMode(jakarta.persistence.FlushModeType.COMMIT)
                .setParameter("type", DANGER).setParameter("id", marked.intakeId()).executeUpdate();
    }

    /**
     * An insert that names the tables it reads and writes, so Hibernate flushes the transaction's pending writes before
     * it only when they touch those tables (without them it flushes everything first, and a processing round's steps
     * then go to the database one by one instead of together at the commit).
     */
    private jakarta.persistence.Query insert(String sql, String... tables) {
        org.hibernate.query.NativeQuery<?> query = em.createNativeQuery(sql).unwrap(org.hibernate.query.NativeQuery.class);
        for (String table : tables) {
            query.addSynchronizedQuerySpace(table);
        }
        return query;
    }

    /**
     * A message in or out (or its delivery status) on the case it belongs to; nothing for a line of no case yet. One event
     * per case and transaction, typed {@link #PERSON_WROTE} when it is the person's new line (the same statement).
     */
    void onTranscript(@Observes TranscriptChanged changed) {
        // One event per case and transaction, and the person's line is never hidden behind an earlier one: a reply queued
        // before the person's files were filed under the case (same transaction) leaves the person_wrote still to record.
        if (changed.intakeId() == null || !firstInTransaction(changed.fromPerson() ? -changed.intakeId() : changed.intakeId())) {
            return;
        }
        if (changed.fromPerson()) {
            firstInTransaction(changed.intakeId()); // a later change of the same case in this transaction adds nothing
        }
        insert("insert into inbox_event (type, intake_id, assignee_id) "
                + "select :type, i.id, i.assignee_id from intake i where i.id = :intake", "inbox_event", "intake")
                .setParameter("type", changed.fromPerson() ? PERSON_WROTE : MESSAGE).setParameter("intake", changed.intakeId())
                .executeUpdate();
    }

    /**
     * Delivery statuses recorded in a plain JDBC transaction (sends' outcomes, {@link TranscriptChangedOnConnection}):
     * each case's message event, one statement for all of them, inserted on that transaction's connection so they
     * commit exactly with the statuses. The event names each case once, so this is the transaction's only event per
     * case. A failed insert is thrown (an {@link IllegalStateException} around the {@link java.sql.SQLException}), and
     * the caller's transaction fails.
     */
    void onTranscriptOnConnection(@Observes TranscriptChangedOnConnection changed) {
        try (java.sql.PreparedStatement insert = changed.connection().prepareStatement("insert into inbox_event "
                + "(type, intake_id, assignee_id) select ?, i.id, i.assignee_id from intake i where i.id = any(?) order by i.id")) {
            insert.setString(1, MESSAGE);
            insert.setArray(2, changed.connection().createArrayOf("bigint", changed.intakeIds().toArray(new Long[0])));
            insert.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("the cases' inbox events could not be recorded", e);
        }
    }

    /** Marks {@code key} (a case id; its negative for the person's line) as recorded; false when it already was. */
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

    /**
     * Cases a deactivation returned to the unassigned queue: a case event each (assignee none), in the deactivation's
     * transaction, so an open list (the returned view, the unassigned view) shows them when it commits. One statement for
     * all of them, in case order, however many the account had.
     */
    void onCasesReturned(@Observes CasesReturned returned) {
        if (returned.intakeIds().isEmpty()) {
            return;
        }
        insert("insert into inbox_event (type, intake_id, assignee_id) "
                + "select :type, i.id, null from intake i where i.id in (:ids) order by i.id", "inbox_event", "intake")
                .setParameter("type", CASE).setParameter("ids", returned.intakeIds()).executeUpdate();
    }

    /**
     * A person's data was erased (their {@code /hapus} in the chat, or a coordinator on their request): each of their
     * cases is now a closed shell, a case event each in the erasure's transaction, so an open list and an open case page
     * (which then says the case was deleted and its reply box can no longer send) learn it when it commits.
     */
    void onErased(@Observes ReporterErased erased) {
        insert("insert into inbox_event (type, intake_id, assignee_id) "
                + "select :type, i.id, i.assignee_id from intake i where i.contact_id = :contact order by i.id", "inbox_event", "intake")
                .setParameter("type", CASE).setParameter("contact", erased.contactId()).executeUpdate();
    }

    /**
     * A change made in the inbox to several cases at once that leaves each with whom it was (a reporter's erasure keeps
     * each of their cases as a closed shell): a case event each, in case order, one statement.
     */
    public void casesChanged(java.util.List<Long> intakeIds) {
        if (intakeIds.isEmpty()) {
            return;
        }
        insert("insert into inbox_event (type, intake_id, assignee_id) "
                + "select :type, i.id, i.assignee_id from intake i where i.id in (:ids) order by i.id", "inbox_event", "intake")
                .setParameter("type", CASE).setParameter("ids", intakeIds).executeUpdate();
    }

    /** A change made in the inbox (status, checklist, reply) that leaves the case with whom it was. */
    public void caseChanged(CaseFile file) {
        caseChanged(file, file.assigneeId);
    }

    /**
     * A change made in the inbox to a case that was assigned to {@code previousAssigneeId} (null: unassigned) before it.
     * When the case changes hands, the event also reaches the list it left: the previous assignee's, or every
     * counsellor's unassigned queue ({@link InboxEventFeed#read}), so no open page keeps showing a case as its own.
     */
    public void caseChanged(CaseFile file, Long previousAssigneeId) {
        boolean changedHands = !java.util.Objects.equals(previousAssigneeId, file.assigneeId);
        insert("insert into inbox_event (type, intake_id, assignee_id, previous_assignee_id, left_queue) "
                + "values (:type, :id, :assignee, :previous, :leftQueue)", "inbox_event")
                .setParameter("type", CASE).setParameter("id", file.id).setParameter("assignee", file.assigneeId)
                .setParameter("previous", changedHands ? previousAssigneeId : null)
                .setParameter("leftQueue", changedHands && previousAssigneeId == null).executeUpdate();
    }
}
