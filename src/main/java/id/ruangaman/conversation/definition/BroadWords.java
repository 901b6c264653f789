package id.ruangaman.conversation.definition;

import java.util.List;
import java.util.Map;

/**
 * A choice question's {@code too_broad}: words a person may type that are understood but too broad to pick an option
 * ("pelecehan" at "Apa yang terjadi?" may be touching, words or messages; which it was is the person's call, not the
 * bot's). Such a reply gets {@code text} with the question's buttons, is not counted as a failed answer and stores
 * nothing. See {@code conversations/README.md}, "Typed answers to choices".
 *
 * @param words per language ({@code {id: [pelecehan, dilecehin], en: [harassed]}}): matched as an option's
 *              {@code words} are (normalised, the whole reply or whole words inside it, not under a negation); never
 *              an option's own word, label or id (the linter refuses it)
 * @param text  said with the question's buttons: thanks for telling, the word is broad, choose what fits
 * @param overOptions ({@code over_options}, single choice only) a broad word wins over an option named beside it: at
 *              "Kalau sudah aman dan kamu siap, kita bisa lanjut" a wait ("belum siap lanjut", "nanti aja lanjut") is no
 *              go-on, though "lanjut" is one. False (the default): an option named beside a broad word is the answer
 */
public record BroadWords(Map<String, List<String>> words, LocalizedText text, boolean overOptions) {

    public BroadWords {
        words = WordLists.copyOf(words);
    }

    /** Every word, in any language (languages in code order). */
    public List<String> allWords() {
        return WordLists.all(words);
    }
}
