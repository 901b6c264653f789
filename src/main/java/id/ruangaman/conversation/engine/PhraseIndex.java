package id.ruangaman.conversation.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The phrases of a list of choices that a longer message may name ({@link ChoiceMatcher#mentions}): each flow option's
 * typed words and labels, in their compared forms ({@link ChoiceMatcher#listed} words, {@link Reduplication#forms}),
 * filed by their first word. Once filed, finding them in a message costs a look-up per typed word, not a pass over
 * every phrase: a flow's danger words ({@code words_anywhere}, 458 phrases in the shipped intake) are looked for in every
 * reply and in every part of a story, and passing over all of them at each was a visible share of the processing CPU
 * (issue 16, thirty-sixth round), so they are filed once per flow ({@link DangerAnywhere}). Other choice lists are
 * filed for each message they are read in: one pass over their phrases, as before. Beside the choices' phrases it may
 * file harmless ones ({@code on_unclear.harmless}: "dikejar deadline", "IPK-ku dalam bahaya"), looked for in the same
 * pass: where one is found, a phrase of a choice that shares a word with it is not counted ({@link ChoiceMatcher#mentions}).
 * Immutable.
 */
final class PhraseIndex {

    /**
     * One phrase in one of its forms.
     *
     * @param order  its place in the choices' order (choice, then its words, then its labels, then the form): matches are
     *               reported in this order, as a pass over the choices finds them
     * @param id     the choice it names
     * @param words  its words, as compared
     * @param atEnd  counted only where it ends a clause ({@link ChoiceMatcher#CLAUSE_END})
     * @param harmless a harmless phrase, naming no choice ({@code id} null): found within one clause, it takes away the
     *               choices' phrases that share a word with it
     */
    record Phrase(int order, String id, List<String> words, boolean atEnd, boolean harmless) {
    }

    private final Map<String, List<Phrase>> byFirstWord;

    private PhraseIndex(Map<String, List<Phrase>> byFirstWord) {
        this.byFirstWord = byFirstWord;
    }

    /**
     * The phrases of {@code choices}' flow options (buttons the engine adds, with no option, name nothing in a longer
     * message); a word marked {@link ChoiceMatcher#WHOLE_ANSWER} is left out (it counts only as the whole answer).
     */
    static PhraseIndex of(List<ChoiceSpec> choices) {
        return of(choices, List.of());
    }

    /**
     * {@link #of(List)}, and the {@code harmless} phrases beside them (the flow's form: alternatives already expanded, a
     * phrase marked {@link ChoiceMatcher#CLAUSE_END} counted only where it ends a clause).
     */
    static PhraseIndex of(List<ChoiceSpec> choices, List<String> harmless) {
        Map<String, List<Phrase>> byFirstWord = new HashMap<>();
        int order = 0;
        for (ChoiceSpec choice : choices) {
            if (choice.option() == null) {
                continue;
            }
            List<String> phrases = new ArrayList<>(choice.words());
            phrases.addAll(choice.label().values().values());
            for (String phrase : phrases) {
                if (ChoiceMatcher.wholeAnswerOnly(phrase)) {
                    continue; // "=aku": the whole answer only (match), never a word inside a longer one ("teman aku")
                }
                boolean atEnd = ChoiceMatcher.clauseEndOnly(phrase);
                for (List<String> words : ChoiceMatcher.listedForms(phrase)) {
                    if (!words.isEmpty()) {
                        byFirstWord.computeIfAbsent(words.get(0), first -> new ArrayList<>(1))
                                .add(new Phrase(order, choice.id(), words, atEnd, false));
                    }
                    order++;
                }
            }
        }
        for (String phrase : harmless) {
            boolean atEnd = ChoiceMatcher.clauseEndOnly(phrase);
            for (List<String> words : ChoiceMatcher.forms(phrase)) {
                if (!words.isEmpty()) {
                    byFirstWord.computeIfAbsent(words.get(0), first -> new ArrayList<>(1)).add(new Phrase(order, null, words, atEnd, true));
                }
                order++;
            }
        }
        return new PhraseIndex(byFirstWord);
    }

    /** The phrases whose first word is {@code word} (as compared), in order; empty when none begins with it. */
    List<Phrase> beginningWith(String word) {
        return byFirstWord.getOrDefault(word, List.of());
    }
}
