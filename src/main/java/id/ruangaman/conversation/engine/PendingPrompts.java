package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.Input;
import id.ruangaman.conversation.Output;
import id.ruangaman.conversation.PendingPrompt;
import id.ruangaman.conversation.definition.LocalizedText;
import id.ruangaman.conversation.definition.ChoiceIds;
import id.ruangaman.conversation.definition.MessageKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The system questions asked over the flow: delete?, which language?, continue or start over? */
public final class PendingPrompts {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private PendingPrompts() {
    }

    static void ask(Turn turn, PendingPrompt prompt) {
        ask(turn, prompt, null);
    }

    /**
     * One message: {@code note}, a blank line, then the open prompt again with its buttons: a short answer to something
     * the prompt could not take, the prompt still waiting.
     */
    static void askAfter(Turn turn, String note) {
        PendingPrompt prompt = turn.state().pending();
        ask(turn, prompt, note + "\n\n" + message(turn, prompt, null).text());
    }

    /** Asks {@code prompt}; with a {@code line}, that line carries the buttons instead of the question (asked just before). */
    private static void ask(Turn turn, PendingPrompt prompt, String line) {
        turn.update(state -> state.withPending(prompt));
        turn.emit(message(turn, prompt, line));
    }

    private static Output.Message message(Turn turn, PendingPrompt prompt, String line) {
        MessageKey question = switch (prompt) {
            case DELETE_CONFIRM -> MessageKey.DELETE_CONFIRM;
            case LANGUAGE -> MessageKey.CHOOSE_LANGUAGE;
            case EVIDENCE_KEEP -> MessageKey.EVIDENCE_KEEP_QUESTION;
            case NEW_REPORT -> CaseThreads.openReports(turn).size() > 1 ? MessageKey.NEW_OR_ADD_WHICH : MessageKey.NEW_OR_ADD;
            default -> MessageKey.RESUME_QUESTION;
        };
        String code = turn.state().referenceCode() == null ? "" : turn.state().referenceCode();
        List<ChoiceSpec> shown = choices(turn, prompt);
        if (prompt == PendingPrompt.NEW_REPORT) {
            shown = shown.stream().limit(CaseThreads.MAX_BUTTONS).toList(); // older open reports: typed by code
        }
        return new Output.Message(line != null ? line : turn.msg(question, "reference_code", code), prompt.nodeId(),
                shown.stream().map(choice -> choice.display(turn)).toList(), false);
    }

