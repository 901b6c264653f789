package id.ruangaman.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Formula;
import org.hibernate.annotations.Immutable;

/**
 * One audit row: who did what, when, to which case. Immutable in Hibernate and append-only in the
 * database (a trigger refuses UPDATE, DELETE and TRUNCATE). {@code detail} holds codes, never content.
 * {@code actor} is the username as it was at the time; {@link #actorAccount} is the account it named (V206), which pages
 * show by the person's current name.
 */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, updatable = false)
    public Instant at;

    @Column(nullable = false, updatable = false, length = 64)
    public String actor;

    /**
     * The account {@code actor} named when the row was written (V206), by id; null for a system actor, a typed username
     * that named no account, or a row written before V206 (see {@link #actorAccount}).
     */
    @Column(name = "actor_account_id", updatable = false)
    public Long actorAccountId;

    /**
     * The account this row's actor is, for reading: {@link #actorAccountId}, or for a row written before V206 the account
     * its username named when V206 ran (table audit_actor_before_v206, never changed); null when none (shown as written).
     */
    @Formula("coalesce(actor_account_id, (select s.account_id from audit_actor_before_v206 s where s.username = actor))")
    public Long actorAccount;

    @Column(nullable = false, updatable = false, length = 32)
    public String action;

    @Column(name = "intake_id", updatable = false)
    public Long intakeId;

    @Column(updatable = false, length = 200)
    public String detail;
}
