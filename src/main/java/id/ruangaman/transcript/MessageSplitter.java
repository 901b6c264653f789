package id.ruangaman.transcript;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a long text into parts of at most {@code max} UTF-16 units, preferring paragraph, line and
 * word boundaries and never cutting a surrogate pair. Telegram and WhatsApp both cap texts at 4,096.
 */
final class MessageSplitter {

    public static final int PLATFORM_LIMIT = 4096;

    private MessageSplitter() {
    }

    public static List<String> split(String text, int max) {
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (rest.length() > max) {
            int cut = boundary(rest, max);
            parts.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        parts.add(rest);
        return parts;
    }

    private static int boundary(String text, int max) {
        for (String separator : new String[] { "\n\n", "\n", " " }) {
            int at = text.lastIndexOf(separator, max - separator.length());
            if (at >= max / 2) {
                return at + separator.length();
            }
        }
        return Character.isLowSurrogate(text.charAt(max)) ? max - 1 : max;
    }
}
