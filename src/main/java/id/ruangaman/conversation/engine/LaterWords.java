package id.ruangaman.conversation.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import id.ruangaman.conversation.AnswerWords;

/**
 * Words of someone who is not ready to answer yet: "nanti dulu ya", "belum siap", "nanti saja, jangan sekarang", "not
 * now" (the {@code later:} list of {@code conversations/_answer_words.yaml}). Such a reply is never a yes or a no,
 * although it may begin with a no word ("jangan sekarang"): at the intake's consent it was a refusal, and the chat
 * ended. Whole words anywhere in the reply, compared after {@link ChoiceMatcher#normalize}.
 */
public final class LaterWords {

    private LaterWords() {
    }

    /** Whether a "later" word or phrase appears in {@code typed} as whole words (whatever else it says). */
    public static boolean mentioned(String typed, AnswerWords words) {
        boolean[] covered = covered(tokens(typed), words);
        for (boolean c : covered) {
            if (c) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code typed} says "later" and nothing that agrees: a "later" phrase appears, and no other word of it is a
     * yes word, but for "ya" said after it as a particle ("nanti dulu ya"). "ok nanti" stays a yes, as before (the
     * first word decides a short phrase); "nanti saja, jangan sekarang" is a "later".
     */
    public static boolean said(String typed, AnswerWords words) {
        List<String> tokens = tokens(typed);
        boolean[] covered = covered(tokens, words);
        Set<String> yes = words.allYes().stream().map(ChoiceMatcher::normalize).collect(Collectors.toSet());
        boolean any = false;
        for (int i = 0; i < tokens.size(); i++) {
            any |= covered[i];
            if (!covered[i] && yes.contains(tokens.get(i)) && (i == 0 || !PARTICLES.contains(tokens.get(i)))) {
                return false;
            }
        }
        return any;
    }

    /** Yes words that, after another word, are a particle of the sentence: "nanti dulu ya", "belum siap ya kak". */
    private static final Set<String> PARTICLES = Set.of("ya", "y", "yah", "iya");

    /** Which words of {@code tokens} are part of a "later" phrase. */
    private static boolean[] covered(List<String> tokens, AnswerWords words) {
        boolean[] covered = new boolean[tokens.size()];
        for (String phrase : words.allLater()) {
            List<String> wanted = tokens(phrase);
            for (int start = 0; !wanted.isEmpty() && start + wanted.size() <= tokens.size(); start++) {
                if (tokens.subList(start, start + wanted.size()).equals(wanted)) {
                    Arrays.fill(covered, start, start + wanted.size(), true);
                }
            }
        }
        return covered;
    }

    private static List<String> tokens(String text) {
        return Arrays.stream(NegationScope.expandContractions(ChoiceMatcher.normalize(text)).split("[^\\p{L}\\p{N}]+"))
                .filter(token -> !token.isEmpty()).toList();
    }
}
