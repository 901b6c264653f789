package id.ruangaman.conversation.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Brings a typed answer and the words it is compared with to one form, so "Iyaa!!", "ＩＹＡ", "iya 🙏" and "1️⃣" match
 * "iya" and "1": Unicode NFKC (full-width letters and digits), keycap digits, lower case, runs of one repeated letter
 * shortened to one ("iyaaa" and "iya" meet at "iya"; digits are left alone, "11" stays "11"), punctuation, emoji and
 * spaces around the answer removed, inner spaces collapsed. An answer that is only an emoji (👍) keeps the emoji,
 * without skin tone or presentation selector. Both sides of a comparison must go through this.
 */
public final class AnswerText {

    private static final String KEYCAP = "\u20E3";

    private AnswerText() {
    }

    public static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        String text = Normalizer.normalize(raw, Normalizer.Form.NFKC)
                .replace("\uD83D\uDD1F", "10") // 🔟
                .replaceAll("([0-9#*])\uFE0F?" + KEYCAP, "$1")
                .toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ")
                .trim();
        String core = text.replaceAll("^[^\\p{L}\\p{N}]+", "").replaceAll("[^\\p{L}\\p{N}]+$", "");
        if (core.isEmpty()) {
            // Only symbols: keep them (👍 is an answer), without variation selectors, skin tones or joiners.
            return text.replaceAll("[\uFE0E\uFE0F\u200D\\s]", "").replaceAll("[\\x{1F3FB}-\\x{1F3FF}]", "");
        }
        return core.replaceAll("(\\p{L})\\1+", "$1");
    }
}
