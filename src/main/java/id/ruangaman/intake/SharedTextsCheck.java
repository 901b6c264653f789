package id.ruangaman.intake;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

import id.ruangaman.conversation.FlowLinter;
import id.ruangaman.conversation.LintProblem;
import id.ruangaman.conversation.definition.FlowDefinition;
import id.ruangaman.conversation.definition.LocalizedText;
import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.lint.SharedTextsRule;
import id.ruangaman.texts.Notices;

/**
 * The flows' {@code discretion} rules over the texts kept beside them that the chat shows: the notices of
 * {@code _notices.yaml} and the organisation's {@code _legal_notice.yaml}. A notice a node includes with
 * {@code {notice:<name>}} is checked where that node shows it, on each messenger's variant (before consent: no avoided
 * word; as a first line: nothing that names the service or the violence under a discreet chat's neutral line). A
 * notice the service sends on its own is checked as a message of its own ({@link SharedTextsRule}). Runs after the flows
 * and the notices are loaded; any problem stops the start, each named with its file and key.
 */
@ApplicationScoped
class SharedTextsCheck {

    private static final Pattern INCLUDE = Pattern.compile("\\{notice:([a-z0-9_]+)}");

    private final FlowRegistry flows;
    private final Notices notices;

    SharedTextsCheck(FlowRegistry flows, Notices notices) {
        this.flows = flows;
        this.notices = notices;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent event) {
        List<String> problems = new ArrayList<>();
        for (String flowId : flows.flowIds()) {
            problems.addAll(problems(flowId + ".yaml", flows.current(flowId).definition(), notices.all()));
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("Texts a chat shows break the flows' discretion rules; please rephrase them:\n"
                    + String.join("\n", problems));
        }
    }

    /**
     * Every problem of {@code notices} (name to text, as {@code _notices.yaml} and {@code _legal_notice.yaml} hold them)
     * under the discretion block of the flow {@code file}; empty when there are none.
     */
    static List<String> problems(String file, FlowDefinition flow, Map<String, LocalizedText> notices) {
        Set<String> problems = new LinkedHashSet<>();
        FlowLinter linter = new FlowLinter();
        for (String medium : Notices.MEDIA) {
            for (LintProblem problem : linter.lintIncludes(file, flow, Notices.sharedFor(notices, medium))) {
                problems.add(problem + " (with its {notice:...} includes as " + medium + " shows them)");
            }
        }
        Set<String> includedOnly = included(flow);
        Set<String> afterConsent = new LinkedHashSet<>(includedOnly);
        Notices.AFTER_REPORT.forEach(key -> afterConsent.add(key.fileKey()));
        Map<String, LocalizedText> standalone = new java.util.LinkedHashMap<>(notices);
        standalone.keySet().removeIf(name -> includedOnly.stream().anyMatch(included -> name.equals(included)
                || Notices.MEDIA.stream().anyMatch(medium -> name.equals(included + "_" + medium))));
        problems.addAll(SharedTextsRule.check(flow.discretion(), "_notices.yaml", standalone, Set.of(), afterConsent));
        return List.copyOf(problems);
    }

    /** The names the flow includes with {@code {notice:<name>}}, in any text a node or a system message can show. */
    private static Set<String> included(FlowDefinition flow) {
        List<LocalizedText> texts = new ArrayList<>(flow.messages().values());
        for (NodeDefinition node : flow.nodes()) {
            texts.addAll(java.util.Arrays.asList(node.text(), node.discreetText(), node.reprompt(), node.mediaRefused(),
                    node.onUnclear() == null ? null : node.onUnclear().text()));
            if (node.textBy() != null) {
                texts.addAll(node.textBy().variants().values());
            }
        }
        Set<String> names = new LinkedHashSet<>();
        texts.stream().filter(java.util.Objects::nonNull).flatMap(text -> text.values().values().stream()).forEach(value -> {
            Matcher matcher = INCLUDE.matcher(value);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        });
        return names;
    }
}
