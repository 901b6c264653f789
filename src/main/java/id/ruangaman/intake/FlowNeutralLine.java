package id.ruangaman.intake;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import id.ruangaman.conversation.Flow;
import id.ruangaman.conversation.definition.Discretion;
import id.ruangaman.transcript.NeutralLine;

/** The default flow's {@code discretion.neutral_line} (conversations/intake.yaml), for {@link NeutralLine}. */
@ApplicationScoped
class FlowNeutralLine implements NeutralLine {

    private final FlowRegistry flows;
    private final ConversationConfig config;

    FlowNeutralLine(FlowRegistry flows, ConversationConfig config) {
        this.flows = flows;
        this.config = config;
    }

    @Override
    public Optional<String> in(String language) {
        Flow flow = flows.current(config.defaultFlow());
        Discretion discretion = flow.definition().discretion();
        if (discretion == null || discretion.neutralLine() == null) {
            return Optional.empty();
        }
        String line = discretion.neutralLine().in(language == null ? flow.defaultLanguage() : language, flow.defaultLanguage());
        return line == null || line.isBlank() ? Optional.empty() : Optional.of(line.strip());
    }

    @Override
    public List<String> inEveryLanguage() {
        Discretion discretion = flows.current(config.defaultFlow()).definition().discretion();
        if (discretion == null || discretion.neutralLine() == null) {
            return List.of();
        }
        return discretion.neutralLine().values().values().stream().filter(line -> line != null && !line.isBlank())
                .map(String::strip).distinct().toList();
    }
}
