package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.Input;
import id.ruangaman.conversation.Output;
import id.ruangaman.conversation.PendingPrompt;
import id.ruangaman.conversation.definition.LocalizedText;
import id.ruangaman.conversation.definition.MessageKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The system questions asked over the flow: delete?, which language?, continue or start over? */
public final class PendingPrompts {

    private PendingPrompts() {
    }

    static void ask(Turn turn, PendingPrompt prompt) {
        turn.update(state -> state.withPending(prompt));
        MessageKey question = switch (prompt) {
            case DELETE_CONFIRM -> MessageKey.DELETE_CONFIRM;
            case LANGUAGE -> MessageKey.CHOOSE_LANGUAGE;
            default -> MessageKey.RESUME_QUESTION;
        };
        turn.emit(new Output.Message(turn.msg(question), prompt.nodeId(),
                choices(turn, prompt).stream().map(choice -> choice.display(turn)).toList(), false));
    }

    public static void handle(Turn turn, Input input) {
        PendingPrompt prompt = turn.state().pending();
        Optional<String> chosen = Optional.empty();
        if (input instanceof Input.ButtonPress press && press.nodeId().equals(prompt.nodeId())) {
            chosen = choices(turn, prompt).stream().map(ChoiceSpec::id).filter(press.optionId()::equals).findFirst();
        } else if (input instanceof Input.ButtonPress) {
            turn.say(turn.msg(MessageKey.STALE_BUTTON));
        } else if (input instanceof Input.Text text) {
            chosen = ChoiceMatcher.match(text.text(), choices(turn, prompt));
        } else {
            turn.say(turn.msg(MessageKey.UNSUPPORTED_INPUT));
        }
        if (chosen.isEmpty()) {
            ask(turn, prompt);
            return;
        }
        turn.update(state -> state.withPending(PendingPrompt.NONE));
        resolve(turn, prompt, chosen.get());
    }

    private static void resolve(Turn turn, PendingPrompt prompt, String choice) {
        switch (prompt) {
            case DELETE_CONFIRM -> {
                if (choice.equals("yes")) {
                    Sessions.erase(turn);
                } else {
                    turn.say(turn.msg(MessageKey.DELETE_CANCELLED));
                    Sessions.repeatCurrent(turn);
                }
            }
            case LANGUAGE -> {
                turn.update(state -> state.withLanguage(choice));
                Sessions.repeatCurrent(turn);
            }
            case RESUME -> {
                if (choice.equals("restart")) {
                    Sessions.restart(turn);
                } else {
                    Sessions.resume(turn);
                }
            }
            default -> throw new IllegalStateException("no pending prompt");
        }
    }

    private static List<ChoiceSpec> choices(Turn turn, PendingPrompt prompt) {
        return switch (prompt) {
            case DELETE_CONFIRM -> List.of(SystemChoices.yes(turn), SystemChoices.no(turn));
            case LANGUAGE -> turn.flow().languages().stream()
                    .map(language -> new ChoiceSpec(language, languageName(turn, language), List.of(language)))
                    .toList();
            default -> List.of(
                    new ChoiceSpec("continue", turn.flow().message(MessageKey.RESUME_CONTINUE), Words.CONTINUE),
                    new ChoiceSpec("restart", turn.flow().message(MessageKey.RESUME_RESTART), Words.RESTART));
        };
    }

    /** A language is always shown by its own name, whatever the current language. */
    private static LocalizedText languageName(Turn turn, String language) {
        String name = turn.flow().message(MessageKey.LANGUAGE_NAME).in(language, language);
        Map<String, String> everywhere = new LinkedHashMap<>();
        turn.flow().languages().forEach(shownIn -> everywhere.put(shownIn, name));
        return new LocalizedText(everywhere);
    }
}
