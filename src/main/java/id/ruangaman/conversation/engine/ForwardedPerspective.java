package id.ruangaman.conversation.engine;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A forwarded message's words as the person who forwarded them would say them: the writer's "aku" is "dia", and the
 * "kamu" it is written to is "aku". A threat the terlapor sent ("Aku udah di depan pintu kamu sekarang. Buka.", "I'm
 * outside your door") is read for danger as "dia udah di depan pintu aku sekarang", "he's outside my door": the flow's
 * danger words ({@code words_anywhere}) are written from the person's side. Only for reading danger; what is kept is the
 * message as sent. Indonesian and English pronouns, and the suffixes -mu ("kosmu": "kos aku") and -ku ("pisauku": "pisau
 * dia").
 */
final class ForwardedPerspective {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");
    /** Whole words: the writer (first person) and the one written to (second person), and their forms. */
    private static final Map<String, String> SWAPPED = Map.ofEntries(
            Map.entry("aku", "dia"), Map.entry("ak", "dia"), Map.entry("gue", "dia"), Map.entry("gua", "dia"), Map.entry("gw", "dia"),
            Map.entry("saya", "dia"), Map.entry("sy", "dia"),
            Map.entry("kamu", "aku"), Map.entry("km", "aku"), Map.entry("kmu", "aku"), Map.entry("kau", "aku"), Map.entry("engkau", "aku"),
            Map.entry("lu", "aku"), Map.entry("lo", "aku"), Map.entry("loe", "aku"), Map.entry("elo", "aku"), Map.entry("elu", "aku"),
            Map.entry("i", "he"), Map.entry("i'm", "he's"), Map.entry("im", "he's"), Map.entry("i'll", "he'll"), Map.entry("am", "is"),
            Map.entry("my", "his"), Map.entry("me", "him"), Map.entry("you", "me"), Map.entry("your", "my"), Map.entry("you're", "i'm"),
            Map.entry("youre", "i'm"), Map.entry("yours", "mine"));

    private ForwardedPerspective() {
    }

    /** {@code text} with the writer and the one written to swapped (see the class comment), in lower case. */
    static String of(String text) {
        Matcher word = WORD.matcher(text.toLowerCase(Locale.ROOT));
        StringBuilder swapped = new StringBuilder();
        while (word.find()) {
            word.appendReplacement(swapped, Matcher.quoteReplacement(swap(word.group())));
        }
        word.appendTail(swapped);
        return swapped.toString();
    }

    private static String swap(String word) {
        String whole = SWAPPED.get(word);
        if (whole != null) {
            return whole;
        }
        if (word.length() >= 5 && word.endsWith("mu")) {
            return word.substring(0, word.length() - 2) + " aku"; // "kosmu", "pintumu": the person's
        }
        if (word.length() >= 5 && word.endsWith("ku")) {
            return word.substring(0, word.length() - 2) + " dia"; // "pisauku": the writer's
        }
        return word;
    }
}
