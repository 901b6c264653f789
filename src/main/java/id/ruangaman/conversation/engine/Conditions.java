package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.Answer;
import id.ruangaman.conversation.Flow;
import id.ruangaman.conversation.definition.Condition;
import java.util.List;
import java.util.Map;

/** Evaluates the flow's named {@code conditions} against the answers given so far. */
public final class Conditions {

    private Conditions() {
    }

    /** Whether every clause of the named condition holds; an unknown name never holds. */
    public static boolean holds(Flow flow, String name, Map<String, Answer> answers) {
        List<Condition> clauses = flow.definition().conditions().get(name);
        return clauses != null && clauses.stream().allMatch(clause -> holds(clause, answers));
    }

    /** The names of the conditions that hold, in file order (sent with the intake as flags). */
    public static List<String> flags(Flow flow, Map<String, Answer> answers) {
        return flow.definition().conditions().keySet().stream().filter(name -> holds(flow, name, answers)).toList();
    }

    private static boolean holds(Condition clause, Map<String, Answer> answers) {
        if (!clause.any().isEmpty()) {
            return clause.any().stream().anyMatch(nested -> holds(nested, answers));
        }
        if (!clause.all().isEmpty()) {
            return clause.all().stream().allMatch(nested -> holds(nested, answers));
        }
        Answer answer = clause.answer() == null ? null : answers.get(clause.answer());
        if (answer == null || answer.skipped()) {
            return clause.holdsWhenUnanswered();
        }
        if (clause.holdsWhenUnanswered()) {
            return false;
        }
        if (answer.value() != null && clause.anyOf().contains(answer.value())) {
            return true;
        }
        return answer.values().stream().anyMatch(clause.anyOf()::contains);
    }
}
