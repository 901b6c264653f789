package id.ruangaman.casework;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Objects;

import id.ruangaman.inbox.VerificationFinding;

/**
 * Which saved version of a one-record SOP form (the assessment, the findings, the conclusion, the recommendation, the
 * sanction's execution, its certificate, the recovery plan) a page showed: the hidden field {@value #FIELD} carries it, a
 * fixed text made of the record's last change time, never anything typed. A form that shares its record with another
 * section (the execution and the certificate, one row) is versioned by what it shows instead ({@link #ofExecution},
 * {@link #ofCertificate}: a digest of its own saved fields), so saving the other section leaves it current. Saving compares it with the version stored now; another
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

    /** The execution form's version: a digest of the fields it shows (state, programme, institution, report date, notes). */
    static String ofExecution(SanctionExecution e) {
        return e == null ? NONE : digest(e.state, e.programme, e.institution, e.completionReportOn, e.notes);
    }

    /** The certificate form's version: a digest of its number, date and issuer; {@link #NONE} until recorded. */
    static String ofCertificate(SanctionExecution e) {
        return e == null || e.certificateNumber == null ? NONE : digest(e.certificateNumber, e.certificateOn, e.certificateIssuer);
    }

    /** "d" and 32 hex digits of SHA-256 over the values (null as absent), each length-prefixed so none runs into the next. */
    private static String digest(Object... values) {
        StringBuilder all = new StringBuilder();
        for (Object v : values) {
            String text = v == null ? "" : v.toString();
            all.append(v == null ? -1 : text.length()).append(':').append(text);
        }
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(all.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "d" + java.util.HexFormat.of().formatHex(hash, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
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
