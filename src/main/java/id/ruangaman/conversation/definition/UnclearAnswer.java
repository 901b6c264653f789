package id.ruangaman.conversation.definition;

/**
 * A question's {@code on_unclear}: the answer to assume when the person's replies are not understood, for questions
 * where guessing the safe side is better than skipping (is this phone safe? when unsure, it is not). Words that mean
 * that answer at once are the option's own typed {@code words}.
 *
 * @param answer the option id (or {@code yes} / {@code no}) assumed; its events and exit apply as if chosen
 * @param text   said before going on: what was assumed and how to change it
 * @param next   optional: where to go instead of the answer's exit, so that {@code text} is the only message about it
 *               (the exit of a chosen "no" may lead to a message that explains it another way)
 */
public record UnclearAnswer(String answer, LocalizedText text, String next) {
}
