package id.ruangaman.texts;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import id.ruangaman.conversation.SharedTexts;
import id.ruangaman.conversation.definition.LocalizedText;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;

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
        /**
         * The same in a discreet chat ("Konselor:"): the line a preview shows under the neutral line names neither the
         * service nor the subject (conversations/README.md, Discretion).
         */
        COUNSELLOR_PREFIX_DISCREET,
        CLEAR_CHAT_TELEGRAM, CLEAR_CHAT_WHATSAPP, CHILD_ONLINE_REPORTING,
        /**
         * What quiet mode does, offered at "Apakah aman chat di HP ini?" and confirmed when chosen. Telegram sends its
         * messages without a sound ({@code disable_notification}); the WhatsApp Cloud API has no such option, so its
         * variant says so and how to mute the chat.
         */
        QUIET_MODE, QUIET_MODE_WHATSAPP, QUIET_MODE_ON, QUIET_MODE_ON_WHATSAPP,
        /** A button of an earlier prompt pressed after the report: a short reply on every channel. */
        STALE_BUTTON_AFTER_REPORT;

        public String fileKey() {
            return name().toLowerCase();
        }
    }

    /**
     * Notices the service sends only after the report (and so after the consent answer): the discretion check holds
     * every other notice it sends on its own to the words a phone before consent must not show.
     */
    public static final java.util.Set<Key> AFTER_REPORT = java.util.EnumSet.of(Key.COUNSELLOR_PREFIX,
            Key.COUNSELLOR_PREFIX_DISCREET, Key.STALE_BUTTON_AFTER_REPORT);

    /** The messengers with notice variants ({@code <name>_<medium>}), as {@link #sharedFor} takes them. */
    public static final java.util.List<String> MEDIA = java.util.List.of("telegram", "whatsapp", "dev");

    static final String FILE = "_notices.yaml";
    /** Optional: an organisation's own legal notice, shown before consent as {@code {notice:legal_notice}}. */
    static final String LEGAL_NOTICE_FILE = "_legal_notice.yaml";
    public static final String LEGAL_NOTICE = "legal_notice";

    private final ConversationFolder folder;
    private volatile TextFile notices;
    private volatile Map<String, LocalizedText> shared = Map.of();

    Notices(ConversationFolder folder) {
        this.folder = folder;
    }

    void onStart(@Observes StartupEvent event) {
        load(folder.file(FILE));
    }

    /**
     * Reads {@code file} and the optional {@code _legal_notice.yaml} beside it.
     *
     * @throws io.quarkus.runtime.configuration.ConfigurationException when either breaks the text lint or a notice
     *                                                                 of {@link Key} is missing
     */
    void load(Path file) {
        TextFile read = TextFile.read(file).require(Arrays.stream(Key.values()).map(Key::fileKey).toList());
        Map<String, LocalizedText> all = new LinkedHashMap<>(read.texts());
        TextFile.readIfPresent(file.resolveSibling(LEGAL_NOTICE_FILE))
                .ifPresent(legal -> all.put(LEGAL_NOTICE, legal.single()));
        notices = read;
        shared = Map.copyOf(all);
    }

    /**
     * A text flows include as {@code {notice:<name>}}: any entry of {@code _notices.yaml}, or {@code legal_notice}
     * from the optional {@code _legal_notice.yaml}. Empty when there is none.
     */
    public Optional<LocalizedText> shared(String name) {
        return Optional.ofNullable(shared.get(name));
    }

    /**
     * The texts flows include as {@code {notice:<name>}} as a messenger shows them: {@code <name>_<medium>} where
     * {@code _notices.yaml} has one (e.g. {@code quiet_mode_whatsapp}), otherwise {@code <name>}. {@code medium}: the
     * channel's name in lower case ({@code telegram}, {@code whatsapp}, {@code dev}).
     */
    public SharedTexts sharedFor(String medium) {
        return sharedFor(shared, medium);
    }

    /** As {@link #sharedFor(String)}, over the texts {@code all} (a {@code _notices.yaml} read by {@link TextFile}). */
    public static SharedTexts sharedFor(Map<String, LocalizedText> all, String medium) {
        return name -> Optional.ofNullable(all.get(name + "_" + medium)).or(() -> Optional.ofNullable(all.get(name)));
    }

    /** Every notice by name, the optional {@code legal_notice} included. */
    public Map<String, LocalizedText> all() {
        return shared;
    }

    /** The notice in the person's language (both, Bahasa Indonesia first, when not chosen yet), placeholders filled. */
    public String text(Key key, String language, Map<String, String> values) {
        return notices.text(key.fileKey(), language, values);
    }
}
