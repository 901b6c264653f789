package id.ruangaman.intake;

/**
 * Fired in the transaction that marked a case in danger, so the inbox can tell the team at once, also on a list that
 * does not show the case: a new report whose person said they are in danger now (the danger question's yes, or words
 * of danger at another question), or a line of danger written in a case's thread after the report
 * ({@link IntakeService#markInDanger}). Nothing of what was written travels with it.
 *
 * @param intakeId the case's id (the case may not be written yet when it is a new report: Hibernate writes it at the
 *                 commit)
 */
public record CaseMarkedInDanger(long intakeId) {
}
