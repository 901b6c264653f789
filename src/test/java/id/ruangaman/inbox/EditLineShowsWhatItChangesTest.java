package id.ruangaman.inbox;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static id.ruangaman.inbox.InboxFixtures.transcript;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.intake.ReporterErasure;
import id.ruangaman.security.Role;
import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.ChatMessage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An edit line in a case's transcript says which message it changes (Telegram {@code edited_message} with
 * {@code edit_date}, WhatsApp {@code messages[].type} "edit", through the real webhooks): a link to the original line
 * on the page ({@code #msg-<id>}) with its first words, escaped, or for a photo its kind (and caption); an edit of a message the
 * service never saw says so in words; an erased message's words never come back through an edit of it. Before, the
 * edit line showed only its new words and "diubah", and a counsellor could not tell what was corrected. Synthetic
 * chats, numbers and texts.
 */
@QuarkusTest
class EditLineShowsWhatItChangesTest extends WebhookTest {

    private static final String CHRONOLOGY = "Kronologi sintetis untuk baris yang diubah.";
    private static final String CORRECTION = "Tanggal 12 Maret, bukan 13 (sintetis)";

    @Inject
    InboxFixtures fixtures;
    @Inject
    ReporterErasure erasure;

    @Test
    void shouldLinkAnEditToTheLineItChangesWithThatLinesFirstWordsEscaped() {
        long chat = chats.reportedTelegramChat(CHRONOLOGY);
        String ref = chats.referenceOf(chat);
        long messageId = chats.sayTelegram(chat, "Kejadiannya <b>tanggal 13</b> Maret   di\nasrama kampus, sekitar jam sembilan malam (sintetis)");
        long original = lineOf(chat, String.valueOf(messageId));

        chats.editTelegram(chat, messageId, CORRECTION);

        String session = counsellor("edit-line-reader");
        String indonesian = transcript(session, ref, "id");
        String editOf = editOfLine(indonesian);
        assertEquals("Mengubah pesan <a href=\"#msg-" + original + "\" class=\"edit-of-link\">\u201cKejadiannya &lt;b&gt;tanggal 13&lt;/b&gt; "
                + "Maret di asrama kampus,\u2026\u201d</a>", editOf, "a link to the original and its first words, escaped");
        assertTrue(indonesian.contains("<li id=\"msg-" + original + "\""), "the link's target is on the page");
        assertTrue(editOfLine(transcript(session, ref, "en")).startsWith("Changes the message <a href=\"#msg-" + original + "\""),
                "and in English");
    }

    @Test
    void shouldNameAPhotosKindForAnEditOfItsCaption() {
        long chat = chats.reportedTelegramChat(CHRONOLOGY);
        String ref = chats.referenceOf(chat);
        long messageId = TelegramFixtures.nextMessageId();
        telegram.file("file-" + messageId, ("synthetic-photo-" + messageId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        chats.send(TelegramFixtures.render("photo.json", TelegramFixtures.newUpdateId(), chat, messageId, null, null,
                "file-" + messageId, 1000), chat);
        long original = lineOf(chat, String.valueOf(messageId));

        chats.send(TelegramFixtures.render("edited_photo_caption.json", TelegramFixtures.newUpdateId(), chat, messageId, CORRECTION,
                null, "file-" + messageId, 1000), chat);

        String session = counsellor("edit-photo-reader");
        assertEquals("Mengubah pesan <a href=\"#msg-" + original + "\" class=\"edit-of-link\">[Foto: tangkapan layar]</a>",
                editOfLine(transcript(session, ref, "id")));
        assertEquals("Changes the message <a href=\"#msg-" + original + "\" class=\"edit-of-link\">[Photo: tangkapan layar]</a>",
                editOfLine(transcript(session, ref, "en")));
    }

    @Test
    void shouldSayAWhatsAppEditOfAMessageNeverSeenChangesAMessageNotRecordedHere() {
        String number = chats.reportedWhatsAppNumber("Kronologi sintetis WhatsApp.");
        String ref = chats.referenceOf(Channel.WHATSAPP, number);

        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "edit_text.json", CORRECTION, "wamid.NEVER-SEEN-2", null);

        String session = counsellor("edit-unseen-reader");
        String indonesian = transcript(session, ref, "id");
        assertTrue(indonesian.contains(CORRECTION), "the edit is on the case's page");
        assertEquals("Mengubah pesan yang tidak tercatat di sini", editOfLine(indonesian));
        assertEquals("Changes a message not recorded here", editOfLine(transcript(session, ref, "en")));
    }

    @Test
    void shouldKeepNothingOfAnEditOfAMessageErasedBefore() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        long messageId = TelegramFixtures.nextMessageId();
        String erasedWords = "Pesan sintetis yang nanti dihapus atas permintaan";
        chats.send(TelegramFixtures.render("text_message.json", TelegramFixtures.newUpdateId(), chat, messageId, erasedWords,
                null, null, 0), chat);
        long contact = chats.contact(chat).id;
        QuarkusTransaction.requiringNew().run(() -> erasure.eraseOnRequest(contact)); // asked of a coordinator
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        chats.walkTelegram(chat, IntakeWalk.shortVictim(true, "Kronologi sintetis setelah penghapusan.", "no", "psychological"));
        String ref = chats.referenceOf(chat);

        // Telegram's edited_message.date is the original's send time: text_message.json's, before the erasure
        chats.send(TelegramFixtures.editOfLineSentAt(TelegramFixtures.newUpdateId(), chat, messageId, CORRECTION,
                java.time.Instant.ofEpochSecond(1763800000)), chat);

        String session = counsellor("edit-erased-reader");
        String indonesian = transcript(session, ref, "id");
        assertFalse(indonesian.contains("nanti dihapus"), "nothing of the erased message");
        assertFalse(indonesian.contains(CORRECTION), "nor of its edit: the person may be scrubbing their phone");
        assertFalse(indonesian.contains("class=\"edit-of\""), "no edit line");
        assertTrue(chats.transcript(chat).stream().noneMatch(m -> "edit".equals(m.kind)), "no edit line stored");
    }

    /**
     * Part 1 and 2 of a correction (Telegram {@code edited_message} of the story line typed during the intake, after the
     * report): before the counsellor verified the chronology, the case page's answer says the new words, marked
     * "Diubah pelapor" with when, the words sent kept in a details element, struck through; the intake form print says
     * the same. The report itself keeps the words sent, the correction is stored encrypted, and the survivor gets no
     * message for the edit. Before, the case page and the print still said only the old words.
     */
    @Test
    void shouldShowACorrectionMadeBeforeVerificationAsTheAnswerKeepingTheWordsSent() {
        long chat = chats.reportedTelegramChat(CHRONOLOGY);
        String ref = chats.referenceOf(chat);
        ChatMessage typed = typedLine(chats.transcript(chat), CHRONOLOGY);
        int sent = telegram.sentTo(chat).size();

        chats.editTelegram(chat, Long.parseLong(typed.providerMessage), CORRECTION);

        assertEquals(sent, telegram.sentTo(chat).size(), "no message to the survivor for an edit");
        String session = counsellor("correction-before-reader");
        String chronology = answerOf(casePage(session, ref), CHRONOLOGY);
        assertTrue(chronology.contains("<span class=\"pre\">" + CORRECTION + "</span>"), "the answer says the new words: " + chronology);
        assertTrue(chronology.matches("(?s).*<span class=\"corrected\"[^>]*>Diubah pelapor [^<]+</span>.*"), chronology);
        assertTrue(chronology.contains("<details class=\"reported\"><summary>Jawaban semula</summary><s class=\"pre\">" + CHRONOLOGY
                + "</s></details>"), "the words sent, kept: " + chronology);
        String print = getAs(session).when().get("/inbox/cases/" + ref + "/print/intake-form").then().statusCode(200).extract().asString();
        assertTrue(print.contains(CORRECTION) && print.contains("Diubah pelapor") && print.contains("Jawaban semula: <s>" + CHRONOLOGY + "</s>"),
                "the intake form print shows the correction: " + print);
        assertEquals(List.of(CORRECTION), storedCorrections(ref), "one correction kept");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> intakes.findByReferenceCode(ref).orElseThrow().answers)
                .contains(CHRONOLOGY), "the report keeps the words sent");
        assertFalse(new String(QuarkusTransaction.requiringNew().call(() -> (byte[]) em.createNativeQuery(
                "select c.body from answer_correction c join intake i on i.id = c.intake_id where i.reference_code = ?1")
                .setParameter(1, ref).getSingleResult()), java.nio.charset.StandardCharsets.ISO_8859_1).contains("12 Maret"),
                "the new words are stored encrypted");
    }

    /**
     * After the counsellor ticked the chronology on the checklist (the verification of that part), a WhatsApp
     * {@code edit} of the story line is shown beside the verified text, escaped, with when and the words it would
     * replace, and never replaces it: on the case page and on the intake form print. An edit of a line of the case's
     * thread, which made no answer, is no correction. Before, nothing on the case page or the print said the pelapor
     * corrected the verified chronology.
     */
    @Test
    void shouldShowAWhatsAppCorrectionMadeAfterVerificationBesideTheVerifiedText() {
        String number = chats.reportedWhatsAppNumber(CHRONOLOGY);
        String ref = chats.referenceOf(Channel.WHATSAPP, number);
        ChatMessage typed = typedLine(chats.transcript(Channel.WHATSAPP, number), CHRONOLOGY);
        String session = counsellor("correction-after-reader");
        InboxFixtures.as(session).formParam("component", "chronology").formParam("checked", "true").when()
                .post("/inbox/cases/" + ref + "/checks").then().statusCode(303);
        String threadLine = WhatsAppFixtures.newWamid();
        chats.sayWhatsApp(number, threadLine, "text.json", "Pesan lanjutan sintetis", null, null);
        int sent = graph.sentTo(number).size();

        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "edit_text.json", "Tanggal <b>12</b> Maret (sintetis)",
                typed.providerMessage, null);
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "edit_text.json", "Pesan lanjutan yang diubah", threadLine, null);

        assertEquals(sent, graph.sentTo(number).size(), "no message to the survivor for an edit");
        assertEquals(List.of("Tanggal <b>12</b> Maret (sintetis)"), storedCorrections(ref), "the thread line's edit is no correction");
        String chronology = answerOf(casePage(session, ref), CHRONOLOGY);
        assertTrue(chronology.startsWith("<span class=\"pre\">" + CHRONOLOGY + "</span>"), "the verified text stays: " + chronology);
        assertFalse(chronology.contains("Diubah pelapor"), chronology);
        assertTrue(chronology.matches("(?s).*<div class=\"correction-beside\" id=\"correction-[0-9]+\"><span class=\"who\">"
                + "Koreksi pelapor [^<]+, setelah diverifikasi:</span> <span class=\"pre\">Tanggal &lt;b&gt;12&lt;/b&gt; Maret \\(sintetis\\)"
                + "</span> <span class=\"hint\">menggantikan \u201c" + java.util.regex.Pattern.quote(CHRONOLOGY) + "\u201d</span>.*"),
                "the correction beside it, escaped: " + chronology);
        String print = getAs(session).when().get("/inbox/cases/" + ref + "/print/intake-form").then().statusCode(200).extract().asString();
        assertTrue(print.contains("Koreksi pelapor") && print.contains("Tanggal &lt;b&gt;12&lt;/b&gt; Maret (sintetis)")
                && print.contains(CHRONOLOGY), "the print shows the verified text and the correction beside it: " + print);
    }

    @Inject
    id.ruangaman.intake.IntakeRepository intakes;
    @Inject
    jakarta.persistence.EntityManager em;

    /** The words of the corrections kept for the case, oldest first. */
    private List<String> storedCorrections(String ref) {
        return QuarkusTransaction.requiringNew().call(() -> corrections.ofCase(intakes.findByReferenceCode(ref).orElseThrow().id)
                .stream().map(c -> c.body).toList());
    }

    @Inject
    id.ruangaman.intake.AnswerCorrectionRepository corrections;

    private static ChatMessage typedLine(List<ChatMessage> transcript, String words) {
        return transcript.stream().filter(m -> m.direction == ChatMessage.Direction.IN && m.body != null && m.body.contains(words)
                && !"edit".equals(m.kind)).findFirst().orElseThrow();
    }

    private static String casePage(String session, String ref) {
        return getAs(session).cookie("ruangaman-lang", "id").when().get("/inbox/cases/" + ref).then().statusCode(200).extract()
                .asString();
    }

    /** The inner HTML of the answer of the case page's report (its {@code #intake} section) that holds {@code words}. */
    private static String answerOf(String page, String words) {
        int from = page.indexOf("<section class=\"intake\" id=\"intake\">");
        assertTrue(from >= 0, "no report section in " + page);
        Matcher answer = Pattern.compile("(?s)<dd>(.*?)</dd>").matcher(page.substring(from, page.indexOf("</section>", from)));
        while (answer.find()) {
            if (answer.group(1).contains(words)) {
                return answer.group(1).strip();
            }
        }
        throw new AssertionError("no answer with " + words + " in " + page);
    }

    /** The inner HTML of the (one) edit line's "changes the message" part, on one line. */
    private static String editOfLine(String html) {
        Matcher editOf = Pattern.compile("(?s)<div class=\"edit-of\">(.*?)</div>").matcher(html);
        assertTrue(editOf.find(), "no edit-of part in " + html);
        String found = editOf.group(1).strip();
        assertFalse(editOf.find(), "one edit line");
        return found;
    }

    private long lineOf(long chat, String providerMessage) {
        return chats.transcript(chat).stream().filter(m -> providerMessage.equals(m.providerMessage) && !"edit".equals(m.kind))
                .findFirst().orElseThrow().id;
    }

    private String counsellor(String username) {
        fixtures.account(username, Role.COUNSELLOR);
        return InboxFixtures.login(username);
    }

}
