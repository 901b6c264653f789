package id.ruangaman.conversation.text;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The core of an answer meant as a whole: its words without the address words and particles chat Indonesian puts
 * around any short answer ("gue sendiri kak", "aku aja", "saya sendiri mbak", "gw sendiri sih", "aku dong 🙏"). A
 * flow's whole-answer word ({@code "=aku"}) is compared with this core, so such an answer still is the whole answer
 * while "teman aku kak" (core "teman aku") is not.
 */
public final class WholeAnswer {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /**
     * Address words (kak, kakak, ka, mbak, mba, mas, bang, bg, min) and particles (dong, aja, saja, sih, deh, ya, nih, tuh,
     * lho, loh),
     * as {@link AnswerText#normalize} leaves them ("kaak" is "kak", "yaa" is "ya").
     */
    public static final Set<String> AROUND = Set.of("kak", "kakak", "ka", "mbak", "mba", "mas", "bang", "bg", "min",
            "dong", "aja", "saja", "sih", "deh", "ya", "nih", "tuh", "lho", "loh");

    private WholeAnswer() {
    }

    /** The words of {@code text} (any case, punctuation and emoji), normalised ({@link AnswerText#normalize}), in order. */
    public static java.util.List<String> words(String text) {
        return Arrays.stream(NON_WORD.split(AnswerText.normalize(text))).filter(word -> !word.isEmpty()).toList();
    }

    /**
     * {@link #words} without {@link #AROUND} words, joined by one space; empty when nothing else is left ("kak", "ya dong",
     * "🙏").
     */
    public static String core(String text) {
        return Arrays.stream(NON_WORD.split(AnswerText.normalize(text)))
                .filter(word -> !word.isEmpty() && !AROUND.contains(word)).collect(Collectors.joining(" "));
    }
}
