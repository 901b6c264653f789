package id.ruangaman.casework;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Objects;

import id.ruangaman.inbox.VerificationFinding;

/**
 * Which saved version of a one-record SOP form (the assessment, the findings, the conclusion, the recommendation, the
 * sanction's execution, the recovery plan) a page showed: the hidden field {@value #FIELD} carries it, a fixed text made
 * of the record's last change time, never anything typed. Saving compares it with the version stored now; another
 * tab or another counsellor that saved the form in between makes the save refused ({@code changed_since_opened}, 409)
 * instead of silently overwriting their work. A post without the field (a script) is not compared.
 */
final class FormVersions {

    /** The hidden field's name. */
    static final String FIELD = "seen";
    /** The version of a form never saved. */
    static final String NONE = "none";

    private FormVersions() {
    }

    /** The version of a record last changed at {@code changedAt} (microseconds, as PostgreSQL keeps it); {@link #NONE} for none. */
    static String of(Instant changedAt) {
        return changedAt == null ? NONE : changedAt.truncatedTo(ChronoUnit.MICROS).toString();
    }

    /** The findings' version: how many parts hold a finding and the last change among them (a part cleared counts too). */
    static String ofFindings(Collection<VerificationFinding> findings) {
        if (findings.isEmpty()) {
            return NONE;
        }
        Instant last = findings.stream().map(f -> f.recordedAt).filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
        return findings.size() + "@" + of(last);
    }
}
