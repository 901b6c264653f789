package id.ruangaman.intake;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** The pelapor's corrections of their reports' answers ({@link AnswerCorrection}). */
@ApplicationScoped
public class AnswerCorrectionRepository implements PanacheRepository<AnswerCorrection> {

    /** The corrections of the case {@code intakeId}, oldest first (decrypted). */
    public List<AnswerCorrection> ofCase(long intakeId) {
        return list("intakeId = ?1 order by id", intakeId);
    }

    /** Deletes the corrections of every case of the contact {@code contactId} (erasure): how many. */
    long deleteAllOf(long contactId) {
        return getEntityManager().createNativeQuery("delete from answer_correction where intake_id in "
                + "(select id from intake where contact_id = ?1)").setParameter(1, contactId).executeUpdate();
    }
}
