package id.ruangaman.conversation.definition;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A question's {@code on_unclear}: the answer to assume when the person's replies are not understood, for questions
 * where guessing the safe side is better than skipping (is this phone safe? when unsure, it is not; are you in danger?
 * when unsure, show the emergency numbers and tell the counsellor). Words that mean that answer at once are the
 * option's own typed {@code words}, or at a yes/no question {@code words} here.
 *
 * @param answer the option id (or {@code yes} / {@code no}) assumed; its events and exit apply as if chosen
 * @param text   said before going on: what was assumed and how to change it
 * @param next   optional: where to go instead of the answer's exit, so that {@code text} is the only message about it
 *               (the exit of a chosen "no" may lead to a message that explains it another way)
 * @param words  optional, per language: words that mean {@code answer} at once wherever they stand in a reply, also
 *               beside another answer's word ("lewati, aku takut", "nggak, tolong"), unless a negation governs them
 *               ("tidak takut"). For a safety question, so that a word of danger is never lost to a re-prompt
 * @param wordsAnywhere optional, per language: words that mean {@code answer} at this question (as {@code words}) and,
 *               said at any other question of the flow, that it holds now: "nanti malam dia datang", "dia di depan
 *               pintu", "he's outside" (danger now or soon, typed at the consent or at "who did this happen to?"). There
 *               the message {@code answer}'s exit leads to is said (the emergency numbers) with that question again, in
 *               one message; nothing is recorded for that question and the step stays, and this question's events are
 *               emitted ({@code danger_reported}). Read as {@code words} are, so a negation governing them ("dia tidak
 *               akan datang") leaves them unsaid. A phrase may hold alternatives in parentheses, an empty one for
 *               none ({@link PhraseAlternatives}: "(aku|gw) (bakal|) bunuh (kamu|lo)")
 * @param harmless optional, per language: ordinary chat that holds one of {@code words} or {@code wordsAnywhere} with
 *               a harmless object beside it: "IPK-ku dalam bahaya", "dikejar deadline", "terancam DO", "dia lagi di luar
 *               kota", "nyamuknya udah gw bunuh lo". Where such a phrase is found, within one clause, a word of danger
 *               found over any of the same typed words is not counted ("aku dikejar" in "aku dikejar deadline"); a word
 *               of danger elsewhere in the message still is ("aku dikejar deadline, dan dia di depan pintu"). Read at
 *               every other question, at the system prompts and in the thread, never at this question itself, where
 *               the person answers whether they are in danger. Alternatives and the end mark as in
 *               {@code wordsAnywhere} ("dikejar waktu$")
 */
public record UnclearAnswer(String answer, LocalizedText text, String next, Map<String, List<String>> words,
        Map<String, List<String>> wordsAnywhere, Map<String, List<String>> harmless) {

    public UnclearAnswer {
        words = words == null ? Map.of() : Map.copyOf(words);
        // "(aku|gw) (bakal|) bunuh (kamu|lo)": the phrases it stands for (PhraseAlternatives)
        wordsAnywhere = wordsAnywhere == null ? Map.of() : PhraseAlternatives.expandAll(wordsAnywhere);
        harmless = harmless == null ? Map.of() : PhraseAlternatives.expandAll(harmless);
    }

    /** {@link #words()} and {@link #wordsAnywhere()} together, per language: what means {@code answer} at this question. */
    public Map<String, List<String>> wordsHere() {
        Map<String, List<String>> here = new TreeMap<>();
        words.forEach((language, list) -> here.computeIfAbsent(language, l -> new java.util.ArrayList<>()).addAll(list));
        wordsAnywhere.forEach((language, list) -> here.computeIfAbsent(language, l -> new java.util.ArrayList<>()).addAll(list));
        return here;
    }

    /** Every word of {@link #wordsAnywhere()}, in any language. */
    public List<String> allWordsAnywhere() {
        Set<String> all = new LinkedHashSet<>();
        new TreeMap<>(wordsAnywhere).values().forEach(all::addAll);
        return List.copyOf(all);
    }

    /** Every phrase of {@link #harmless()}, in any language. */
    public List<String> allHarmless() {
        Set<String> all = new LinkedHashSet<>();
        new TreeMap<>(harmless).values().forEach(all::addAll);
        return List.copyOf(all);
    }

    /** Every word of {@link #words()}, in any language. */
    public List<String> allWords() {
        Set<String> all = new LinkedHashSet<>();
        new TreeMap<>(words).values().forEach(all::addAll);
        return List.copyOf(all);
    }
}
