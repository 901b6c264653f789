package id.ruangaman.referral;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

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
    /** "Withdraw your consent?" asked after a typed change of mind: {@code _refc<id>:yes|no}. */
    static final String WITHDRAW_CONFIRM_PREFIX = "_refc";

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
        return consentAgain("consent_unclear", referral, provider, language);
    }

    /**
     * The answer to "later" ("nanti dulu", "belum tahu", "let me think"): no hurry, the question stays open, and its
     * buttons again (same callback data as the question).
     */
    public Output.Message consentLater(Referral referral, Provider provider, String language) {
        return consentAgain("consent_later", referral, provider, language);
    }

    /**
     * A message forwarded from another chat while the consent question is open: it is no answer of the person's own, and
     * the question's buttons come again (same callback data), so nobody believes a forwarded "iya" consented.
     */
    public Output.Message consentForwarded(Referral referral, Provider provider, String language) {
        return consentAgain("consent_forwarded", referral, provider, language);
    }

    private Output.Message consentAgain(String key, Referral referral, Provider provider, String language) {
        String text = inEach(language, lang -> texts.text(key, lang, Map.of("provider", provider.name,
                "yes", texts.text("button_yes", lang), "no", texts.text("button_no", lang))));
        return new Output.Message(text, CONSENT_NODE_PREFIX + referral.id, List.of(
                new Choice("yes", texts.label("button_yes", language)), new Choice("no", texts.label("button_no", language))), false);
    }

    /**
     * "Mau membatalkan persetujuanmu?" after a typed change of mind ("tidak jadi", "aku berubah pikiran"), with the
     * buttons "Ya, batalkan" and "Tidak" ({@code _refc<id>:yes|no}).
     */
    public Output.Message withdrawConfirm(Referral referral, Provider provider, String language) {
        String text = inEach(language, lang -> texts.text("withdraw_confirm", lang, Map.of("provider", provider.name,
                "yes", texts.text("withdraw_confirm_yes", lang), "no", texts.text("withdraw_confirm_no", lang))));
        return new Output.Message(text, WITHDRAW_CONFIRM_PREFIX + referral.id, List.of(
                new Choice("yes", texts.label("withdraw_confirm_yes", language)),
                new Choice("no", texts.label("withdraw_confirm_no", language))), false);
    }

    public Output.Message plain(String key, String language, Map<String, String> values) {
        return Output.Message.plain(texts.text(key, language, values));
    }

    public Output.Message about(String key, Referral referral, Provider provider, String language) {
        return Output.Message.plain(inEach(language, lang -> texts.text(key, lang,
                Map.of("provider", provider.name, "service", service(referral.service, lang)))));
    }

    /**
     * {@code render} in the chat's language; with none chosen yet ({@code language} null), in Bahasa Indonesia, then in
     * English, each half with its own labels filled in (a label in both languages inside each half would read "ketuk
     * "Ya, setuju / Yes, I agree"" in the Indonesian one). Said once when both halves are the same.
     */
    private static String inEach(String language, Function<String, String> render) {
        if (language != null) {
            return render.apply(language);
        }
        String id = render.apply("id");
        String en = render.apply("en");
        if (id.equals(en)) {
            return id;
        }
        return id + (id.contains("\n") || en.contains("\n") ? "\n\n" : "\n") + en;
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
        List<Choice> choices = new ArrayList<>();
        int n = 1;
        for (Referral referral : referrals) {
            choices.add(new Choice(String.valueOf(referral.id), n + ". " + providers.get(referral.providerId).name));
            n++;
        }
        choices.add(new Choice(KEEP, texts.label("withdraw_keep", language)));
        String text = inEach(language, lang -> {
            List<String> lines = new ArrayList<>();
            int place = 1;
            for (Referral referral : referrals) {
                lines.add(place + ". " + providers.get(referral.providerId).name + " (" + service(referral.service, lang) + ")");
                place++;
            }
            return texts.text(key, lang, Map.of("list", String.join("\n", lines), "keep", texts.text("withdraw_keep", lang)));
        });
        return new Output.Message(text, node, choices, false);
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
