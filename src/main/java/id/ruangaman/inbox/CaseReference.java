package id.ruangaman.inbox;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import id.ruangaman.web.Refused;

/**
 * A case reference as a person types it, read in one place for the search box and every URL that names a case.
 * References are made upper case ({@code RA-7K2QX}, {@code RandomReferenceCodes}) and shown that way; a person may type
 * them in lower case, with spaces around (copied from a chat or a letter). The stored column is {@code varchar(16)}.
 * Anything else (a slash, a NUL byte, a space inside, a very long text) is not a reference and is refused before any query.
 */
public final class CaseReference {

    /** Letters, digits and hyphens, 1 to 16 characters, after trimming and upper-casing. */
    static final Pattern FORMAT = Pattern.compile("[A-Z0-9-]{1,16}");

    private CaseReference() {
    }

    /** The reference {@code typed} names, upper case and trimmed; empty when it is blank or not shaped like a reference. */
    public static Optional<String> read(String typed) {
        if (typed == null || typed.length() > 64) {
            return Optional.empty();
        }
        String ref = typed.strip().toUpperCase(Locale.ROOT);
        return FORMAT.matcher(ref).matches() ? Optional.of(ref) : Optional.empty();
    }

    /**
     * The reference a URL names, upper case.
     *
     * @throws Refused 400 "malformed case reference" when it is not shaped like one (before any query)
     */
    public static String of(String typed) {
        return read(typed).orElseThrow(() -> Refused.invalidInput("malformed case reference"));
    }
}
