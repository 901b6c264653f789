package id.ruangaman.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the CSRF token a page rendered into its forms, as a browser submitting the form would send it. */
public final class CsrfForms {

    private static final Pattern FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private CsrfForms() {
    }

    public static String tokenIn(String html) {
        Matcher match = FIELD.matcher(html);
        if (!match.find()) {
            throw new AssertionError("no CSRF field in the page");
        }
        return match.group(1);
    }
}
