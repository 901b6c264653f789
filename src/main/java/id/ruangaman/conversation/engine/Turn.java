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
