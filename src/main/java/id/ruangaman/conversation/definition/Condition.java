package id.ruangaman.conversation.definition;

import java.util.List;

/**
 * One clause of a named condition in the flow's {@code conditions:} block. Either {@code answer} with {@code any_of}
 * (the answer, or one of a multi-choice's values, is one of these option ids; a skipped or missing answer never
 * matches), or {@code answer} with {@code unanswered: true} (the question was skipped, not understood, or not reached:
 * for a safety check that must hold when the answer is unknown), or {@code any}: at least one of the nested clauses
 * holds, or {@code all}: every nested clause holds (inside an {@code any}, for one way of several that takes two answers
 * together). A condition holds when all its clauses do.
 */
public record Condition(String answer, List<String> anyOf, Boolean unanswered, List<Condition> any, List<Condition> all) {

    public Condition {
        anyOf = anyOf == null ? List.of() : List.copyOf(anyOf);
        any = any == null ? List.of() : List.copyOf(any);
        all = all == null ? List.of() : List.copyOf(all);
    }

    /** Whether this clause holds when its answer is missing or skipped ({@code unanswered: true}). */
    public boolean holdsWhenUnanswered() {
        return Boolean.TRUE.equals(unanswered);
    }
}
