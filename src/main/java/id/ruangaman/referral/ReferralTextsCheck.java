package id.ruangaman.referral;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

import id.ruangaman.conversation.definition.Discretion;
import id.ruangaman.conversation.definition.LocalizedText;
import id.ruangaman.conversation.lint.SharedTextsRule;
import id.ruangaman.intake.FlowRegistry;

/**
 * The flows' {@code discretion} rules over {@code _referral_texts.yaml} ({@link SharedTextsRule}): in a discreet chat
 * the first line under the neutral line must not name the service, the violence, or the provider (a provider may be a
 * "Pusat Krisis ..."), so a text that names {@code {provider}} or {@code {service}} does it from its second line on.
 * Runs after the referral texts are read; any problem stops the start, each named with its key.
 */
@ApplicationScoped
class ReferralTextsCheck {

    /** Button labels and the parts listed inside the consent question: never the first line of a message. */
    static final Set<String> NEVER_FIRST = Set.of("button_yes", "button_no", "withdraw_keep", "parts_none",
            "part_identity", "part_contact", "part_chronology", "part_evidence", "part_needs");
    /** The one text that can come before the consent answer: /cabut as a chat's first message. */
    static final Set<String> BEFORE_CONSENT = Set.of("withdraw_none");

    private final FlowRegistry flows;
    private final ReferralTexts texts;

    ReferralTextsCheck(FlowRegistry flows, ReferralTexts texts) {
        this.flows = flows;
        this.texts = texts;
    }

    void onStart(@Observes @Priority(ReferralTexts.AFTER_FLOWS + 1) StartupEvent event) {
        List<String> problems = new ArrayList<>();
        for (String flowId : flows.flowIds()) {
            problems.addAll(problems(flows.current(flowId).definition().discretion(), texts.all()));
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("Referral texts break the flows' discretion rules; please rephrase them:\n"
                    + String.join("\n", problems.stream().distinct().toList()));
        }
    }

    /** Every problem of the referral texts (key to text) under a flow's discretion block; empty when there are none. */
    static List<String> problems(Discretion discretion, Map<String, LocalizedText> referralTexts) {
        Set<String> afterConsent = referralTexts.keySet().stream().filter(key -> !BEFORE_CONSENT.contains(key))
                .collect(Collectors.toSet());
        return SharedTextsRule.check(discretion, ReferralTexts.FILE, referralTexts, NEVER_FIRST, afterConsent);
    }
}
