package id.ruangaman.referral;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import id.ruangaman.conversation.Choice;
import id.ruangaman.conversation.Output;
import id.ruangaman.conversation.definition.LocalizedText;
import id.ruangaman.inbox.Labels;
import id.ruangaman.intake.ConversationConfig;
import id.ruangaman.intake.FlowRegistry;

/**
 * The referral messages the survivor receives, built from {@link ReferralTexts}. Buttons carry the callback data
 * {@code _ref<id>:yes|no} (consent) and {@code _refw:<id>|keep} (withdrawal), well under the 60-byte limit.
 */
@ApplicationScoped
class ChatTexts {

    static final String CONSENT_NODE_PREFIX = "_ref";
    static final String WITHDRAW_NODE = "_refw";
    /** The same choice asked again once, after a typed answer that named none of the referrals. */
    static final String WITHDRAW_AGAIN_NODE = "_refwa";
    static final String KEEP = "keep";

    private final ReferralTexts texts;
    private final FlowRegistry flows;
    private final ConversationConfig conversations;

    ChatTexts(ReferralTexts texts, FlowRegistry flows, ConversationConfig conversations) {
        this.texts = texts;
        this.flows = flows;
        this.conversations = conversations;
    }

    public Output.Message consentQuestion(Referral referral, Provider provider, String language) {
        String text = texts.text("consent_question", language, Map.of("provider", provider.name,
                "service", service(referral.service, language), "parts", parts(referral.consented(), language)));
        return new Output.Message(text, CONSENT_NODE_PREFIX + referral.id, List.of(
                new Choice("yes", texts.text("button_yes", language)), new Choice("no", texts.text("button_no", language))), false);
    }

    /** The yes and no buttons' labels in every language, for reading a typed answer. */
    LocalizedText buttonLabel(String key) {
        return new LocalizedText(Map.of("id", texts.text(key, "id"), "en", texts.text(key, "en")));
    }

    /**
     * One kind re-prompt for a typed answer that is neither yes nor no: names the two buttons and shows them again
     * (same callback data as the question, so a tap answers it).
     */
    public Output.Message consentUnclear(Referral referral, Provider provider, String language) {
        String text = texts.text("consent_unclear", language, Map.of("provider", provider.name,
                "yes", texts.text("button_yes", language), "no", texts.text("button_no", language)));
        return new Output.Message(text, CONSENT_NODE_PREFIX + referral.id, List.of(
                new Choice("yes", texts.text("button_yes", language)), new Choice("no", texts.text("button_no", language))), false);
    }

    public Output.Message plain(String key, String language, Map<String, String> values) {
        return Output.Message.plain(texts.text(key, language, values));
    }

    public Output.Message about(String key, Referral referral, Provider provider, String language) {
        return plain(key, language, Map.of("provider", provider.name, "service", service(referral.service, language)));
    }

    /** Which referral to withdraw: one numbered button per referral, and one to cancel. */
    public Output.Message whichToWithdraw(List<Referral> referrals, Map<Long, Provider> providers, String language) {
        return whichToWithdraw("withdraw_which", WITHDRAW_NODE, referrals, providers, language);
    }

    /** One kind re-prompt after a typed answer that named none of them: how to answer, and the same choices again. */
    public Output.Message whichToWithdrawAgain(List<Referral> referrals, Map<Long, Provider> providers, String language) {
        return whichToWithdraw("withdraw_unclear", WITHDRAW_AGAIN_NODE, referrals, providers, language);
    }

    private Output.Message whichToWithdraw(String key, String node, List<Referral> referrals, Map<Long, Provider> providers,
            String language) {
        List<String> lines = new ArrayList<>();
        List<Choice> choices = new ArrayList<>();
        int n = 1;
        for (Referral referral : referrals) {
            String label = n + ". " + providers.get(referral.providerId).name;
            lines.add(label + " (" + service(referral.service, language) + ")");
            choices.add(new Choice(String.valueOf(referral.id), label));
            n++;
        }
        choices.add(new Choice(KEEP, texts.text("withdraw_keep", language)));
        return new Output.Message(texts.text(key, language, Map.of("list", String.join("\n", lines),
                "keep", texts.text("withdraw_keep", language))), node, choices, false);
    }

    /** A service in the survivor's own words: the intake flow's label of that option of its services question. */
    String service(String code, String language) {
        return Labels.in(flows, conversations, ReferralTexts.language(language)).service(code);
    }

    String parts(Set<ReferralPart> parts, String language) {
        if (parts.isEmpty()) {
            return texts.text("parts_none", language);
        }
        List<String> names = parts.stream().map(p -> texts.text("part_" + p.code(), language)).toList();
        return String.join("; ", names);
    }
}
