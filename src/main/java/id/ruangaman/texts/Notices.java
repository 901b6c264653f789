package id.ruangaman.texts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import id.ruangaman.conversation.definition.LocalizedText;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Short texts the service sends outside a flow (a group chat, a file that is too big), read from
 * {@code conversations/_notices.yaml} so counsellors review them like the flows. Checked at start-up.
 */
@ApplicationScoped
public class Notices {

    public enum Key {
        PRIVATE_CHAT_ONLY, MEDIA_TOO_LARGE, MEDIA_FAILED, FLOOD,
        /** The first line of a counsellor's reply in the chat ("Konselor Satgas:"). */
        COUNSELLOR_PREFIX,
        CLEAR_CHAT_TELEGRAM, CLEAR_CHAT_WHATSAPP, CHILD_ONLINE_REPORTING;

        String fileKey() {
            return name().toLowerCase();
        }
    }

    static final String FILE = "_notices.yaml";
    /** Optional: an organisation's own legal notice, shown before consent as {@code {notice:legal_notice}}. */
    static final String LEGAL_NOTICE_FILE = "_legal_notice.yaml";
    public static final String LEGAL_NOTICE = "legal_notice";
    private static final String[] LANGUAGES = { "id", "en" };

    private final ConversationFolder config;
    private final Map<Key, Map<String, String>> texts = new EnumMap<>(Key.class);
    private final Map<String, LocalizedText> shared = new java.util.concurrent.ConcurrentHashMap<>();

    Notices(ConversationFolder config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        load(Path.of(config.flowsDirectory(), FILE));
    }

    void load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationException("The notices file " + file.toAbsolutePath() + " is missing");
        }
        Map<String, Map<String, String>> raw;
        try {
            raw = new ObjectMapper(new YAMLFactory()).readValue(Files.readAllBytes(file),
                    new TypeReference<Map<String, Map<String, String>>>() {
                    });
        } catch (IOException e) {
            throw new ConfigurationException(file + " cannot be read as a map of notices: " + e.getClass().getSimpleName());
        }
        for (Key key : Key.values()) {
            Map<String, String> text = raw == null ? null : raw.get(key.fileKey());
            for (String language : LANGUAGES) {
                if (text == null || text.get(language) == null || text.get(language).isBlank()) {
                    throw new ConfigurationException(file + ": notice '" + key.fileKey() + "' has no '" + language + "' text");
                }
            }
            texts.put(key, Map.copyOf(text));
        }
        raw.forEach((name, text) -> shared.put(name, new LocalizedText(text)));
        loadLegalNotice(file.resolveSibling(LEGAL_NOTICE_FILE));
    }

    private void loadLegalNotice(Path file) {
        shared.remove(LEGAL_NOTICE);
        if (!Files.isRegularFile(file)) {
            return;
        }
        Map<String, String> text;
        try {
            text = new ObjectMapper(new YAMLFactory()).readValue(Files.readAllBytes(file), new TypeReference<Map<String, String>>() {
            });
        } catch (IOException e) {
            throw new ConfigurationException(file + " cannot be read as {id: ..., en: ...}: " + e.getClass().getSimpleName());
        }
        for (String language : LANGUAGES) {
            if (text == null || text.get(language) == null || text.get(language).isBlank()) {
                throw new ConfigurationException(file + ": the legal notice has no '" + language + "' text");
            }
        }
        shared.put(LEGAL_NOTICE, new LocalizedText(text));
    }

    /**
     * A text flows include as {@code {notice:<name>}}: any entry of {@code _notices.yaml}, or {@code legal_notice}
     * from the optional {@code _legal_notice.yaml}. Empty when there is none.
     */
    public Optional<LocalizedText> shared(String name) {
        return Optional.ofNullable(shared.get(name));
    }

    /** The notice in the person's language (Bahasa Indonesia when unknown), placeholders filled. */
    public String text(Key key, String language, Map<String, String> values) {
        Map<String, String> byLanguage = texts.get(key);
        String text = byLanguage.getOrDefault(language == null ? "id" : language, byLanguage.get("id"));
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{" + value.getKey() + "}", value.getValue());
        }
        return text;
    }
}
