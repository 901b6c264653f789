package id.ruangaman.conversation.definition;

/**
 * The {@code kind} of a node, written in snake_case in flow files. What a kind does and which fields it takes is
 * declared by its handler in the engine ({@code engine.NodeHandlers} lists them); see docs/adding-a-question-kind.md.
 */
public enum NodeKind {
    MESSAGE, SINGLE_CHOICE, MULTI_CHOICE, YES_NO, TEXT, MULTI_TEXT, DATE, MEDIA, SUMMARY, END,
    /** Sends nothing and does not wait: goes to {@code exits.yes} when its {@code when} condition holds, else {@code next}. */
    BRANCH;

    /** The snake_case name used in files and in {@code Answer.kind}. */
    public String fileName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
