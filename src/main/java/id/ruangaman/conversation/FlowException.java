package id.ruangaman.conversation;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by {@link FlowLoader} when a flow file has at least one lint problem. */
public final class FlowException extends RuntimeException {

    private final transient List<LintProblem> problems;

    public FlowException(List<LintProblem> problems) {
        super(problems.stream().map(LintProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<LintProblem> problems() {
        return problems;
    }
}
