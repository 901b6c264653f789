package id.ruangaman.inbox;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static id.ruangaman.inbox.InboxFixtures.transcript;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * A WhatsApp message the survivor deleted for everyone (Graph API messages webhook, {@code type} "revoke" naming the
 * original wamid, through the real webhook): the deletion's line says "Menghapus pesan / Deleted the message" with a
 * link to the line it deletes, as an edit line links to the line it changes; the deleted line says it was deleted by
 * the sender, with a link to the deletion; and the words are gone: from the line, from an edit of it, from every page
 * of the inbox and from the stored rows. Before, the deletion's line quoted the deleted words back, and the original
 * line kept showing them. Synthetic numbers and texts.
 */
@QuarkusTest
class DeletedForEveryoneTest {

    private static final String WORDS = "Nama pelakunya Budi Sintetis dari kelas B";
    private static final String EDITED = "Nama pelakunya Budi Sintetis dari kelas C";

    @Inject
    TelegramChats chats;
    @Inject
    InboxFixtures fixtures;

    @Test
    void shouldSayTheMessageWasDeletedAndShowItsWordsNowhere() {
        String number = chats.reportedWhatsAppNumber("Kronologi sintetis WhatsApp untuk pesan yang dihapus.");
        String ref = chats.referenceOf(Channel.WHATSAPP, number);
        String original = WhatsAppFixtures.newWamid();
        chats.sayWhatsApp(number, original, "text.json", WORDS, null, null);
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "edit_text.json", EDITED, original, null);
        fixtures.account("deleted-reader", Role.COUNSELLOR);
        String session = InboxFixtures.login("deleted-reader");
        assertTrue(transcript(session, ref, "id").contains(EDITED), "the words are on the page before the deletion");

        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "revoke.json", null, original, null);

        List<ChatMessage> lines = chats.transcript(Channel.WHATSAPP, number);
        ChatMessage first = lines.stream().filter(m -> original.equals(m.providerMessage) && !"edit".equals(m.kind)).findFirst().orElseThrow();
        List<ChatMessage> changes = lines.stream().filter(m -> first.id.equals(m.editOf)).toList();
        assertEquals(2, changes.size(), "the edit and the deletion");
        ChatMessage edit = changes.get(0);
        ChatMessage deletion = changes.get(1);
        assertNull(first.body, "the deleted message's words are not kept");
        assertNull(edit.body, "nor the words it was edited into");
        assertTrue(deletion.body.contains("revoke"), "the deletion is kept as what it is: " + deletion.body);

        String indonesian = transcript(session, ref, "id");
        String english = transcript(session, ref, "en");
        String casePage = getAs(session).cookie("ruangaman-lang", "id").when().get("/inbox/cases/" + ref).then().statusCode(200)
                .extract().asString();
        for (String page : List.of(indonesian, english, casePage)) {
            assertFalse(page.contains("Budi Sintetis"), "nothing of the deleted words on any page");
        }
        String deleted = deletionPart(indonesian);
        assertTrue(deleted.startsWith("Menghapus pesan <a href=\"#msg-" + edit.id + "\" class=\"edit-of-link\">"),
                "the deletion links to the version it deletes: " + deleted);
        assertTrue(deletionPart(english).startsWith("Deleted the message <a href=\"#msg-" + edit.id + "\""), deletionPart(english));
        assertTrue(line(indonesian, edit.id).contains("<a href=\"#msg-" + deletion.id + "\" class=\"changed-later\">dihapus pengirim</a>"),
                "the deleted line says so, with a link to the deletion");
        assertTrue(line(english, edit.id).contains("class=\"changed-later\">deleted by the sender</a>"));
        assertTrue(line(indonesian, first.id).contains("(dihapus)"), "the original's words as erased");
        assertFalse(line(indonesian, deletion.id).contains("Pengirim menghapus pesan ini"), "said once, not twice");
    }

    @Test
    void shouldSayADeletionOfAMessageNeverSeenDeletesAMessageNotRecordedHere() {
        String number = chats.reportedWhatsAppNumber("Kronologi sintetis WhatsApp untuk pesan tak tercatat.");
        String ref = chats.referenceOf(Channel.WHATSAPP, number);

        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "revoke.json", null, "wamid.NEVER-SEEN-3", null);

        fixtures.account("deleted-unseen-reader", Role.COUNSELLOR);
        String session = InboxFixtures.login("deleted-unseen-reader");
        assertEquals("Menghapus pesan yang tidak tercatat di sini", deletionPart(transcript(session, ref, "id")));
        assertEquals("Deleted a message not recorded here", deletionPart(transcript(session, ref, "en")));
    }

    /** The inner HTML of the (one) deletion line's "deleted the message" part. */
    private static String deletionPart(String html) {
        Matcher part = Pattern.compile("(?s)<div class=\"edit-of\">((?:Menghapus|Deleted).*?)</div>").matcher(html);
        assertTrue(part.find(), "no deletion line in " + html);
        return part.group(1).strip();
    }

    private static String line(String html, long id) {
        int start = html.indexOf("<li id=\"msg-" + id + "\"");
        assertTrue(start >= 0, "line " + id + " on the page");
        return html.substring(start, html.indexOf("</li>", start));
    }

}
