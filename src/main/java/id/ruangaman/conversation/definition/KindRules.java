package id.ruangaman.conversation.definition;

import java.util.ArrayList;
import java.util.List;

/**
 * What a flow file may and must hold for one {@link NodeKind}: the part of a kind the lint reads. Each kind's handler
 * in the engine declares its rules; {@code conversations/README.md} describes the same fields for flow authors.
 *
 * @param question      waits for the person; needs {@code on_invalid}, and may have {@code media_refused}
 * @param recordsAnswer may have {@code key}, {@code label} and {@code skippable}
 * @param text          whether {@code text} is required, optional or not allowed
 * @param options       needs {@code options}; no other kind may have them
 * @param values        the fixed answers it gives (yes_no: yes, no), which exits, {@code text_by} and conditions name
 * @param exitPerAnswer each option or value may have its own exit, and each needs one when there is no {@code next}
 * @param buttons       the buttons it adds after the options and values (done; summary: confirm, edit)
 * @param takesFiles    takes uploads; needs {@code accept}
 * @param ends          ends the conversation; may have {@code outcome}, needs no way out
 * @param languageChoice may have {@code sets_language}
 * @param branches      tests {@code when}; needs {@code exits: {yes: …}} and {@code next}
 * @param editsAnswers  lists the labelled answers as buttons to change them, then {@code back}
 */
public record KindRules(boolean question, boolean recordsAnswer, Text text, boolean options, List<String> values,
        boolean exitPerAnswer, List<String> buttons, boolean takesFiles, boolean ends, boolean languageChoice,
        boolean branches, boolean editsAnswers) {

    /** Whether a kind's {@code text} is required, optional or not allowed. */
    public enum Text { REQUIRED, OPTIONAL, NONE }

    public KindRules {
        values = List.copyOf(values);
        buttons = List.copyOf(buttons);
    }

    /** A question that records an answer, with a required text and nothing else yet. */
    public static KindRules answer() {
        return new KindRules(true, true, Text.REQUIRED, false, List.of(), false, List.of(), false, false, false, false, false);
    }

    /** A node that sends its text, or nothing, and moves on without waiting. */
    public static KindRules passing(Text text) {
        return new KindRules(false, false, text, false, List.of(), false, List.of(), false, false, false, false, false);
    }

    public KindRules withOptions() {
        return new KindRules(question, recordsAnswer, text, true, values, exitPerAnswer, buttons, takesFiles, ends,
                languageChoice, branches, editsAnswers);
    }

    public KindRules withValues(String... fixed) {
        return new KindRules(question, recordsAnswer, text, options, List.of(fixed), exitPerAnswer, buttons, takesFiles,
                ends, languageChoice, branches, editsAnswers);
    }

    public KindRules withExitPerAnswer() {
        return new KindRules(question, recordsAnswer, text, options, values, true, buttons, takesFiles, ends,
                languageChoice, branches, editsAnswers);
    }

    public KindRules withButtons(String... added) {
        return new KindRules(question, recordsAnswer, text, options, values, exitPerAnswer, List.of(added), takesFiles,
                ends, languageChoice, branches, editsAnswers);
    }

    public KindRules withFiles() {
        return new KindRules(question, recordsAnswer, text, options, values, exitPerAnswer, buttons, true, ends,
                languageChoice, branches, editsAnswers);
    }

    public KindRules withEnd() {
        return new KindRules(question, recordsAnswer, text, options, values, exitPerAnswer, buttons, takesFiles, true,
                languageChoice, branches, editsAnswers);
    }

    public KindRules withLanguageChoice() {
        return new KindRules(question, recordsAnswer, text, options, values, exitPerAnswer, buttons, takesFiles, ends,
                true, branches, editsAnswers);
    }

    public KindRules withBranch() {
        return new KindRules(question, recordsAnswer, text, options, values, exitPerAnswer, buttons, takesFiles, ends,
                languageChoice, true, editsAnswers);
    }

    /** The summary: a question that records nothing and lists the answers to change. */
    public static KindRules summary() {
        return new KindRules(true, false, Text.REQUIRED, false, List.of(), false, List.of(), false, false, false, false, true);
    }

    /** The exits a node of this kind can take: chosen options and values, "yes" of a branch, "skip"; else "next". */
    public List<String> exitKeys(NodeDefinition node) {
        List<String> keys = new ArrayList<>();
        if (exitPerAnswer && options) {
            node.options().forEach(option -> keys.add(option.id()));
        }
        if (exitPerAnswer) {
            keys.addAll(values);
        }
        if (branches) {
            keys.add(ChoiceIds.YES);
        }
        if (node.isSkippable()) {
            keys.add(ChoiceIds.SKIP);
        }
        return keys;
    }

    /** The ids of the buttons under a question, in display order (summary: its two main buttons). */
    public List<String> buttonIds(NodeDefinition node) {
        List<String> ids = new ArrayList<>();
        if (options) {
            node.options().forEach(option -> ids.add(option.id()));
        }
        ids.addAll(values);
        ids.addAll(buttons);
        if (node.isSkippable()) {
            ids.add(ChoiceIds.SKIP);
        }
        return ids;
    }
}
