package id.ruangaman.conversation.definition;

/** The {@code kind} of a node, written in snake_case in flow files. */
public enum NodeKind {
    MESSAGE, SINGLE_CHOICE, MULTI_CHOICE, YES_NO, TEXT, MULTI_TEXT, DATE, MEDIA, SUMMARY, END,
    /** Sends nothing and does not wait: goes to {@code exits.yes} when its {@code when} condition holds, else {@code next}. */
    BRANCH;

    public boolean isQuestion() {
        return this != MESSAGE && this != END && this != BRANCH;
    }

    /** The snake_case name used in files and in {@code Answer.kind}. */
    public String fileName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
