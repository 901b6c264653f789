package id.ruangaman.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Renders the labelled Telegram update fixtures with fresh, synthetic ids. */
public final class TelegramFixtures {

    private static final AtomicLong UPDATE_IDS = new AtomicLong(ThreadLocalRandom.current().nextLong(100_000_000L, 900_000_000L));
    private static final AtomicLong CHAT_IDS = new AtomicLong(ThreadLocalRandom.current().nextLong(5_000_000_000L, 6_000_000_000L));
    private static final AtomicLong MESSAGE_IDS = new AtomicLong(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private TelegramFixtures() {
    }

    public static long newChatId() {
        return CHAT_IDS.incrementAndGet();
    }

    public static long newGroupId() {
        return -CHAT_IDS.incrementAndGet();
    }

    public static long newUpdateId() {
        return UPDATE_IDS.incrementAndGet();
    }

    public static String raw(String name) {
        try {
            return Files.readString(Path.of("src/test/resources/channel/telegram", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture with the given ids; {@code text}, {@code data}, {@code fileId} may be null when unused. */
    public static String render(String name, long updateId, long chatId, long messageId, String text, String data,
            String fileId, long fileSize) {
        String rendered = raw(name);
        if (name.startsWith("edited_")) {
            // An edit's "date" is when the ORIGINAL was sent: in these tests, while the chat was known (this second; see
            // editOfLineSentAt for a line sent earlier, e.g. before an erasure)
            rendered = sentAt(rendered, java.time.Instant.now());
        }
        return fill(rendered, updateId, chatId, messageId, text, data, fileId, fileSize);
    }

    /**
     * An {@code edited_message} changing the text {@code messageId} into {@code text}, whose original was sent at
     * {@code sentAt} [Bot API: Message.date of an edited message is the original's send time; edit_date the edit's].
     */
    public static String editOfLineSentAt(long updateId, long chatId, long messageId, String text, java.time.Instant sentAt) {
        return fill(sentAt(raw("edited_message.json"), sentAt), updateId, chatId, messageId, text, null, null, 0);
    }

    private static String sentAt(String edit, java.time.Instant sentAt) {
        return edit.replace("\"date\": 1763800000", "\"date\": " + sentAt.getEpochSecond())
                .replaceFirst("\"edit_date\": \\d+", "\"edit_date\": " + java.time.Instant.now().getEpochSecond());
    }

    private static String fill(String template, long updateId, long chatId, long messageId, String text, String data,
            String fileId, long fileSize) {
        return template
                .replace("__UPDATE_ID__", String.valueOf(updateId))
                .replace("__CHAT_ID__", String.valueOf(chatId))
                .replace("__MESSAGE_ID__", String.valueOf(messageId))
                .replace("\"__TEXT__\"", quote(text == null ? "halo" : text))
                .replace("__DATA__", data == null ? "" : data)
                .replace("__FILE_ID__", fileId == null ? "file-none" : fileId)
                .replace("__FILE_SIZE__", String.valueOf(fileSize));
    }

    public static String render(String name, long chatId) {
        return render(name, newUpdateId(), chatId, MESSAGE_IDS.incrementAndGet(), null, null, null, 1000);
    }

    public static String text(long chatId, String text) {
        return render("text_message.json", newUpdateId(), chatId, MESSAGE_IDS.incrementAndGet(), text, null, null, 0);
    }

    public static String button(long chatId, String callbackData) {
        return render("callback_query.json", newUpdateId(), chatId, MESSAGE_IDS.incrementAndGet(), null, callbackData, null, 0);
    }

    public static long nextMessageId() {
        return MESSAGE_IDS.incrementAndGet();
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
