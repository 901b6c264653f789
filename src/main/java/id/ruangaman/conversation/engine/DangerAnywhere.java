package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.Answer;
import id.ruangaman.conversation.Input;
import id.ruangaman.conversation.Output;
import id.ruangaman.conversation.SessionStatus;
import id.ruangaman.conversation.Flow;
import id.ruangaman.conversation.definition.LocalizedText;
import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.NodeKind;
import id.ruangaman.conversation.definition.OptionDefinition;
import id.ruangaman.conversation.definition.UnclearAnswer;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Danger now or soon, said at a question that does not ask about it: "nanti malam dia datang" at the consent, "dia di
 * depan pintu" at "who did this happen to?", "he's outside" ({@code on_unclear.words_anywhere} of the flow's danger
 * question, {@link UnclearAnswer#wordsAnywhere()}). Before, "nanti malam dia datang" at the consent was a "later" and got
 * the calm "take your time" hold, which says nothing of danger. Read as the danger question's own words are
 * ({@link ChoiceMatcher#mentions}: whole words anywhere, not under a negation: "dia tidak akan datang" says none, and
 * not inside ordinary chat its {@code on_unclear.harmless} names: "IPK-ku dalam bahaya", "nyamuknya udah gw bunuh lo").
 * <p>
 * What it does: the message the danger answer's exit leads to (the emergency numbers), then the current question again,
 * in one message; the danger answer's events ({@code danger_reported}) and the session's {@code dangerSaid}, so the
 * submitted report is flagged as in danger for the counsellor whatever the danger question's answer; nothing is recorded for
 * the current question, no attempt is counted, and the step stays. Where free text is asked the words are the person's
 * answer and are kept as written: at a {@code text} question the emergency numbers come first and the answer is taken as
 * usual; in a story ({@code multi_text}) the message stays a part of it and the numbers come with the acknowledgement.
 */
final class DangerAnywhere {

    private DangerAnywhere() {
    }

    /** The flow's question whose {@code on_unclear} has {@code words_anywhere} (the first one, in file order), if any. */
    static Optional<NodeDefinition> question(Flow flow) {
        return flow.derived(DangerWords.class, DangerWords::of).question();
    }

    /**
     * The flow's danger question and its {@code words_anywhere} as one choice to look for, worked out once per flow
     * ({@link Flow#derived}): they are read at every typed reply, and a story's every part.
     *
     * @param question the danger question, if the flow has one
     * @param meaning  its {@code words_anywhere} as the phrases of one choice meaning its {@code on_unclear.answer}, filed
     *                 by their first words, with its {@code harmless} phrases beside them ("aku dikejar deadline" says
     *                 no "aku dikejar"); empty without a question
     */
    record DangerWords(Optional<NodeDefinition> question, PhraseIndex meaning) {

        static DangerWords of(Flow flow) {
            Optional<NodeDefinition> question = flow.nodes().stream()
                    .filter(node -> node.onUnclear() != null && !node.onUnclear().wordsAnywhere().isEmpty()).findFirst();
            return new DangerWords(question, question.map(node -> {
                UnclearAnswer unclear = node.onUnclear();
                return PhraseIndex.of(List.of(SystemChoices.option(new OptionDefinition(unclear.answer(),
                        new LocalizedText(Map.of()), unclear.wordsAnywhere(), null, null), false)), unclear.allHarmless());
            }).orElse(PhraseIndex.of(List.of())));
        }
    }

    /** Whether {@code typed}, at {@code node}, says danger now: a word of {@code words_anywhere} not under a negation. */
    static boolean said(Turn turn, NodeDefinition node, String typed) {
        Optional<NodeDefinition> danger = question(turn.flow());
        if (danger.isEmpty() || danger.get().id().equals(node.id())) {
            return false; // the danger question reads these words itself (Unclear#saidAtOnce)
        }
        return said(turn, typed);
    }

    /**
     * Whether {@code typed} says danger now where no question of the flow is asked: in the case's thread after the
     * report ({@link CaseThreads}), at a system prompt ("delete everything?", "carry on or start over?",
     * {@link PendingPrompts}). The same words and the same reading as at a question; false when the flow has no
     * {@code words_anywhere}.
     */
    static boolean said(Turn turn, String typed) {
        DangerWords danger = turn.flow().derived(DangerWords.class, DangerWords::of);
        if (danger.question().isEmpty()) {
            return false;
        }
        return ChoiceMatcher.mentions(ChatShorthand.writtenOut(typed), danger.meaning()).ids()
                .contains(danger.question().get().onUnclear().answer());
    }

    /**
     * The danger answer's events, and the text of the message its exit leads to (the emergency numbers); empty when that
     * exit leads to no message with a text (the linter asks for one).
     */
    static String tell(Turn turn) {
        report(turn);
        return emergency(turn);
    }

    /**
     * The danger answer's events ({@code danger_reported}: after the report the host marks the case in danger) and the
     * session's {@code dangerSaid} (the report to come is flagged).
     */
    static void report(Turn turn) {
        NodeDefinition danger = question(turn.flow()).orElseThrow();
        Navigator.emit(turn, danger.events().get(danger.onUnclear().answer()));
        turn.update(state -> state.withDangerSaid(true)); // the report is flagged as in danger (SessionState#dangerSaid)
    }

    /**
     * The danger question answered again with its danger answer, by the person, at a later question: a "ya" quoting it,
     * or its old "Ya" button ({@link QuotedReplies}). During an intake, where it was answered otherwise ("Tidak"), it now
     * holds the danger answer, so the summary shown under the emergency numbers, and the report, do not say "Dalam
     * bahaya sekarang: Tidak" while the case is flagged in danger (walkthrough, session 54); the person can still change
     * it at the summary. Danger words elsewhere ("diancam" in a story) flag the report and leave the answer as given. Not
     * yet answered: the question asks it when it comes. After the report nothing is rewritten (the case is marked).
     */
    static void answerAgain(Turn turn) {
        NodeDefinition danger = question(turn.flow()).orElseThrow();
        SessionStatus status = turn.state().status();
        if (danger.key() == null || status == SessionStatus.COMPLETED || status == SessionStatus.DELETED) {
            return;
        }
        Answer was = turn.state().answers().get(danger.key());
        String answer = danger.onUnclear().answer();
        if (was == null || answer.equals(was.value())) {
            return;
        }
        Answer now = Answer.choice(danger.kind().fileName(), answer, null);
        turn.update(state -> state.withAnswer(danger.key(), now));
        turn.emit(new Output.AnswerRecorded(danger.key(), now));
    }

    /**
     * The text of the message the danger answer's exit leads to (the emergency numbers), in the chat's language, or in
     * every flow language before one is chosen (danger can be the very first thing a person writes); or "".
     */
    static String emergency(Turn turn) {
        NodeDefinition danger = question(turn.flow()).orElseThrow();
        return turn.flow().findNode(danger.target(danger.onUnclear().answer()))
                .filter(next -> next.kind() == NodeKind.MESSAGE && next.text() != null)
                .map(next -> NodeTexts.textInEvery(turn, next)).orElse("");
    }

    /**
     * A chat's first message that says danger ("tolong aku diancam", "he's outside my door", a threat pasted or
     * forwarded, or a photo's caption), read after the flow has started on it ({@link Sessions#start}): the emergency
     * numbers, in every flow language while none is chosen, open the first question's message (the language question),
     * and the danger is reported as anywhere else. Before, a first message only started the flow and was never read:
     * the person who wrote danger first got the greeting and "Pilih bahasa" alone (tester, session 58).
     */
    static void inFirstMessage(Turn turn, Input first) {
        String typed = first instanceof Input.Text text ? text.text() : first instanceof Input.Media media ? media.caption() : null;
        if (typed == null || typed.isBlank() || question(turn.flow()).isEmpty() || !said(turn, typed)) {
            return;
        }
        String safety = tell(turn);
        if (!safety.isEmpty()) {
            turn.joinNote(turn.lastMessageMark(), safety, "");
        }
    }

    /** The emergency numbers and the current question again, as one message; the events told. */
    static void answer(Turn turn) {
        String safety = tell(turn);
        if (safety.isEmpty()) {
            Prompter.ask(turn);
        } else {
            Prompter.askAfter(turn, safety);
        }
    }
}
