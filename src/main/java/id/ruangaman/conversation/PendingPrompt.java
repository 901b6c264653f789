package id.ruangaman.conversation;

/**
 * A system question waiting for an answer, asked on top of the current node. Its buttons use the pseudo node id
 * in {@link #nodeId()} (leading underscore, so it can never clash with a flow node).
 */
public enum PendingPrompt {
    NONE(null),
    DELETE_CONFIRM("_delete"),
    LANGUAGE("_language"),
    RESUME("_resume"),
    /** After the report: may the task force keep the file(s) just sent? */
    EVIDENCE_KEEP("_keep"),
    /** /mulai after the report: a new report, or an addition to the last one? */
    NEW_REPORT("_new");

    private final String nodeId;

    PendingPrompt(String nodeId) {
        this.nodeId = nodeId;
    }

    public String nodeId() {
        return nodeId;
    }
}
