package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.text.AnswerText;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which options a typed answer names only to say "not this": "tidak butuh bantuan hukum", "gak mau lapor polisi", "I
 * don't want a lawyer", "no police", "tanpa polisi". A negation word governs the option named after it, across words
 * that only carry the wish or the state (butuh, perlu, mau, ingin, ke, dalam, merasa, need, want, a, the, in, feel …:
 * "tidak dalam bahaya", "not in danger"), and further options joined to that one
 * by "dan", "atau", "and", "or" ("nggak mau polisi atau pengacara"). Anything else ends it: another word ("aku tidak
 * sadar lalu diperkosa"), "tapi" / "but", or a comma, full stop and the like ("no, I want a lawyer"). Indonesian and
 * English; "n't" counts as "not".
 */
final class NegationScope {

    private static final Pattern NOT_CONTRACTION = Pattern.compile("n['\u2019]t\\b");

    private static final Set<String> NEGATIONS = normalized(Stream.of(
            "tidak", "tdk", "tak", "takkan", "nggak", "ngga", "enggak", "engga", "gak", "ga", "gk", "g", "kagak", "ndak", "nda",
            "gamau", "gakmau", "gabakal", "gakbakal", "gaakan", "ogah",
            "bukan", "bkn", "jangan", "jgn", "belum", "blm", "tanpa", "no", "not", "never", "nobody", "without", "dont", "doesnt",
            "didnt", "wont", "cant", "neither"));
    /** Words between a negation and what it governs: verbs of needing and wanting, articles, prepositions. */
    private static final Set<String> GOVERNED = normalized(Stream.of(
            "butuh", "membutuhkan", "butuhkan", "perlu", "memerlukan", "mau", "ingin", "pengen", "pengin", "pingin",
            "kepengin", "minta", "usah", "ada", "akan", "bakal", "bakalan", "mungkin", "pasti", "tentu", "lagi", "pakai", "pake", "mencari", "cari", "lapor", "melapor",
            "ketemu", "bertemu", "bicara", "ngomong", "dibantu", "didampingi", "bantuan", "ke", "sama", "dengan", "dgn",
            "untuk", "utk", "buat", "yang", "pernah", "sih", "kok", "dulu", "kak", "dalam", "sedang", "merasa",
            "need", "needs", "want", "wants", "wanna", "like", "would", "will", "to", "a", "an", "the", "any", "get",
            "see", "talk", "speak", "with", "go", "involve", "call", "contact", "report", "help", "from", "really", "ever", "one",
            "in", "feel", "feeling", "longer"));
    /**
     * A speaker's "I", or the person threatened put first, opening a phrase: after a negation and the words it carries
     * ("jangan lapor"), such a phrase begins a clause of its own ("jangan lapor aku tau kosmu": don't report, I know where
     * you live; "jgn lapor lo gw bunuh"). Right after the negation it is still governed ("bukan aku sendiri").
     */
    private static final Set<String> SUBJECTS = normalized(Stream.of("aku", "saya", "gw", "gue", "gua", "ane", "i",
            "kamu", "km", "kmu", "kau", "lo", "lu", "elo", "elu", "loe", "ku", "kubunuh", "kuhabisi", "kuhajar", "kuperkosa"));
    /** Words that carry a negation on to the next option named: "tidak mau polisi atau pengacara". */
    private static final Set<String> JOINS = normalized(Stream.of("dan", "atau", "maupun", "ataupun", "serta", "and", "or", "nor"));

    private NegationScope() {
    }

    /**
     * For each span (option phrase found at {@code [start, end)} of {@code tokens}, in order of start), whether a
     * negation governs it. {@code breakBefore} has {@code i}: a comma, full stop or the like comes before token {@code i}.
     */
    /** Whether the token is a negation word ("tidak", "bukan", "no", ...); {@code token} normalised. */
    static boolean isNegation(String token) {
        return NEGATIONS.contains(token);
    }

    static boolean[] negated(List<String> tokens, BitSet breakBefore, List<int[]> spans) {
        boolean[] negated = new boolean[spans.size()];
        State state = State.FREE;
        int next = 0;
        int coveredUntil = 0;
        boolean lastNegated = false;
        int negationAt = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (breakBefore.get(i) && i >= coveredUntil) {
                state = State.FREE;
            }
            boolean spanHere = false;
            boolean ownClause = SUBJECTS.contains(tokens.get(i)) && i > negationAt + 1;
            while (next < spans.size() && spans.get(next)[0] == i) {
                int[] span = spans.get(next);
                // a span overlapping one already read is read the same way
                negated[next] = i < coveredUntil ? lastNegated : state == State.NEGATED && !ownClause;
                lastNegated = negated[next]; // the same words found twice (an option's word that is also its label)
                coveredUntil = Math.max(coveredUntil, span[1]);
                spanHere = true;
                next++;
            }
            if (spanHere) {
                lastNegated = negated[next - 1];
                state = lastNegated ? State.AFTER_NEGATED : State.FREE;
            } else if (i >= coveredUntil) {
                state = after(state, tokens.get(i));
                if (NEGATIONS.contains(tokens.get(i))) {
                    negationAt = i;
                }
            }
        }
        return negated;
    }

    private enum State { FREE, NEGATED, AFTER_NEGATED }

    private static State after(State state, String token) {
        if (NEGATIONS.contains(token)) {
            return State.NEGATED;
        }
        if (state == State.NEGATED && GOVERNED.contains(token) || state != State.FREE && JOINS.contains(token)) {
            return State.NEGATED;
        }
        return State.FREE;
    }

    /**
     * "don't", "can't", "wasn't" as "do not", "ca not", "was not", so "not" is read as the negation; and the same
     * contractions typed without the apostrophe, as phone keyboards leave them ("hes here", "im scared", "theyre coming",
     * "dont", "cant"), as the apostrophe's words are read ("he's" is the words "he" and "s"): a flow's "he's here" is
     * then also "hes here". Only English forms that are no Indonesian word and no other English word ("its", "were",
     * "ill", "id", "well" and "shell" stay as typed). {@code normalized}: lower case ({@link AnswerText#normalize}).
     */
    static String expandContractions(String normalized) {
        String expanded = NOT_CONTRACTION.matcher(normalized).replaceAll(" not");
        return APOSTROPHE_LESS.matcher(expanded).replaceAll(NegationScope::spelled);
    }

    /** English contractions typed without their apostrophe, and how they read with it ({@link #expandContractions}). */
    private static final Map<String, String> SPELLED = Map.ofEntries(
            Map.entry("hes", "he s"), Map.entry("shes", "she s"), Map.entry("someones", "someone s"),
            Map.entry("theyre", "they re"), Map.entry("youre", "you re"), Map.entry("theyve", "they ve"),
            Map.entry("ive", "i ve"), Map.entry("youve", "you ve"), Map.entry("im", "i m"),
            Map.entry("dont", "do not"), Map.entry("doesnt", "does not"), Map.entry("didnt", "did not"),
            Map.entry("cant", "ca not"), Map.entry("wont", "wo not"), Map.entry("isnt", "is not"),
            Map.entry("arent", "are not"), Map.entry("wasnt", "was not"), Map.entry("werent", "were not"),
            Map.entry("havent", "have not"), Map.entry("hasnt", "has not"), Map.entry("couldnt", "could not"),
            Map.entry("wouldnt", "would not"), Map.entry("shouldnt", "should not"));
    private static final Pattern APOSTROPHE_LESS = Pattern.compile(
            "(?<![\\p{L}\\p{N}'])(" + String.join("|", SPELLED.keySet()) + ")(?![\\p{L}\\p{N}'])");

    private static String spelled(MatchResult match) {
        return SPELLED.get(match.group(1));
    }

    private static Set<String> normalized(Stream<String> words) {
        return words.map(AnswerText::normalize).collect(Collectors.toUnmodifiableSet());
    }
}
