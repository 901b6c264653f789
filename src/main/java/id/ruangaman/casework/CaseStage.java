package id.ruangaman.casework;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * When a case reached each SOP stage (for the deadline and the leadership report).
 */
@Entity
@Table(name = "case_stage")
public class CaseStage {

    @Id
    @Column(name = "intake_id")
    public Long intakeId;

    @Column(name = "verified_at")
    public Instant verifiedAt;

    @Column(name = "examination_started_at")
    public Instant examinationStartedAt;

    @Column(name = "concluded_at")
    public Instant concludedAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "closed_at")
    public Instant closedAt;
}
