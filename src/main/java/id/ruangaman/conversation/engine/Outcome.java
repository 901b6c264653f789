package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.Answer;

/** What a node handler made of a reply. */
sealed interface Outcome {

    /** The question is answered; leave through {@code exitKey} (an option id, yes/no, skip, or next). */
    record Answered(Answer answer, String exitKey) implements Outcome {
    }

    /** Progress without leaving the node (a ticked option, one more message or upload); the handler replied. */
    record Handled() implements Outcome {
    }

    /** The reply could not be used. {@code raw} is what was typed, if anything. */
    record Invalid(String raw) implements Outcome {
    }

    static Outcome answered(Answer answer, String exitKey) {
        return new Answered(answer, exitKey);
    }

    static Outcome handled() {
        return new Handled();
    }

    static Outcome invalid(Reply reply) {
        return new Invalid(reply instanceof Reply.Typed typed ? typed.text() : null);
    }
}
