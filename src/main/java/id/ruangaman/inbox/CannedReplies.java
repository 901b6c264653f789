package id.ruangaman.inbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import id.ruangaman.texts.ConversationFolder;

/**
 * Canned replies in Bahasa Indonesia and English, kept with the flows in
 * {@code conversations/_canned_replies.yaml} so counsellors review their wording in pull requests.
 */
@ApplicationScoped
class CannedReplies {

    private static final Logger LOG = Logger.getLogger(CannedReplies.class);
    static final String FILE = "_canned_replies.yaml";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(String id, Map<String, String> title, Map<String, String> text) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record File(List<Entry> replies) {
    }

    /** One reply in one language, for the reply box. */
    public record Reply(String id, String title, String text) {
    }

    private final List<Entry> entries;

    CannedReplies(ConversationFolder config) {
        this.entries = load(Path.of(config.flowsDirectory()).resolve(FILE));
    }

    static List<Entry> load(Path file) {
        if (!Files.isRegularFile(file)) {
            LOG.warnf("No canned replies file at %s", file);
            return List.of();
        }
        try {
            File parsed = new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), File.class);
            return parsed.replies() == null ? List.of() : List.copyOf(parsed.replies());
        } catch (IOException e) {
            throw new IllegalStateException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The replies in {@code language} (falls back to Bahasa Indonesia). */
    public List<Reply> in(String language) {
        String lang = "en".equals(language) ? "en" : "id";
        return entries.stream().map(e -> new Reply(e.id(), pick(e.title(), lang), pick(e.text(), lang))).toList();
    }

    private static String pick(Map<String, String> texts, String lang) {
        return texts == null ? "" : texts.getOrDefault(lang, texts.getOrDefault("id", ""));
    }
}
