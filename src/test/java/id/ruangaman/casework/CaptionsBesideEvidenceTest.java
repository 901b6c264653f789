package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Role;
import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import id.ruangaman.transcript.Channel;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Files sent at the evidence question each with its own caption (Telegram {@code caption}, WhatsApp
 * {@code image.caption}, through the real webhooks), and a note typed on its own: the case page shows each caption right
 * beside its own file ("Bukti 2 · Dokumen · Buka — “…”"), the printed intake form and the printed verified report beside
 * its "[Bukti n]"; the typed note stays with the answer's words. Before, the pages listed all the words, then all the
 * files, so a counsellor could not tell which caption described which file. Synthetic chats, files and words.
 */
@QuarkusTest
class CaptionsBesideEvidenceTest extends WebhookTest {

    private static final String STORY = "Kronologi sintetis dengan bukti berkas.";
    private static final String PHOTO_CAPTION = "foto memar di lengan (sintetis)";
    private static final String DOCUMENT_CAPTION = "ini chat dia tanggal 3 (sintetis)";
    private static final String NOTE = "catatan sendiri: kejadian di kos (sintetis)";

    @Inject
    InboxFixtures fixtures;

    @Test
    void shouldShowEachTelegramCaptionBesideItsOwnFileOnTheCasePageAndThePrints() {
        long chat = TelegramFixtures.newChatId();
        telegram.file("tg-photo-" + chat, "synthetic-photo".getBytes(StandardCharsets.UTF_8));
        telegram.file("tg-doc-" + chat, "synthetic-document".getBytes(StandardCharsets.UTF_8));
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        List<String> steps = new ArrayList<>(stepValues(IntakeWalk.shortVictim(true, STORY, "yes", "psychological")));
        int evidence = steps.indexOf("evidence:skip");
        chats.walkTelegram(chat, IntakeWalk.of(steps.subList(0, evidence).toArray(String[]::new)));
        chats.send(TelegramFixtures.render("photo.json", TelegramFixtures.newUpdateId(), chat, TelegramFixtures.nextMessageId(), null, null,
                "tg-photo-" + chat, 5000).replace("\"caption\": \"tangkapan layar\"", "\"caption\": \"" + PHOTO_CAPTION + "\""), chat);
        chats.send(TelegramFixtures.text(chat, NOTE), chat);
        chats.send(TelegramFixtures.render("document.json", TelegramFixtures.newUpdateId(), chat, TelegramFixtures.nextMessageId(), null,
                null, "tg-doc-" + chat, 5000).replace("}}}", "}, \"caption\": \"" + DOCUMENT_CAPTION + "\"}}"), chat);
        steps.set(evidence, "evidence:done");
        chats.walkTelegram(chat, IntakeWalk.of(steps.subList(evidence, steps.size()).toArray(String[]::new)));
        String ref = chats.referenceOf(chat);
        String session = counsellor("captions-tg-reader");
        CaseworkSteps casework = new CaseworkSteps(session, ref);
        assertEquals(303, casework.status("in_verification"));
        casework.verify(); // the verified report prints once the report is verified

        String page = answers(page(session, "/inbox/cases/" + ref, "id"));
        assertTrue(page.contains("Bukti 1 · Foto · buka foto (tercatat di log audit) \u2014 \u201c" + PHOTO_CAPTION + "\u201d"), page);
        assertTrue(page.contains("Bukti 2 · Dokumen · unduh (tercatat di log audit) \u2014 \u201c" + DOCUMENT_CAPTION + "\u201d"), page);
        assertTrue(page.contains(NOTE), "the typed note is still shown: " + page);
        assertEquals(1, count(page, PHOTO_CAPTION), "each caption once, beside its file, not again among the notes: " + page);
        assertEquals(1, count(page, DOCUMENT_CAPTION), page);
        assertFalse(page.contains("\u2014 \u201c" + NOTE), "the typed note sits beside no file: " + page);
        String english = answers(page(session, "/inbox/cases/" + ref, "en"));
        assertTrue(english.contains("Evidence 2 · Document · download (recorded in the audit log) \u2014 \u201c" + DOCUMENT_CAPTION
                + "\u201d"), english);

        for (String print : new String[] { "/print/intake-form", "/print/verified-report" }) {
            String text = CaseworkPrintTest.visibleText(page(session, "/inbox/cases/" + ref + print, "id"));
            assertTrue(text.contains(NOTE + " [Bukti 1] \u2014 \u201c" + PHOTO_CAPTION + "\u201d [Bukti 2] \u2014 \u201c"
                    + DOCUMENT_CAPTION + "\u201d"), print + ": " + text);
            assertEquals(1, count(text, PHOTO_CAPTION), print + ": each caption once: " + text);
        }
    }

