package id.ruangaman.inbox;

import static id.ruangaman.inbox.InboxFixtures.transcript;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.security.Role;
import id.ruangaman.testing.TelegramChats;
import id.ruangaman.testing.WhatsAppFixtures;
import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.ChatMessage;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A message edited twice (Telegram {@code edited_message} with the same {@code message_id} each time; WhatsApp
 * {@code edit} naming the original wamid each time, through the real webhooks): each edit line quotes the version it
 * replaces and links to that version's line, so the words quoted are the words of the line the link highlights; and
 * each replaced line says it was changed later, with a link to the line that changed it. Before, the second edit
 * quoted the original's words, as if the first edit had never been, and the original gave no sign it was changed.
 * Synthetic chats and texts.
 */
@QuarkusTest
class EditOfAnEditTest {

    private static final String FIRST = "Kejadiannya tanggal 13 Maret di asrama (sintetis)";
    private static final String SECOND = "Kejadiannya tanggal 12 Maret di asrama (sintetis)";
    private static final String THIRD = "Kejadiannya tanggal 11 Maret di perpustakaan (sintetis)";

    @Inject
    TelegramChats chats;
    @Inject
    InboxFixtures fixtures;

    @Test
    void shouldQuoteTheVersionEachTelegramEditReplaces() {
        long chat = chats.reportedTelegramChat("Kronologi sintetis untuk pesan yang diubah dua kali.");
        long messageId = chats.sayTelegram(chat, FIRST);
        chats.editTelegram(chat, messageId, SECOND);
        chats.editTelegram(chat, messageId, THIRD);

        assertEachEditQuotesTheVersionItReplaces(chats.referenceOf(chat), chats.transcript(chat), "edit-twice-tg");
    }

    @Test
    void shouldQuoteTheVersionEachWhatsAppEditReplaces() {
        String number = chats.reportedWhatsAppNumber("Kronologi sintetis WhatsApp untuk pesan yang diubah dua kali.");
        String original = WhatsAppFixtures.newWamid();
        chats.sayWhatsApp(number, original, "text.json", FIRST, null, null);
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "edit_text.json", SECOND, original, null);
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "edit_text.json", THIRD, original, null);

        assertEachEditQuotesTheVersionItReplaces(chats.referenceOf(Channel.WHATSAPP, number),
                chats.transcript(Channel.WHATSAPP, number), "edit-twice-wa");
    }

    private void assertEachEditQuotesTheVersionItReplaces(String ref, List<ChatMessage> transcript, String username) {
        long first = lineWith(transcript, FIRST);
        long second = lineWith(transcript, SECOND);
        long third = lineWith(transcript, THIRD);
        fixtures.account(username, Role.COUNSELLOR);
        String session = InboxFixtures.login(username);

        String indonesian = transcript(session, ref, "id");
        assertEquals(List.of("Mengubah pesan " + link(first, FIRST), "Mengubah pesan " + link(second, SECOND)), editOfParts(indonesian),
                "each edit quotes the version it replaces and links to that line");
        assertEquals("<a href=\"#msg-" + second + "\" class=\"changed-later\">diubah kemudian</a>", laterMark(indonesian, first),
                "the original says it was changed, with a link to the change");
        assertEquals("<a href=\"#msg-" + third + "\" class=\"changed-later\">diubah kemudian</a>", laterMark(indonesian, second),
                "and so does the first edit");
        assertFalse(line(indonesian, third).contains("changed-later"), "the last version is not changed later");

        String english = transcript(session, ref, "en");
        assertEquals(List.of("Changes the message " + link(first, FIRST), "Changes the message " + link(second, SECOND)),
                editOfParts(english), "and in English");
        assertEquals("<a href=\"#msg-" + second + "\" class=\"changed-later\">changed later</a>", laterMark(english, first));
    }

    private static String link(long line, String words) {
        return "<a href=\"#msg-" + line + "\" class=\"edit-of-link\">\u201c" + words + "\u201d</a>";
    }

    private static long lineWith(List<ChatMessage> transcript, String words) {
        List<Long> found = transcript.stream().filter(m -> m.direction == ChatMessage.Direction.IN && m.body != null
                && m.body.contains(words)).map(m -> m.id).toList();
        assertEquals(1, found.size(), "one line says " + words);
        return found.get(0);
    }

    /** The inner HTML of every edit line's "changes the message" part, in the page's order. */
    private static List<String> editOfParts(String html) {
        Matcher editOf = Pattern.compile("(?s)<div class=\"edit-of\">(.*?)</div>").matcher(html);
        List<String> parts = new ArrayList<>();
        while (editOf.find()) {
            parts.add(editOf.group(1).strip());
        }
        return parts;
    }

    /** A line's "changed later" link. */
    private static String laterMark(String html, long id) {
        Matcher mark = Pattern.compile("<a href=\"[^\"]*\" class=\"changed-later\">[^<]*</a>").matcher(line(html, id));
        assertTrue(mark.find(), "line " + id + " says it was changed later");
        return mark.group();
    }

    private static String line(String html, long id) {
        int start = html.indexOf("<li id=\"msg-" + id + "\"");
        assertTrue(start >= 0, "line " + id + " on the page");
        return html.substring(start, html.indexOf("</li>", start));
    }

}
