package id.ruangaman.conversation.definition;

import java.util.ArrayList;
import java.util.List;

/** The ids of the buttons a node shows, in order, including the ones the engine adds (skip, done, yes, no, ...). */
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

    /** The exits a question can take: chosen options, yes/no, "skip", or "next" for everything else. */
    public static List<String> exitKeys(NodeDefinition node) {
        List<String> keys = new ArrayList<>();
        switch (node.kind()) {
            case SINGLE_CHOICE -> node.options().forEach(option -> keys.add(option.id()));
            case YES_NO -> keys.addAll(List.of(YES, NO));
            case BRANCH -> keys.add(YES);
            default -> {
            }
        }
        if (node.isSkippable()) {
            keys.add(SKIP);
        }
        return keys;
    }

    /** Buttons of a question node, in display order (summary: its two main buttons). */
    public static List<String> buttons(NodeDefinition node) {
        List<String> ids = new ArrayList<>();
        switch (node.kind()) {
            case SINGLE_CHOICE, MULTI_CHOICE -> node.options().forEach(option -> ids.add(option.id()));
            case YES_NO -> ids.addAll(List.of(YES, NO));
            case SUMMARY -> ids.addAll(List.of(CONFIRM, EDIT));
            default -> {
            }
        }
        if (node.kind() == NodeKind.MULTI_CHOICE || node.kind() == NodeKind.MULTI_TEXT || node.kind() == NodeKind.MEDIA) {
            ids.add(DONE);
        }
        if (node.isSkippable()) {
            ids.add(SKIP);
        }
        return ids;
    }
}
