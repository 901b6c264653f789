package id.ruangaman.conversation.definition;

import java.util.List;
import java.util.Map;

/**
 * A story question's {@code told_early}: the story a person starts telling at an earlier question is kept as the
 * beginning of this question's answer, not beside the question it was typed at. A survivor asked "Di mana kejadiannya?"
 * often answers with what happened; before, such a reply got "Maaf, saya belum mengerti", and after the second one the
 * question was given up on and the story filed as the place, and asked for again at the story question.
 *
 * <p>A reply is the story told early when the question it was typed at found no answer in it, and it is the person's
 * own typed words (not forwarded), at a choice, yes/no or date question with a {@code key} that comes after the consent
 * and on the way to this question, not a safety question ({@code on_unclear}), not while an answer is changed from the
 * summary; {@code Limits.STORY_TOLD_EARLY_WORDS} words or more; with no "?", none of {@code asks_back}, and no putting
 * off, skip or don't-know words. At most one node of a flow has it, a {@code multi_text} question with a {@code key}.
 *
 * @param kept     said with the question again after the first telling there: the words were kept as part of the story
 *                 ("Terima kasih sudah bercerita. Tulisanmu kami simpan sebagai bagian dari ceritamu.")
 * @param keptMore said, with the question's buttons only, to each further telling at the same question: short, so a
 *                 story told line by line is not answered with the whole question each time, and routine, so a burst of
 *                 lines gets one
 * @param carried  said before this question when it opens with words kept so: they are there already, more may be
 *                 added, Done when finished
 * @param asksBack per language, words that make a reply a question about the question or a worry ("bingung",
 *                 "maksudnya", "wajib", "what does … mean"), never a telling: answered as before, never kept as the story
 */
public record ToldEarly(LocalizedText kept, LocalizedText keptMore, LocalizedText carried, Map<String, List<String>> asksBack) {

    public ToldEarly {
        asksBack = WordLists.copyOf(asksBack);
    }

    /** Every word of {@link #asksBack()}, in any language. */
    public List<String> allAsksBack() {
        return WordLists.all(asksBack);
    }
}
