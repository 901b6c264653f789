package id.ruangaman.conversation.definition;

import java.util.List;

/**
 * A question's {@code on_unclear}: the answer to assume when the person's reply is not understood, for questions
 * where guessing the safe side is better than skipping (is this phone safe? when unsure, it is not).
 *
 * @param answer the option id (or {@code yes} / {@code no}) assumed; its events and exit apply as if chosen
 * @param words  words or short phrases that, anywhere in a typed reply that matches no button, mean this answer at
 *               once ("pinjam", "shared phone"); compared after the same normalising as typed answers
 * @param text   said before going on: what was assumed and how to change it
 */
public record UnclearAnswer(String answer, List<String> words, LocalizedText text) {

    public UnclearAnswer {
        words = words == null ? List.of() : List.copyOf(words);
    }
}
