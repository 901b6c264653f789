package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.Choice;
import id.ruangaman.conversation.definition.LocalizedText;
import id.ruangaman.conversation.definition.OptionDefinition;
import java.util.List;

/**
 * A button as the engine knows it: id, label in every language (all match typed text), extra words that also match
 * ("ya", "lewati", an option's typed words), whether it is ticked in a multi-select, and for a flow option the option
 * itself (its typed words and ranges are read from typed answers; null for the buttons the engine adds).
 */
record ChoiceSpec(String id, LocalizedText label, List<String> words, boolean checked, OptionDefinition option) {

    ChoiceSpec(String id, LocalizedText label, List<String> words) {
        this(id, label, words, false, null);
    }

    Choice display(Turn turn) {
        return new Choice(id, (checked ? "✓ " : "") + turn.label(label));
    }
}
