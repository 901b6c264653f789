package id.ruangaman.intake;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

import id.ruangaman.texts.Notices;
import id.ruangaman.conversation.Flow;
import id.ruangaman.conversation.definition.Discretion;

/**
 * The organisation's legal notice is shown before consent, on a phone someone else may see: it must avoid the words
 * the flows' {@code discretion.avoid_words} keep off that part of the chat, like the flow texts the linter checks.
 * Runs after the flows and the notices are loaded; a notice that names the violence stops the start with the reason.
 */
@ApplicationScoped
class LegalNoticeCheck {

    private final FlowRegistry flows;
    private final Notices notices;

    LegalNoticeCheck(FlowRegistry flows, Notices notices) {
        this.flows = flows;
        this.notices = notices;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent event) {
        notices.shared(Notices.LEGAL_NOTICE).ifPresent(legal -> {
            for (String flowId : flows.flowIds()) {
                Flow flow = flows.current(flowId);
                Discretion discretion = flow.definition().discretion();
                if (discretion == null) {
                    continue;
                }
                legal.values().forEach((language, text) -> discretion.avoidedWordIn(text).ifPresent(word -> {
                    throw new ConfigurationException("_legal_notice.yaml (" + language + ") is shown before consent and contains '"
                            + word + "' (discretion.avoid_words of flow " + flowId + "); please rephrase it");
                }));
            }
        });
    }
}
