package id.ruangaman.conversation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Words a person may type instead of tapping "Ya" or "Tidak", per language code ({@code id -> [iya, setuju, ...]}).
 * They come from {@code conversations/_answer_words.yaml}, so a translator extends them without touching code; every
 * language's words are accepted whatever language the session is in (people mix languages).
 *
 * @param yes   words meaning yes, by language
 * @param no    words meaning no, by language
 * @param later words of someone who is not ready to answer yet ("nanti dulu", "belum siap", "not now"), by language:
 *              never a yes or a no; empty when the file lists none
 * @param changedMind words of someone taking back a consent they gave ("tidak jadi", "aku berubah pikiran", "I changed
 *              my mind"), by language; empty when the file lists none
 * @param ratherNotSay words of someone who would rather not say ("rahasia", "gak mau bilang", "prefer not to say"), by
 *              language: never a real value of a personal question; empty when the file lists none
 */
public record AnswerWords(Map<String, List<String>> yes, Map<String, List<String>> no, Map<String, List<String>> later,
        Map<String, List<String>> changedMind, Map<String, List<String>> ratherNotSay) {

    public AnswerWords {
        yes = Map.copyOf(yes);
        no = Map.copyOf(no);
        later = later == null ? Map.of() : Map.copyOf(later);
        changedMind = changedMind == null ? Map.of() : Map.copyOf(changedMind);
        ratherNotSay = ratherNotSay == null ? Map.of() : Map.copyOf(ratherNotSay);
    }

    /** Without "rather not say" words. */
    public AnswerWords(Map<String, List<String>> yes, Map<String, List<String>> no, Map<String, List<String>> later,
            Map<String, List<String>> changedMind) {
        this(yes, no, later, changedMind, Map.of());
    }

    /** Yes and no words only, no "later" words. */
    public AnswerWords(Map<String, List<String>> yes, Map<String, List<String>> no) {
        this(yes, no, Map.of(), Map.of());
    }

    /** The words built into the engine, used when no words file is given (engine tests, the README example). */
    public static AnswerWords builtIn() {
        return new AnswerWords(
                Map.of("id", List.of("ya", "y", "iya", "benar", "betul", "setuju", "boleh", "oke", "ok", "mau", "👍"),
                        "en", List.of("yes", "yup", "yep", "yeah", "okay", "sure")),
                Map.of("id", List.of("tidak", "t", "tdk", "nggak", "enggak", "gak", "ga", "bukan", "👎"),
                        "en", List.of("no", "n", "nope", "nah")));
    }

    /** Every yes word, in any language. */
    public List<String> allYes() {
        return flatten(yes);
    }

    /** Every no word, in any language. */
    public List<String> allNo() {
        return flatten(no);
    }

    /** Every change-of-mind phrase, in any language. */
    public List<String> allChangedMind() {
        return flatten(changedMind);
    }

    /** Every "rather not say" word or phrase, in any language. */
    public List<String> allRatherNotSay() {
        return flatten(ratherNotSay);
    }

    /** Every "later" word or phrase, in any language. */
    public List<String> allLater() {
        return flatten(later);
    }

    private static List<String> flatten(Map<String, List<String>> byLanguage) {
        Set<String> words = new LinkedHashSet<>();
        byLanguage.keySet().stream().sorted().forEach(language -> words.addAll(byLanguage.get(language)));
        return List.copyOf(words);
    }
}
