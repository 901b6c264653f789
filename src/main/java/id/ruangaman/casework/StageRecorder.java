package id.ruangaman.casework;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import id.ruangaman.inbox.CaseFile;
import id.ruangaman.inbox.CaseStatus;
import id.ruangaman.inbox.CaseStatusChanged;
import id.ruangaman.inbox.InboxConfig;
import id.ruangaman.inbox.WorkingDays;
import id.ruangaman.intake.ReporterErased;

/**
 * Keeps {@code case_stage} in step with the workflow, in the status change's transaction. When a case becomes
 * verified, the examination deadline restarts: 30 working days (RUANGAMAN_INBOX_EXAMINATION_WORKING_DAYS) from the
 * day of verification, holidays from RUANGAMAN_INBOX_HOLIDAYS (SOP Pemeriksaan/Verifikasi 9).
 */
@ApplicationScoped
class StageRecorder {

    private static final Logger LOG = Logger.getLogger(StageRecorder.class);
    private final CaseworkRepository repo;
    private final InboxConfig config;

    StageRecorder(CaseworkRepository repo, InboxConfig config) {
        this.repo = repo;
        this.config = config;
    }

    void onStatusChanged(@Observes CaseStatusChanged change) {
        CaseFile file = change.file();
        CaseStage stage = repo.one(CaseStage.class, file.id).orElseGet(() -> {
            CaseStage s = new CaseStage();
            s.intakeId = file.id;
            repo.persist(s);
            return s;
        });
        switch (change.to()) {
            case CaseStatus.VERIFIED -> {
                stage.verifiedAt = change.at();
                LocalDate day = LocalDate.ofInstant(change.at(), config.zone());
                file.examinationDueOn = new WorkingDays(config.holidays().orElse(List.of())).plus(day, config.examinationWorkingDays());
            }
            case CaseStatus.IN_EXAMINATION -> stage.examinationStartedAt = change.at();
            case CaseStatus.CONCLUDED -> stage.concludedAt = change.at();
            case CaseStatus.DECIDED -> stage.decidedAt = change.at();
            case CaseStatus.CLOSED -> stage.closedAt = change.at();
            default -> {
            }
        }
    }

    /**
     * A reporter erased their data ({@code /hapus} or a coordinator): the casework of each of their cases keeps its
     * skeleton and loses its free text and identities ({@link CaseworkRepository#ERASED_COLUMNS}).
     */
    void onErased(@Observes ReporterErased erased, jakarta.persistence.EntityManager em) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select id from intake where contact_id = ?1").setParameter(1, erased.contactId())
                .getResultList();
        int rows = 0;
        for (Number id : ids) {
            rows += repo.eraseContent(id.longValue());
        }
        // Erasure closes each case (ReporterErasure): its stage row records when, as any other closing does.
        em.createNativeQuery("insert into case_stage (intake_id, closed_at) select id, deleted_by_reporter_at from intake "
                + "where contact_id = ?1 and deleted_by_reporter_at is not null on conflict (intake_id) do update "
                + "set closed_at = coalesce(case_stage.closed_at, excluded.closed_at)").setParameter(1, erased.contactId()).executeUpdate();
        LOG.infof("Erased the text of %d casework rows of contact %d", rows, erased.contactId());
    }
}
