package id.ruangaman.conversation;

/**
 * One problem found in a flow file. {@code node} is null for file-level problems.
 * {@link #toString()} is the exact, stable message shown at start-up and asserted in tests.
 */
public record LintProblem(String file, String node, String problem) {

    @Override
    public String toString() {
        return node == null
                ? file + ": " + problem
                : file + ": node '" + node + "': " + problem;
    }
}
