package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.Flow;
import id.ruangaman.conversation.PendingPrompt;
import id.ruangaman.conversation.definition.Discretion;
import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.NodeKind;
import java.util.Optional;

/**
 * The questions where a wrong pick is destructive or safety-relevant. There a bare number ("1") picks a choice only
 * when the messenger showed the choices as a numbered text list ({@link id.ruangaman.conversation.ChoiceOrder#numbered}):
 * buttons (Telegram, WhatsApp reply buttons) show no numbers, so a number typed at them is a guess at an order the
 * person never saw; a "1" meant as "one moment" or as an answer to something else must not say "yes, I am in danger",
 * "the phone is safe", "I agree" or "erase everything". Such a number gets one kind re-prompt that names the choices
 * (walkthrough: a bare number picked a button at system prompts and at "are you in danger now?"). Everywhere else a
 * number shown in order still picks that place ({@link Answering}).
 * <p>
 * Read from the flow, not listed per step: a question whose answer emits an event ({@code danger_reported},
 * {@code discreet_on}/{@code discreet_off}: "in danger now?", "is this phone safe?"), the flow's consent question
 * ({@code discretion.consent_node}), and any question with an exit to an {@code end} node with
 * {@code outcome: declined}. Of the system prompts: the erasure confirmation (/hapus), keeping a file as evidence
 * (consent), and continue-or-start-over (starting over drops the answers given).
 */
final class CarefulChoices {

    private CarefulChoices() {
    }

    static boolean question(Flow flow, NodeDefinition node) {
        if (!node.events().isEmpty()) {
            return true;
        }
        Discretion discretion = flow.definition().discretion();
        if (discretion != null && node.id().equals(discretion.consentNode())) {
            return true;
        }
        return node.exits().values().stream().map(flow::findNode).flatMap(Optional::stream)
                .anyMatch(target -> target.kind() == NodeKind.END && "declined".equals(target.outcome()));
    }

    static boolean prompt(PendingPrompt prompt) {
        return prompt == PendingPrompt.DELETE_CONFIRM || prompt == PendingPrompt.EVIDENCE_KEEP || prompt == PendingPrompt.RESUME;
    }
}
