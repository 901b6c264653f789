package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.Choice;
import id.ruangaman.conversation.definition.LocalizedText;
import java.util.List;

/**
 * A button as the engine knows it: id, label in every language (all match typed text), extra words that also match
 * ("ya", "lewati"), and whether it is ticked in a multi-select.
 */
record ChoiceSpec(String id, LocalizedText label, List<String> words, boolean checked) {

    ChoiceSpec(String id, LocalizedText label, List<String> words) {
        this(id, label, words, false);
    }

    Choice display(Turn turn) {
        return new Choice(id, (checked ? "✓ " : "") + turn.label(label));
    }
}
