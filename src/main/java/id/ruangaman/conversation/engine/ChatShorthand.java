package id.ruangaman.conversation.engine;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Indonesian chat shorthand written out, before a line is read for danger ({@link DangerAnywhere}, {@link Unclear}): a
 * person in panic types "dia udh di dpn pintu", "dia lg di depan kos aku", "dia dtg ke kos aku skrg", and the danger
 * phrases are written in full ("dia udah di depan pintu"). Before, such a line got no emergency numbers (found by the
 * tester). Only whole words, and only shorthand that stands for one word whatever it is next to; the line as typed is
 * kept and shown as typed, this is read only.
 */
final class ChatShorthand {

    private static final Map<String, String> WRITTEN_OUT = Map.ofEntries(
            Map.entry("dpn", "depan"), Map.entry("udh", "udah"), Map.entry("sdh", "sudah"), Map.entry("lg", "lagi"),
            Map.entry("lgi", "lagi"), Map.entry("skrg", "sekarang"), Map.entry("skrng", "sekarang"), Map.entry("skg", "sekarang"),
            Map.entry("dtg", "datang"), Map.entry("dtng", "datang"), Map.entry("blg", "bilang"), Map.entry("mw", "mau"),
            Map.entry("kmr", "kamar"), Map.entry("rmh", "rumah"), Map.entry("pntu", "pintu"), Map.entry("dkt", "dekat"),
            Map.entry("msh", "masih"), Map.entry("tkt", "takut"), Map.entry("yg", "yang"), Map.entry("aq", "aku"),
            Map.entry("sy", "saya"), Map.entry("tdk", "tidak"), Map.entry("bntr", "bentar"), Map.entry("sblh", "sebelah"),
            Map.entry("klo", "kalo"), Map.entry("kl", "kalo"), Map.entry("bwt", "buat"));
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private ChatShorthand() {
    }

    /** {@code typed} with each whole word of shorthand written out, in lower case; the rest as typed. */
    static String writtenOut(String typed) {
        Matcher word = WORD.matcher(typed);
        StringBuilder out = new StringBuilder(typed.length() + 16);
        while (word.find()) {
            String full = WRITTEN_OUT.get(word.group().toLowerCase(Locale.ROOT));
            word.appendReplacement(out, Matcher.quoteReplacement(full == null ? word.group() : full));
        }
        word.appendTail(out);
        return out.toString();
    }
}
