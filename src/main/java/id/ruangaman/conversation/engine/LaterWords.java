package id.ruangaman.conversation.engine;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import id.ruangaman.conversation.AnswerWords;

/**
 * Words of someone who is not ready to answer yet: "nanti dulu ya", "belum siap", "nanti saja, jangan sekarang", "not
 * now" (the {@code later:} list of {@code conversations/_answer_words.yaml}), and of someone who would rather not say
 * ("rahasia", "gak mau bilang", "prefer not to say": its {@code rather_not_say:} list). A "later" reply is never a yes
 * or a no, although it may begin with a no word ("jangan sekarang"): at the intake's consent it was a refusal, and the
 * chat ended. Whole words anywhere in the reply, compared after {@link ChoiceMatcher#normalize}.
 */
public final class LaterWords {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private LaterWords() {
    }

    /** Whether a "later" word or phrase appears in {@code typed} as whole words (whatever else it says). */
    public static boolean mentioned(String typed, AnswerWords words) {
        boolean[] covered = covered(tokens(typed), words.allLater());
        for (boolean c : covered) {
            if (c) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code typed} says "later" and nothing that agrees: a "later" phrase appears in a clause that puts the answer
     * off ({@link #putOff}: not "nanti dia bilang ke dosennya"), and no other word of it is a yes word, but for "ya" said
     * after it as a particle ("nanti dulu ya"). "ok nanti" is no "later" here (a yes with a
     * later word is read by {@link #postpones} where a yes must be a clear one); "nanti saja, jangan sekarang" is one.
     */
    public static boolean said(String typed, AnswerWords words) {
        List<String> tokens = tokens(typed);
        boolean[] covered = covered(tokens, words.allLater());
        Set<String> yes = normalized(words.allYes());
        for (int i = 0; i < tokens.size(); i++) {
            if (!covered[i] && yes.contains(tokens.get(i)) && (i == 0 || !PARTICLES.contains(tokens.get(i)))) {
                return false;
            }
        }
        return putOff(typed, words);
    }

    /**
     * Whether a clause of {@code typed} (between commas, full stops and the like, or "tapi" / "but") puts the answer off:
     * it holds a "later" phrase and speaks of no one else ({@link #SOMEONE_ELSE}: "dia", "mereka", "he", "she" ...). "nanti
     * aja", "aku belum siap cerita", "boleh, tapi nanti aku tanya ortu dulu", "not now" put off; "iya, nanti dia bilang ke
     * dosennya kalau aku lapor", "besok dia mau ke kos", "he said not now" tell something, and are content. Before, any
     * "later" word anywhere made a reply a putting-off, and a question that may be skipped was skipped.
     */
    static boolean putOff(String typed, AnswerWords words) {
        for (List<String> clause : clauses(typed)) {
            boolean[] covered = covered(clause, words.allLater());
            boolean later = false;
            boolean someoneElse = false;
            for (int i = 0; i < clause.size(); i++) {
                later |= covered[i];
                someoneElse |= !covered[i] && SOMEONE_ELSE.contains(clause.get(i));
            }
            if (later && !someoneElse) {
                return true;
            }
        }
        return false;
    }

    /** Where a clause ends: a comma, full stop and the like, or "tapi" / "but". */
    private static final java.util.regex.Pattern CLAUSE_BREAK = java.util.regex.Pattern.compile(
            "[,.;:!?()]+|\\b(?:tapi|tp|tetapi|namun|but)\\b");

    /**
     * Words for someone other than the person typing, as the subject of what a "later" word times: "nanti dia bilang",
     * "besok mereka datang", "later he checks". A clause with one tells of that person, not of answering later.
     */
    static final Set<String> SOMEONE_ELSE = Set.of("dia", "doi", "ia", "beliau", "mereka", "he", "she", "they", "him", "her",
            "them", "his", "hes", "shes");

    private static List<List<String>> clauses(String typed) {
        return Arrays.stream(CLAUSE_BREAK.split(NegationScope.expandContractions(ChoiceMatcher.normalize(typed))))
                .map(LaterWords::splitWords).filter(clause -> !clause.isEmpty()).toList();
    }

    /**
     * Whether {@code typed} puts the answer off, whatever else it says: a "later" phrase appears ("ok nanti ya", "iya
     * nanti dulu", "boleh tapi nanti", "ya, tapi belum siap"), unless it only tells of thinking already done ("iya, aku
     * udah mikir", "sudah dipikirin") or "I think so". A "later" that tells of someone else counts too ("iya, tapi nanti
     * kalau dia tahu gimana", "iya, nanti aku tanya dia dulu"): unlike {@link #said}, where such a sentence is content,
     * here it is a worry or a condition beside the yes. For a question where a yes must be a clear one (consent to the
     * intake or to a rujukan, "withdraw your consent?", "is this phone safe?"): such a yes is no consent yet.
     */
    public static boolean postpones(String typed, AnswerWords words) {
        List<String> tokens = tokens(typed);
        boolean[] covered = covered(tokens, words.allLater());
        for (int i = 0; i < tokens.size(); i++) {
            boolean runStart = covered[i] && (i == 0 || !covered[i - 1]);
            if (!runStart) {
                continue;
            }
            int end = i;
            while (end + 1 < tokens.size() && covered[end + 1]) {
                end++;
            }
            boolean thoughtAlready = i > 0 && DONE_ALREADY.contains(tokens.get(i - 1)) && THINKING.contains(tokens.get(i));
            boolean thinkSo = end + 1 < tokens.size() && tokens.get(end).equals("think") && tokens.get(end + 1).equals("so");
            if (!thoughtAlready && !thinkSo) {
                // Any "later", also one that tells of someone else: "iya, tapi nanti kalau dia tahu gimana" and "iya, nanti
                // dia bilang ke dosennya kalau aku lapor" are worries, not a clear yes, so the consent waits (putOff
                // reads them as content only where no clear yes is asked).
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code typed} is only a "later" or a skip ("nanti aja", "nanti dulu kak", "skip aja", "lewati dulu ya",
     * "belum siap", "ok nanti ya", "skip for now"): every word is part of a "later" phrase, a skip word ({@code lewati},
     * {@code skip}), a yes or no word, or a small word that adds nothing ({@link #SMALL}), and at least one is "later" or
     * a skip. A text that merely holds "nanti" ("nanti dia datang lagi ke kos") says more and is not one: for free-text
     * questions, where such a reply was saved as the answer.
     */
    public static boolean only(String typed, AnswerWords words) {
        return only(typed, words, true);
    }

    /**
     * As {@link #only(String, AnswerWords)}; without {@code answersToo}, a yes or no word makes it no "later" only (at a
     * yes/no question, where "iya nanti dulu" at "are you in danger now?" stays a yes).
     */
    static boolean only(String typed, AnswerWords words, boolean answersToo) {
        Prepared prepared = Prepared.of(words);
        List<String> tokens = tokens(typed);
        Set<String> alsoSmall = answersToo ? prepared.yesOrNo() : Set.of();
        if (!allWithin(tokens, prepared.laterOrSkipWords(), alsoSmall)) {
            return false; // a word of no "later" or skip phrase, no small word, no answer: it says more ("nanti dia datang")
        }
        return onlyBesides(tokens, covered(tokens, prepared.laterOrSkip()), alsoSmall);
    }

    /**
     * Whether {@code typed} is only a wish not to say ("rahasia", "rahasia ya kak", "gak mau bilang", "tidak mau
     * menyebutkan", "prefer not to say", "privasi": {@code rather_not_say:} of the answer words), with small words
     * ({@link #SMALL}). Never a real value: at a question that may be skipped it is the skip.
     */
    public static boolean ratherNotSay(String typed, AnswerWords words) {
        Prepared prepared = Prepared.of(words);
        List<String> tokens = tokens(typed);
        if (!allWithin(tokens, prepared.ratherNotSayWords(), Set.of())) {
            return false;
        }
        return onlyBesides(tokens, covered(tokens, prepared.ratherNotSay()), Set.of());
    }

    /** Whether every word is {@link #SMALL}, in {@code alsoSmall} or in {@code phraseWords}; only then can it be covered. */
    private static boolean allWithin(List<String> tokens, Set<String> phraseWords, Set<String> alsoSmall) {
        for (String token : tokens) {
            if (!phraseWords.contains(token) && !SMALL.contains(token) && !alsoSmall.contains(token)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether every word is covered, {@link #SMALL} or in {@code alsoSmall} (words as compared,
     * {@link ChoiceMatcher#listed}), and at least one is covered.
     */
    private static boolean onlyBesides(List<String> tokens, boolean[] covered, Set<String> alsoSmall) {
        boolean any = false;
        for (int i = 0; i < tokens.size(); i++) {
            if (!covered[i] && !SMALL.contains(tokens.get(i)) && !alsoSmall.contains(tokens.get(i))) {
                return false;
            }
            any |= covered[i];
        }
        return any;
    }

    /**
     * The lists {@link #only} and {@link #ratherNotSay} read, worked out once for the answer words in use (a service
     * has one set; the last one is kept): the phrases, every word in them, and the yes and no words as compared. These
     * two are asked at every story part and every free-text answer, and a story part is long: passing over every
     * phrase at each of its words was 6-10% of a fresh JVM's drain (issue 16, thirty-sixth round). A message with a
     * word of none of them, nor a small word, is now known to say more at once.
     */
    private record Prepared(AnswerWords source, List<String> laterOrSkip, Set<String> laterOrSkipWords,
            List<String> ratherNotSay, Set<String> ratherNotSayWords, Set<String> yesOrNo) {

        private static volatile Prepared last;

        static Prepared of(AnswerWords words) {
            Prepared kept = last;
            if (kept == null || kept.source() != words) {
                List<String> laterOrSkip = Stream.concat(words.allLater().stream(), Words.SKIP.stream()).toList();
                kept = new Prepared(words, laterOrSkip, wordsOf(laterOrSkip), words.allRatherNotSay(),
                        wordsOf(words.allRatherNotSay()),
                        normalized(Stream.concat(words.allYes().stream(), words.allNo().stream()).toList()));
                last = kept;
            }
            return kept;
        }

        private static Set<String> wordsOf(List<String> phrases) {
            return phrases.stream().flatMap(phrase -> PHRASE_TOKENS.computeIfAbsent(phrase, LaterWords::tokens).stream())
                    .collect(Collectors.toUnmodifiableSet());
        }
    }

    /** Yes words that, after another word, are a particle of the sentence: "nanti dulu ya", "belum siap ya kak". */
    private static final Set<String> PARTICLES = Set.of("ya", "y", "yah", "iya");

    /** Words before a "later" word of thinking that say the thinking is done: "udah mikir", "sudah dipikirin". */
    private static final Set<String> DONE_ALREADY = Set.of("sudah", "udah", "udh", "dah", "telah", "already");
    /** The "later" words of thinking, which "udah" before them makes a thought already had ("udah nanti aja" is a later). */
    private static final Set<String> THINKING = Set.of("pikir", "pikir2", "dipikir", "dipikirin", "mikir", "mikir2", "think");

    /**
     * Small words around a "later", a skip or a "rather not say" that add nothing to it: "nanti aja kak", "skip dulu
     * ya", "rahasia dong", "skip this one for now", "aku belum siap", "mengko wae".
     */
    static final Set<String> SMALL = Set.of("aja", "saja", "ae", "wae", "dulu", "ya", "yah", "yaa", "kak", "ka", "kk",
            "mas", "mbak", "mba", "bang", "teh", "deh", "dong", "sih", "nih", "kok", "lah", "yo", "eh", "hmm", "hehe", "maaf",
            "sorry", "aku", "saya", "gue", "gw", "ini", "itu", "yang", "pertanyaan", "bagian", "please", "pls", "just", "for",
            "now", "this", "that", "one", "question", "i", "it", "sek", "sik", "heula", "mah", "tapi", "tp", "but", "udah", "udh",
            "dah", "sudah");

    /**
     * Each list phrase's words worked out once (list words are normalised by {@link ChoiceMatcher#listed}): the phrases come from the answer words
     * and the skip words (a bounded set a task force edits), never from what a person typed. Before, every typed reply
     * worked out every phrase of every list again, several times a reply: 8% of the processing CPU in a drain of
     * whole intakes, 17% of the inbound workers' in the acknowledgement's warm window (issue 16, nineteenth round).
     */
    private static final Map<String, List<String>> PHRASE_TOKENS = new ConcurrentHashMap<>();

    /** Which words of {@code tokens} are part of one of {@code phrases}. */
    private static boolean[] covered(List<String> tokens, Collection<String> phrases) {
        boolean[] covered = new boolean[tokens.size()];
        for (String phrase : phrases) {
            List<String> wanted = PHRASE_TOKENS.computeIfAbsent(phrase, LaterWords::tokens);
            for (int start = 0; !wanted.isEmpty() && start + wanted.size() <= tokens.size(); start++) {
                if (tokens.subList(start, start + wanted.size()).equals(wanted)) {
                    Arrays.fill(covered, start, start + wanted.size(), true);
                }
            }
        }
        return covered;
    }

    private static Set<String> normalized(Collection<String> words) {
        return words.stream().map(ChoiceMatcher::listed).collect(Collectors.toSet());
    }

    private static List<String> tokens(String text) {
        return splitWords(NegationScope.expandContractions(ChoiceMatcher.normalize(text)));
    }

    private static List<String> splitWords(String normalized) {
        return Arrays.stream(NON_WORD.split(normalized)).filter(token -> !token.isEmpty()).toList();
    }
}
