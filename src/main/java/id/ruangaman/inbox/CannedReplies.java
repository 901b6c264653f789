package id.ruangaman.inbox;

import java.nio.file.Path;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import id.ruangaman.conversation.definition.LocalizedText;
import id.ruangaman.texts.ConversationFolder;
import id.ruangaman.texts.TextFile;
import io.quarkus.runtime.StartupEvent;

/**
 * Canned replies in Bahasa Indonesia and English, kept with the flows in {@code conversations/_canned_replies.yaml}
 * so counsellors review their wording in pull requests: one group per reply, {@code <id>: {title: {id, en}, text:
 * {id, en}}} and optionally {@code text_when_safe_times: {id, en}} (used when the person already gave safe times),
 * listed in the reply box in file order. Read and linted ({@link TextFile}) at start-up; a file with a
 * problem stops the start with its name and key. No file means no canned replies.
 */
@ApplicationScoped
class CannedReplies {

    private static final Logger LOG = Logger.getLogger(CannedReplies.class);
    static final String FILE = "_canned_replies.yaml";
    static final List<String> PARTS = List.of("title", "text");
    /** Optional: the text to use instead when the person already said when it is safe to contact them. */
    static final String TEXT_WHEN_SAFE_TIMES = "text_when_safe_times";

    /** One reply in both languages; {@code textWhenSafeTimes} is null when the reply has no such variant. */
    record Entry(String id, LocalizedText title, LocalizedText text, LocalizedText textWhenSafeTimes) {
    }

    /** One reply in one language, for the reply box (read by the case page's template). */
    public record Reply(String id, String title, String text) {
    }

    private final ConversationFolder folder;
    private volatile List<Entry> entries = List.of();

    CannedReplies(ConversationFolder folder) {
        this.folder = folder;
    }

    void onStart(@Observes StartupEvent event) {
        load(folder.file(FILE));
        if (entries.isEmpty()) {
            LOG.warnf("No canned replies in %s", FILE);
        }
    }

    void load(Path file) {
        entries = read(file);
    }

    /** @throws io.quarkus.runtime.configuration.ConfigurationException when the file breaks the text lint or a reply lacks its title or text */
    static List<Entry> read(Path file) {
        return TextFile.readIfPresent(file).map(texts -> texts.groupsOf(PARTS, List.of(TEXT_WHEN_SAFE_TIMES)).keys().stream()
                .map(id -> new Entry(id, texts.group(id).get("title"), texts.group(id).get("text"),
                        texts.group(id).get(TEXT_WHEN_SAFE_TIMES))).toList())
                .orElse(List.of());
    }

    List<Entry> entries() {
        return entries;
    }

    /** The replies in {@code language} (falls back to Bahasa Indonesia). */
    List<Reply> in(String language) {
        return in(language, false);
    }

    /**
     * The replies in {@code language}; when the person already gave safe times to be contacted, a reply's
     * {@code text_when_safe_times} instead of its text (the first contact does not ask again when it is safe to talk).
     */
    List<Reply> in(String language, boolean safeTimesGiven) {
        return in(language, language, safeTimesGiven);
    }

    /**
     * For the reply box of a counsellor reading the inbox in {@code reader}'s language, to a person who chats in
     * {@code survivor}'s: each title in the counsellor's language, each text in the person's (it is sent to them).
     */
    List<Reply> in(String reader, String survivor, boolean safeTimesGiven) {
        return entries.stream().map(e -> new Reply(e.id(), e.title().in(reader, TextFile.DEFAULT_LANGUAGE),
                (safeTimesGiven && e.textWhenSafeTimes() != null ? e.textWhenSafeTimes() : e.text())
                        .in(survivor, TextFile.DEFAULT_LANGUAGE))).toList();
    }
}