    /**
     * WhatsApp: a photo with a caption ({@code image.caption}) and a document without one; the caption is shown beside
     * the photo's number only, and the document's line has none.
     */
    @Test
    void shouldShowAWhatsAppCaptionBesideItsPhotoAndNoneBesideTheUncaptionedDocument() {
        String number = WhatsAppFixtures.newNumber();
        graph.media("wa-photo-" + number, "synthetic-photo".getBytes(StandardCharsets.UTF_8));
        graph.media("wa-doc-" + number, "synthetic-document".getBytes(StandardCharsets.UTF_8));
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "halo", null, null);
        List<String> steps = new ArrayList<>(stepValues(IntakeWalk.shortVictim(true, STORY, "yes", "psychological")));
        int evidence = steps.indexOf("evidence:skip");
        chats.walkWhatsApp(number, IntakeWalk.of(steps.subList(0, evidence).toArray(String[]::new)), WhatsAppFixtures::newWamid);
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "document.json", null, null, "wa-doc-" + number);
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "image.json", null, null, "wa-photo-" + number); // caption "tangkapan layar"
        steps.set(evidence, "evidence:done");
        chats.walkWhatsApp(number, IntakeWalk.of(steps.subList(evidence, steps.size()).toArray(String[]::new)), WhatsAppFixtures::newWamid);
        String ref = chats.referenceOf(Channel.WHATSAPP, number);
        String session = counsellor("captions-wa-reader");

        String html = page(session, "/inbox/cases/" + ref, "id");
        Matcher files = Pattern.compile("(Bukti \\d) · [^<]*</a>(\\s*<span class=\"evidence-caption\">([^<]*)</span>)?").matcher(html);
        List<String> shown = new ArrayList<>();
        while (files.find()) {
            shown.add(files.group(1) + (files.group(3) == null ? "" : " " + files.group(3)));
        }
        assertEquals(List.of("Bukti 1", "Bukti 2 \u2014 \u201ctangkapan layar\u201d"), shown, "the caption beside the photo only");

        String print = CaseworkPrintTest.visibleText(page(session, "/inbox/cases/" + ref + "/print/intake-form", "id"));
        assertTrue(print.contains("[Bukti 1] [Bukti 2] \u2014 \u201ctangkapan layar\u201d"), print);
    }

    /** The steps of a walk as {@link IntakeWalk#of} reads them again (taps as {@code node:option}, texts as typed). */
    private static List<String> stepValues(IntakeWalk walk) {
        return walk.steps().stream().map(IntakeWalk.Step::value).toList();
    }

    /** The visible text of the case page's answers (its intake section: not the chat transcript, which quotes captions too). */
    private static String answers(String html) {
        Matcher section = Pattern.compile("(?s)<section class=\"intake\" id=\"intake\">.*?</section>").matcher(html);
        assertTrue(section.find(), "the case page shows the answers");
        return CaseworkPrintTest.visibleText(section.group());
    }

    private static int count(String text, String words) {
        return text.split(Pattern.quote(words), -1).length - 1;
    }

    private static String page(String session, String path, String language) {
        return getAs(session).cookie("ruangaman-lang", language).when().get(path).then().statusCode(200).extract().asString();
    }

    private String counsellor(String username) {
        fixtures.account(username, Role.COUNSELLOR);
        return InboxFixtures.login(username);
    }
}
