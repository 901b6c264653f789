package id.ruangaman.conversation.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Brings a typed answer and the words it is compared with to one form, so "Iyaa!!", "ＩＹＡ", "iya 🙏" and "1️⃣" match
 * "iya" and "1": Unicode NFKC (full-width letters and digits), keycap digits, lower case, runs of one repeated letter
 * shortened to one ("iyaaa" and "iya" meet at "iya"; digits are left alone, "11" stays "11"), punctuation, emoji and
 * spaces around the answer removed, inner spaces collapsed. An answer that is only an emoji (👍) keeps the emoji,
 * without skin tone or presentation selector. Both sides of a comparison must go through this.
 */
public final class AnswerText {

    private static final String KEYCAP = "\u20E3";

    // Compiled once: every step normalizes the typed answer and the words of each choice it is compared with.
    private static final Pattern KEYCAP_DIGIT = Pattern.compile("([0-9#*])\uFE0F?" + KEYCAP);
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern LEADING_SYMBOLS = Pattern.compile("^[^\\p{L}\\p{N}]+");
    private static final Pattern TRAILING_SYMBOLS = Pattern.compile("[^\\p{L}\\p{N}]+$");
    private static final Pattern EMOJI_JOINERS = Pattern.compile("[\uFE0E\uFE0F\u200D\\s]");
    private static final Pattern SKIN_TONES = Pattern.compile("[\\x{1F3FB}-\\x{1F3FF}]");
    /** A minus sign right before a digit: "-1" is a number below every button's place and every range, not "1". */
    private static final Pattern NEGATIVE_NUMBER = Pattern.compile("^[-\u2212]\\d");
    private static final Pattern REPEATED_LETTER = Pattern.compile("(\\p{L})\\1+");

    private AnswerText() {
    }

    public static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        String text = Normalizer.normalize(raw, Normalizer.Form.NFKC)
                .replace("\uD83D\uDD1F", "10"); // 🔟
        text = SPACES.matcher(KEYCAP_DIGIT.matcher(text).replaceAll("$1").toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
        String core = TRAILING_SYMBOLS.matcher(LEADING_SYMBOLS.matcher(text).replaceAll("")).replaceAll("");
        if (NEGATIVE_NUMBER.matcher(text).lookingAt()) {
            core = "-" + core;
        }
        if (core.isEmpty()) {
            // Only symbols: keep them (👍 is an answer), without variation selectors, skin tones or joiners.
            return SKIN_TONES.matcher(EMOJI_JOINERS.matcher(text).replaceAll("")).replaceAll("");
        }
        return REPEATED_LETTER.matcher(core).replaceAll("$1");
    }
}
