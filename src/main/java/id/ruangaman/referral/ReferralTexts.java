package id.ruangaman.referral;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;

import id.ruangaman.texts.ConversationFolder;
import id.ruangaman.texts.TextFile;
import io.quarkus.runtime.StartupEvent;

/**
 * What the chat says about referrals, read from {@code conversations/_referral_texts.yaml} so counsellors review it
 * like the flows. Every key below, and no other, with Bahasa Indonesia and English ({@link TextFile}); checked at
 * start-up.
 */
@ApplicationScoped
class ReferralTexts {

    static final int AFTER_FLOWS = jakarta.interceptor.Interceptor.Priority.APPLICATION + 600;
    static final String FILE = "_referral_texts.yaml";
    static final List<String> KEYS = List.of("consent_question", "parts_none", "part_identity", "part_contact",
            "part_chronology", "part_evidence", "part_needs", "button_yes", "button_no", "consent_given", "consent_refused", "consent_unclear",
            "consent_later", "consent_forwarded", "consent_after_refusal", "question_closed", "withdraw_none",
            "withdraw_which", "withdraw_unclear", "withdraw_confirm", "withdraw_confirm_yes", "withdraw_confirm_no", "withdraw_keep",
            "withdraw_kept", "withdrawn", "referral_sent", "referral_accepted");

    private final ConversationFolder folder;
    private volatile TextFile texts;

    ReferralTexts(ConversationFolder folder) {
        this.folder = folder;
    }

    /** After the flows are loaded and linted, so a broken flow is the first thing reported. */
    void onStart(@Observes @Priority(AFTER_FLOWS) StartupEvent event) {
        load(folder.file(FILE));
    }

    /** @throws io.quarkus.runtime.configuration.ConfigurationException when the file breaks the text lint, or lacks or misspells a key */
    void load(Path file) {
        texts = TextFile.read(file).require(KEYS).allowOnly(KEYS);
    }

    /**
     * The text in the language, with {placeholders} filled in; {@code language} null (the chat has not chosen one yet):
     * in Bahasa Indonesia, then in English ({@link TextFile#text}).
     */
    public String text(String key, String language, Map<String, String> values) {
        return texts.text(key, language == null ? null : language(language), values);
    }

    /** Every text by key, as the file holds them. */
    Map<String, id.ruangaman.conversation.definition.LocalizedText> all() {
        return texts.texts();
    }

    public String text(String key, String language) {
        return text(key, language, Map.of());
    }

    /**
     * A button label in the language; {@code language} null: every language's label on one line, "Ya, setuju / Yes,
     * I agree", as the conversation's own buttons read before the language question.
     */
    public String label(String key, String language) {
        return language == null ? texts.texts().get(key).labelInEvery(List.of(TextFile.DEFAULT_LANGUAGE, "en")) : text(key, language);
    }

    static String language(String language) {
        return "en".equals(language) ? "en" : "id";
    }
}
