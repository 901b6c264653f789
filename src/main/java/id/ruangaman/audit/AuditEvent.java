package id.ruangaman.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * One audit row: who did what, when, to which case. Immutable in Hibernate and append-only in the
 * database (a trigger refuses UPDATE, DELETE and TRUNCATE). {@code detail} holds codes, never content.
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

    @Column(nullable = false, updatable = false, length = 32)
    public String action;

    @Column(name = "intake_id", updatable = false)
    public Long intakeId;

    @Column(updatable = false, length = 200)
    public String detail;
}
