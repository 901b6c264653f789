package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.Flow;
import id.ruangaman.conversation.Output;
import id.ruangaman.conversation.SessionState;
import id.ruangaman.conversation.Step;
import id.ruangaman.conversation.definition.Discretion;
import id.ruangaman.conversation.definition.LocalizedText;
import id.ruangaman.conversation.definition.MessageKey;
import id.ruangaman.conversation.definition.NodeDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** One engine call in progress: the flow, the evolving state and the outputs so far. */
public final class Turn {

    private final EngineContext context;
    private final Flow newest;
    private Flow flow;
    private SessionState state;
    /** The answers before this turn's input: what a change from the summary is compared with ({@link NewlyHolding}). */
    private final java.util.Map<String, id.ruangaman.conversation.Answer> answersAtStart;
    private final List<Output> outputs = new ArrayList<>();

    public Turn(EngineContext context, Flow flow, Flow newest, SessionState state) {
        this.context = context;
        this.flow = flow;
        this.newest = newest;
        this.state = state;
        this.answersAtStart = state == null ? java.util.Map.of() : state.answers();
    }

    java.util.Map<String, id.ruangaman.conversation.Answer> answersAtStart() {
        return answersAtStart;
    }

    public EngineContext context() {
        return context;
    }

    public Flow flow() {
        return flow;
    }

    /** The current revision of the flow, used when the person starts over. */
    public Flow newest() {
        return newest;
    }

    void switchTo(Flow other) {
        this.flow = other;
    }

    public SessionState state() {
        return state;
    }

    public void update(UnaryOperator<SessionState> change) {
        state = change.apply(state);
    }

    public Instant now() {
        return context.clock().instant();
    }

    NodeDefinition currentNode() {
        return flow.node(state.nodeId());
    }

    public void emit(Output output) {
        outputs.add(output);
    }

    public void say(String text) {
        outputs.add(Output.Message.plain(text));
    }

    /** The mark of the last message said so far, for {@link #joinNote} (the question just asked); the end when none. */
    int lastMessageMark() {
        for (int i = outputs.size() - 1; i >= 0; i--) {
            if (outputs.get(i) instanceof Output.Message message && message.text() != null) {
                return i;
            }
        }
        return outputs.size();
    }

    /** How many outputs the turn has so far: a mark for {@link #joinNote}. */
    int outputCount() {
        return outputs.size();
    }

    /**
     * Puts {@code note} into the first message said since the mark {@code from}, so it goes in one message with what
     * follows it (the story's "Tersimpan", the next question, with that message's buttons) instead of a message of its own
     * right before: after {@code lead} (the emergency numbers) when that message opens with it, else first. When that
     * message is {@code lead} alone (danger said in a caption at a question of one typed answer: the numbers, then the
     * next question), the next message is joined too: the numbers, the note and the next question with its buttons, one
     * message for one file. The message is no longer routine ({@link Output.Message#routine}): it says more than the
     * acknowledgement, so it is neither left out nor held back. With no message since the mark, the note alone.
     */
    void joinNote(int from, String note, String lead) {
        for (int i = from; i < outputs.size(); i++) {
            if (outputs.get(i) instanceof Output.Message message && message.text() != null) {
                String text = message.text();
                if (!lead.isEmpty() && text.strip().equals(lead.strip()) && joinAfterLead(i, lead + "\n\n" + note)) {
                    return;
                }
                String joined = !lead.isEmpty() && text.startsWith(lead)
                        ? lead + "\n\n" + note + (text.length() > lead.length() ? "\n\n" + text.substring(lead.length()).strip() : "")
                        : note + "\n\n" + text;
                outputs.set(i, new Output.Message(joined, message.nodeId(), message.choices(), message.multiSelect(), message.silent()));
                return;
            }
        }
        say(note);
    }

    /**
     * Puts the first message said since the mark {@code from} (the emergency numbers) at the head of the next message
     * with a text, which keeps its place, buttons and node: one message, not two in a row. Nothing changes when no
     * message follows it.
     */
    void joinWithNext(int from) {
        for (int i = from; i < outputs.size(); i++) {
            if (outputs.get(i) instanceof Output.Message message && message.text() != null) {
                joinAfterLead(i, message.text());
                return;
            }
        }
    }

    /**
     * The message at {@code at} (the lead alone) taken out and {@code opening} put before the next message with a text,
     * which keeps its place, buttons and node (the events between stay before it). False, changing nothing, when no
     * message follows.
     */
    private boolean joinAfterLead(int at, String opening) {
        for (int j = at + 1; j < outputs.size(); j++) {
            if (outputs.get(j) instanceof Output.Message next && next.text() != null) {
                outputs.set(j, new Output.Message(opening + "\n\n" + next.text(), next.nodeId(), next.choices(), next.multiSelect(),
                        next.silent()));
                outputs.remove(at);
                return true;
            }
        }
        return false;
    }

    public String lang() {
        return state.language() == null ? flow.defaultLanguage() : state.language();
    }

    /**
     * Whether the person has not chosen a language yet (a session starts without one when its flow asks for it): every
     * text then goes out in each flow language ({@link LocalizedText#inEvery}).
     */
    boolean languageUnknown() {
        return state.language() == null && flow.languages().size() > 1;
    }

    public String text(LocalizedText text) {
        return text == null ? "" : Placeholders.fill(inLanguage(text), Map.of());
    }

    /** A button label: in the person's language, or "Ya / Yes" before a language is chosen. */
    String label(LocalizedText label) {
        return languageUnknown() ? label.labelInEvery(flow.languages()) : text(label);
    }

    private String inLanguage(LocalizedText text) {
        return languageUnknown() ? text.inEvery(flow.languages()) : text.in(lang(), flow.defaultLanguage());
    }

    /** A system message with {@code {name}} placeholders filled from name/value pairs. */
    public String msg(MessageKey key, String... namesAndValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            values.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return Placeholders.fill(inLanguage(flow.message(key)), values);
    }

    /**
     * The new state and the outputs. In discreet mode every message is silent, and one whose first line contains a
     * word of the flow's {@code discretion.avoid_words} starts with the neutral line instead (lock-screen previews).
     */
    public Step result() {
        if (!state.discreet()) {
            return new Step(state, outputs);
        }
        return new Step(state, outputs.stream().map(output -> output instanceof Output.Message message ? discreet(message) : output).toList());
    }

    private Output discreet(Output.Message message) {
        Output.Message silent = message.silenced();
        Discretion discretion = flow.definition().discretion();
        if (discretion == null || discretion.neutralLine() == null || message.text() == null) {
            return silent;
        }
        String firstLine = message.text().lines().findFirst().orElse("");
        return discretion.avoidedWordIn(firstLine).isPresent() ? silent.withText(text(discretion.neutralLine()) + "\n\n" + message.text()) : silent;
    }
}
