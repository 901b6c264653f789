package id.ruangaman.conversation.definition;

/**
 * A story question's {@code told_early}: the story a person starts telling at an earlier question is kept as the
 * beginning of this question's answer, not beside the question it was typed at. A survivor asked "Di mana kejadiannya?"
 * often answers with what happened; before, such a reply got "Maaf, saya belum mengerti", and after the second one the
 * question was given up on and the story filed as the place, and asked for again at the story question.
 *
 * <p>A reply counts as the story told early when it is the person's own typed words (not forwarded), at a question of
 * the report (one with a {@code key} and a {@code label}) that comes before this one, the reply answers nothing there,
 * and it is long enough to be a telling rather than an answer in other words ({@code Limits.STORY_TOLD_EARLY_WORDS}
 * words or more). At most one node of a flow has it, a {@code multi_text} question with a {@code key}.
 *
 * @param kept    said at the earlier question, before it is asked again (or given up on): the words were kept as part
 *                of the story ("Terima kasih sudah bercerita. Tulisanmu kami simpan sebagai bagian dari ceritamu.")
 * @param carried said before this question when it opens with words kept so: they are there already, more may be
 *                added, Done when finished
 */
public record ToldEarly(LocalizedText kept, LocalizedText carried) {
}
