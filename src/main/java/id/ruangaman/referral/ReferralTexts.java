package id.ruangaman.referral;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import id.ruangaman.texts.ConversationFolder;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * What the chat says about referrals, read from {@code conversations/_referral_texts.yaml} so counsellors review it
 * like the flows. Every key below needs Bahasa Indonesia and English; checked at start-up.
 */
@ApplicationScoped
class ReferralTexts {

    static final int AFTER_FLOWS = jakarta.interceptor.Interceptor.Priority.APPLICATION + 600;
    static final String FILE = "_referral_texts.yaml";
    static final List<String> KEYS = List.of("consent_question", "parts_none", "part_identity", "part_contact",
            "part_chronology", "part_evidence", "part_needs", "service_psychological", "service_legal",
            "service_social_reintegration", "service_follow_up_counselling", "service_medical", "service_spiritual",
            "button_yes", "button_no", "consent_given", "consent_refused", "question_closed", "withdraw_none",
            "withdraw_which", "withdraw_keep", "withdraw_kept", "withdrawn", "referral_sent", "referral_accepted");
    private static final List<String> LANGUAGES = List.of("id", "en");

    private final ConversationFolder config;
    private final Map<String, Map<String, String>> texts = new HashMap<>();

    ReferralTexts(ConversationFolder config) {
        this.config = config;
    }

    /** After the flows are loaded and linted, so a broken flow is the first thing reported. */
    void onStart(@Observes @Priority(AFTER_FLOWS) StartupEvent event) {
        load(Path.of(config.flowsDirectory(), FILE));
    }

    void load(Path file) {
        Map<String, Map<String, String>> raw;
        try {
            raw = new ObjectMapper(new YAMLFactory()).readValue(Files.readAllBytes(file),
                    new TypeReference<Map<String, Map<String, String>>>() {
                    });
        } catch (IOException e) {
            throw new ConfigurationException(file + " cannot be read as a map of texts: " + e.getClass().getSimpleName());
        }
        for (String key : KEYS) {
            Map<String, String> text = raw == null ? null : raw.get(key);
            for (String language : LANGUAGES) {
                if (text == null || text.get(language) == null || text.get(language).isBlank()) {
                    throw new ConfigurationException(file + ": text '" + key + "' has no '" + language + "' version");
                }
            }
            texts.put(key, Map.copyOf(text));
        }
    }

    /** The text in the language ("id" when unknown), with {placeholders} filled in. */
    public String text(String key, String language, Map<String, String> values) {
        Map<String, String> byLanguage = texts.get(key);
        if (byLanguage == null) {
            throw new IllegalArgumentException("unknown referral text " + key);
        }
        String text = byLanguage.getOrDefault(language(language), byLanguage.get("id"));
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{" + value.getKey() + "}", value.getValue());
        }
        return text;
    }

    public String text(String key, String language) {
        return text(key, language, Map.of());
    }

    static String language(String language) {
        return "en".equals(language) ? "en" : "id";
    }
}
