package id.ruangaman.conversation;

/**
 * A system question waiting for an answer, asked on top of the current node. Its buttons use the pseudo node id
 * in {@link #nodeId()} (leading underscore, so it can never clash with a flow node).
 */
public enum PendingPrompt {
    NONE(null),
    DELETE_CONFIRM("_delete"),
    LANGUAGE("_language"),
    RESUME("_resume");

    private final String nodeId;

    PendingPrompt(String nodeId) {
        this.nodeId = nodeId;
    }

    public String nodeId() {
        return nodeId;
    }
}
