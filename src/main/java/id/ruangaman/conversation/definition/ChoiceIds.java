package id.ruangaman.conversation.definition;

/** The ids of the buttons the engine adds to a node's own options (skip, done, yes, no, ...). */
public final class ChoiceIds {

    public static final String YES = "yes";
    public static final String NO = "no";
    public static final String SKIP = "skip";
    public static final String DONE = "done";
    public static final String CONFIRM = "confirm";
    public static final String EDIT = "edit";
    public static final String BACK = "back";

    private ChoiceIds() {
    }
}