    public static void handle(Turn turn, Input input) {
        PendingPrompt prompt = turn.state().pending();
        if (input instanceof Input.Text text && !threadPrompt(prompt) && QuotedReplies.dangerSaid(turn, text)) {
            // "dia di depan pintu" at "Hapus semua ...?" or "Mau lanjut ... atau mulai dari awal?": the emergency numbers,
            // then the same question, in one message; nothing erased or restarted, the counsellor told. In the thread's
            // own questions such words are a message to the case (CaseThreads).
            String safety = DangerAnywhere.tell(turn);
            ask(turn, prompt, safety.isEmpty() ? null : safety + "\n\n" + message(turn, prompt, null).text());
            return;
        }
        if (input instanceof Input.Text text && CarefulChoices.prompt(prompt) && ChoiceMatcher.bareNumbers(text.text())
                && !turn.context().choiceOrder().numbered(message(turn, prompt, null))) {
            // Erase? Keep this file? Start over? Buttons show no numbers: one kind re-prompt that names the choices.
            Output.Message asked = message(turn, prompt, null);
            ask(turn, prompt, turn.msg(MessageKey.REPROMPT) + "\n" + String.join("\n",
                    asked.choices().stream().map(choice -> "• " + choice.label()).toList()));
            return;
        }
        boolean forwarded = input instanceof Input.Text text && text.forwarded();
        if (forwarded && !threadPrompt(prompt)) {
            // "ya" in a message forwarded from another chat is no answer of the person's ("Hapus semua data?"): one kind
            // line and the same question, with its buttons
            ask(turn, prompt, turn.msg(MessageKey.FORWARDED_NOT_ANSWER) + "\n\n" + message(turn, prompt, null).text());
            return;
        }
        if (threadPrompt(prompt) && (forwarded || !answers(turn, prompt, input))) {
            // Not an answer: a message for the counsellor. The question was asked once and is not repeated.
            if (prompt == PendingPrompt.NEW_REPORT) {
                turn.update(state -> state.withPending(PendingPrompt.NONE));
            }
            CaseThreads.handle(turn, input);
            return;
        }
        Optional<String> chosen = Optional.empty();
        if (input instanceof Input.ButtonPress press && press.nodeId().equals(prompt.nodeId())) {
            chosen = choices(turn, prompt).stream().map(ChoiceSpec::id).filter(press.optionId()::equals).findFirst();
        } else if (input instanceof Input.ButtonPress) {
            // a button of an earlier question: one message, the note and then this prompt's question with its buttons
            ask(turn, prompt, turn.msg(MessageKey.STALE_BUTTON) + "\n\n" + message(turn, prompt, null).text());
            return;
        } else if (input instanceof Input.Text text && prompt == PendingPrompt.LANGUAGE) {
            chosen = ChoiceMatcher.match(text.text(), choices(turn, prompt)).or(() -> LanguageWords.named(turn, text.text()));
        } else if (input instanceof Input.Text text && prompt == PendingPrompt.DELETE_CONFIRM) {
            // Erasing takes a yes in one word ("ya", "iya", "hapus" is not one), or a yes that says to erase and nothing
            // else ("iya hapus aja", "ya hapus semua", "yes delete it"); keeping everything may be said in a few
            // ("gak mau", "ga usah", "tidak, terima kasih", "ga deh"), which before got a re-prompt.
            // A no that also names erasing ("ga, hapus aja", "gak papa") is asked again, as is a yes with anything more
            // ("iya kak", "ya nanti").
            chosen = ChoiceMatcher.match(text.text(), choices(turn, prompt))
                    .or(() -> ChoiceMatcher.matchPhrase(text.text(), choices(turn, prompt)).filter(ChoiceIds.NO::equals)
                            .filter(no -> !namesErasing(text.text())))
                    .or(() -> ChoiceMatcher.matchPhrase(text.text(), choices(turn, prompt)).filter(ChoiceIds.YES::equals)
                            .filter(yes -> saysOnlyErase(text.text())));
        } else if (input instanceof Input.Text text) {
            chosen = ChoiceMatcher.match(text.text(), choices(turn, prompt));
        } else {
            // one short line with the buttons, not the question again
            ask(turn, prompt, turn.msg(input instanceof Input.Unsupported ? MessageKey.UNREADABLE_INPUT : MessageKey.UNSUPPORTED_INPUT));
            return;
        }
        if (chosen.isEmpty() && input instanceof Input.Text) {
            // Words that name no choice: one message that says so and asks again, with the buttons (before, the bare
            // question came back as if nothing had been read).
            ask(turn, prompt, turn.msg(MessageKey.REPROMPT) + "\n" + message(turn, prompt, null).text());
            return;
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
            case EVIDENCE_KEEP -> CaseThreads.keepEvidence(turn, choice.equals("yes"));
            case NEW_REPORT -> {
                if (choice.equals(CaseThreads.NEW_REPORT)) {
                    Sessions.restart(turn);
                } else {
                    CaseThreads.continueThread(turn, CaseThreads.chosenCase(choice));
                }
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

    /**
     * Words of erasing, and of "it's fine" ("gak papa", "nggak apa-apa"): a reply holding one is never read as "keep
     * everything", nor is "tidak tahu" (neither answer).
     */
    private static final List<String> ERASING = List.of("hapus", "hapuskan", "dihapus", "hapusin", "delete", "erase",
            "apa", "papa", "pa", "pp", "fine");

    /** Verbs of erasing, the one thing a yes phrase to the erasure question may add ({@link #saysOnlyErase}). */
    private static final List<String> ERASE_VERBS = List.of("hapus", "hapuskan", "dihapus", "hapusin", "delete", "erase");
    /** Small words that may stand beside them: "aja", "semua", "sekarang", "it", "all", "please". */
    private static final List<String> ERASE_PARTICLES = List.of("aja", "saja", "semua", "semuanya", "sekarang", "skrg", "deh",
            "dong", "it", "all", "everything", "now", "please");

    /**
     * After a yes word (the first, which {@link ChoiceMatcher#matchPhrase} read): at least one verb of erasing, and
     * otherwise only small words around it. "iya hapus aja" and "yes delete it" erase; "iya kak" and "ya nanti" are
     * asked again, as a yes that does not say what it agrees to.
     */
    private static boolean saysOnlyErase(String typed) {
        List<String> words = java.util.Arrays.stream(NON_WORD.split(ChoiceMatcher.normalize(typed))).filter(word -> !word.isEmpty()).toList();
        List<String> rest = words.isEmpty() ? List.of() : words.subList(1, words.size());
        return rest.stream().anyMatch(ERASE_VERBS::contains)
                && rest.stream().allMatch(word -> ERASE_VERBS.contains(word) || ERASE_PARTICLES.contains(word));
    }

    private static boolean namesErasing(String typed) {
        List<String> words = List.of(NON_WORD.split(ChoiceMatcher.normalize(typed)));
        return words.stream().anyMatch(ERASING::contains) || YesNoHandler.dontKnow(typed);
    }

    /** The questions asked in the case thread, where anything that is not an answer is a message to the case. */
    static boolean threadPrompt(PendingPrompt prompt) {
        return prompt == PendingPrompt.EVIDENCE_KEEP || prompt == PendingPrompt.NEW_REPORT;
    }

    private static boolean answers(Turn turn, PendingPrompt prompt, Input input) {
        if (input instanceof Input.ButtonPress press) {
            return press.nodeId().equals(prompt.nodeId())
                    && choices(turn, prompt).stream().map(ChoiceSpec::id).anyMatch(press.optionId()::equals);
        }
        // a quote is read as usual here: "ya" quoted to the intake's "do you have evidence?" at "may we keep this file?" is
        // a yes (not taking it left the file held, the question never asked again, and the file dropped)
        return input instanceof Input.Text text && ChoiceMatcher.match(text.text(), choices(turn, prompt)).isPresent();
    }

    static List<ChoiceSpec> choices(Turn turn, PendingPrompt prompt) {
        return switch (prompt) {
            case DELETE_CONFIRM, EVIDENCE_KEEP -> List.of(SystemChoices.yes(turn), SystemChoices.no(turn));
            case NEW_REPORT -> CaseThreads.newOrAddChoices(turn);
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
