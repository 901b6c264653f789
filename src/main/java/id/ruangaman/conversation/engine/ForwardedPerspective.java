package id.ruangaman.conversation.engine;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A forwarded message's words as the person who forwarded them would say them: the writer's "aku" is "dia", and the
 * "kamu" it is written to is "aku". A threat the terlapor sent ("Aku udah di depan pintu kamu sekarang. Buka.", "I'm
 * outside your door") is read for danger as "dia udah di depan pintu aku sekarang", "he is outside my door": the flow's
 * danger words ({@code words_anywhere}) are written from the person's side. Only for reading danger; what is kept is the
 * message as sent. Indonesian and English pronouns, and a place owned with a suffix ("kosmu": "kos aku", "kamarku":
 * "kamar dia"), as the matcher reads such places ({@code ChoiceMatcher}); other suffixed words are left as they are
 * ("temanku mau datang" is no "dia mau datang").
 */
final class ForwardedPerspective {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");
    private static final Pattern REPEATED_LETTER = Pattern.compile("(\\p{L})\\1+");
    private static final Pattern OWN_PLACE = Pattern.compile("(kamar|kos|kosan|kost|rumah|pintu|kontrakan|asrama|apartemen)(ku|mu)");
    /** Whole words: the writer (first person) and the one written to (second person), and their chat spellings. */
    private static final Map<String, String> SWAPPED = Map.ofEntries(
            Map.entry("aku", "dia"), Map.entry("ak", "dia"), Map.entry("aq", "dia"), Map.entry("gue", "dia"), Map.entry("gua", "dia"),
            Map.entry("gw", "dia"), Map.entry("saya", "dia"), Map.entry("sy", "dia"),
            Map.entry("kamu", "aku"), Map.entry("km", "aku"), Map.entry("kmu", "aku"), Map.entry("kau", "aku"), Map.entry("engkau", "aku"),
            Map.entry("anda", "aku"), Map.entry("lu", "aku"), Map.entry("lo", "aku"), Map.entry("loe", "aku"), Map.entry("elo", "aku"),
            Map.entry("elu", "aku"),
            Map.entry("i", "he"), Map.entry("i'm", "he is"), Map.entry("im", "he is"), Map.entry("i'll", "he will"),
            Map.entry("ill", "he will"), Map.entry("i've", "he has"), Map.entry("am", "is"), Map.entry("my", "his"),
            Map.entry("me", "him"), Map.entry("you", "me"), Map.entry("u", "me"), Map.entry("your", "my"), Map.entry("ur", "my"),
            Map.entry("you're", "i am"), Map.entry("youre", "i am"), Map.entry("yours", "mine"));

    private ForwardedPerspective() {
    }

    /** {@code text} in lower case with the writer and the one written to swapped. */
    static String of(String text) {
        String lower = text.replace('\u2019', '\'').replace('\u2018', '\'').toLowerCase(java.util.Locale.ROOT);
        Matcher word = WORD.matcher(lower);
        StringBuilder swapped = new StringBuilder();
        while (word.find()) {
            word.appendReplacement(swapped, Matcher.quoteReplacement(swap(word.group())));
        }
        word.appendTail(swapped);
        return swapped.toString();
    }

    private static String swap(String word) {
        String squeezed = REPEATED_LETTER.matcher(word).replaceAll("$1"); // "kamuu", "akuuu" as chat stretches them
        String whole = SWAPPED.getOrDefault(word, SWAPPED.get(squeezed));
        if (whole != null) {
            return whole;
        }
        Matcher place = OWN_PLACE.matcher(squeezed);
        if (place.matches()) {
            return place.group(1) + ("mu".equals(place.group(2)) ? " aku" : " dia"); // "kosmu": the person's; "kamarku": the writer's
        }
        return word;
    }
}
