package id.ruangaman.inbox;

import static id.ruangaman.inbox.InboxFixtures.as;
import static id.ruangaman.inbox.InboxFixtures.transcript;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.security.Role;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.FakeGraph;
import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.ChatMessage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A survivor's line sent as a reply to an earlier message (WhatsApp {@code messages[].context.id}, Telegram
 * {@code message.reply_to_message}, through the real webhooks) says in the case's transcript which message it answers:
 * a link to that line ({@code #msg-<id>}) with its first words, a counsellor's question or the survivor's own earlier
 * line; a reply to a message not in the transcript says so in words. Before, a "bisa kak" swiped onto a counsellor's
 * question of two days earlier showed only "bisa kak", and the counsellor could not tell which question it answered.
 * Synthetic chats, numbers and texts.
 */
@QuarkusTest
class QuotedLineInTranscriptTest extends WebhookTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    InboxFixtures fixtures;
    @Inject
    jakarta.persistence.EntityManager em;

    @Test
    void shouldLinkAWhatsAppReplyToTheCounsellorsMessageItQuotes() {
        String number = chats.reportedWhatsAppNumber("Kronologi sintetis untuk balasan yang mengutip.");
        String ref = chats.referenceOf(Channel.WHATSAPP, number);
        String session = counsellor("quote-wa-reader");
        FakeGraph.Sent sent = counsellorWrites(session, ref, number, "Apakah kamu bisa datang hari Kamis jam 10? (sintetis)");
        long counsellorLine = counsellorLine(number);

        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "reply_text.json", "bisa kak", sent.wamid(), null);

        assertEquals("Membalas <a href=\"#msg-" + counsellorLine + "\" class=\"quote-of-link\">Konselor Satgas: Apakah kamu bisa "
                + "datang hari Kamis jam 10?\u2026</a>", quoteOf(transcript(session, ref, "id"), "bisa kak"),
                "a link to the counsellor's line and its first words, as the line shows them");
        assertTrue(quoteOf(transcript(session, ref, "en"), "bisa kak").startsWith("Replies to <a href=\"#msg-" + counsellorLine + "\""));
    }

    /** A photo sent as a reply to the counsellor's "boleh kirim buktinya?" names that message too, as a typed line does. */
    @Test
    void shouldLinkAWhatsAppPhotoSentAsAReplyToTheMessageItQuotes() {
        String number = chats.reportedWhatsAppNumber("Kronologi sintetis untuk foto yang membalas.");
        String ref = chats.referenceOf(Channel.WHATSAPP, number);
        String session = counsellor("quote-photo-reader");
        FakeGraph.Sent sent = counsellorWrites(session, ref, number, "Boleh kirim buktinya ke sini? (sintetis)");
        long counsellorLine = counsellorLine(number);
        String wamid = WhatsAppFixtures.newWamid();
        graph.media("synthetic-quoted-" + wamid, "synthetic-photo".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String photo = WhatsAppFixtures.message("image.json", number, wamid, null, null, "synthetic-quoted-" + wamid)
                .replace("\"type\": \"image\"", "\"type\": \"image\", \"context\": {\"from\": \"15550000000\", \"id\": \""
                        + sent.wamid() + "\"}");

        chats.sendWhatsApp(WhatsAppFixtures.payload(number, java.util.List.of(photo)), wamid, number);

        assertTrue(quoteOf(transcript(session, ref, "id"), "[Foto").startsWith("Membalas <a href=\"#msg-" + counsellorLine + "\""),
                "the photo's line links to the counsellor's question");
    }

    @Test
    void shouldLinkATelegramReplyToTheSurvivorsOwnEarlierLineInQuotes() {
        long chat = chats.reportedTelegramChat("Kronologi sintetis Telegram untuk balasan.");
        String ref = chats.referenceOf(chat);
        long earlier = chats.sayTelegram(chat, "Aku lupa bilang, kejadiannya di <b>parkiran</b> belakang gedung (sintetis)");
        long earlierLine = chats.transcript(chat).stream().filter(m -> String.valueOf(earlier).equals(m.providerMessage))
                .findFirst().orElseThrow().id;

        chats.send(TelegramFixtures.render("reply_message.json", TelegramFixtures.newUpdateId(), chat, TelegramFixtures.nextMessageId(),
                "yang ini maksudnya parkiran motor", String.valueOf(earlier), null, 0), chat);

        String session = counsellor("quote-tg-reader");
        assertEquals("Membalas <a href=\"#msg-" + earlierLine + "\" class=\"quote-of-link\">\u201cAku lupa bilang, kejadiannya di "
                + "&lt;b&gt;parkiran&lt;/b&gt; belakang\u2026\u201d</a>", quoteOf(transcript(session, ref, "id"), "parkiran motor"),
                "the quoted line's first words, escaped, in quotes");
    }

    /**
     * A reply quoting one of the bot's questions names the question by its words, not by the progress line above it
     * ("Langkah 3 dari 9", which used most of the excerpt before: session 55's noticed list).
     */
    @Test
    void shouldNameAQuotedQuestionByItsWordsWithoutTheProgressLine() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        chats.walkTelegram(chat, IntakeWalk.of("language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes"));
        int question = telegram.lastMessageIdMatching(chat, Pattern.compile("Kejadian ini dialami siapa"));
        // the rest of the short report, past the four questions already answered
        String[] rest = IntakeWalk.shortVictim(true, "Kronologi sintetis, kutipan pertanyaan.", "no", "psychological").steps().stream()
                .skip(4).map(IntakeWalk.Step::value).toArray(String[]::new);
        chats.walkTelegram(chat, IntakeWalk.of(rest));
        String ref = chats.referenceOf(chat);

        chats.send(TelegramFixtures.render("reply_message.json", TelegramFixtures.newUpdateId(), chat, TelegramFixtures.nextMessageId(),
                "maksudku aku korbannya sendiri", String.valueOf(question), null, 0), chat);

        String quote = quoteOf(transcript(counsellor("quote-question-reader"), ref, "id"), "maksudku aku korbannya");
        assertTrue(quote.matches("(?s)Membalas <a href=\"#msg-\\d+\" class=\"quote-of-link\">Kejadian ini dialami siapa\\?.*</a>"), quote);
    }

    @Test
    void shouldShowAReplyToAMessageTheServiceNeverSawAsAPlainLine() {
        String number = chats.reportedWhatsAppNumber("Kronologi sintetis, kutipan yang tidak tercatat.");
        String ref = chats.referenceOf(Channel.WHATSAPP, number);

        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "reply_text.json", "ini juga kak", "wamid.NEVER-SEEN-QUOTE", null);

        String session = counsellor("quote-unseen-reader");
        String page = transcript(session, ref, "id");
        assertTrue(page.contains("ini juga kak"), "the line is on the case's page");
        assertEquals(0, count(page, "class=\"edit-of quote-of\""), "a message the service never saw is no quote: " + page);
    }

    /**
     * A quote of a message the person edited shows its words as edited, as their phone showed them when they quoted it
     * (tester, session 55: the first version was shown), not an edit that came after the quote, and still links to the
     * message.
     */
    @Test
    void shouldShowAQuotedEditedMessageAsEdited() {
        String number = chats.reportedWhatsAppNumber("Kronologi sintetis, pesan yang diubah lalu dikutip.");
        String ref = chats.referenceOf(Channel.WHATSAPP, number);
        String original = WhatsAppFixtures.newWamid();
        chats.sayWhatsApp(number, original, "text.json", "Kamarnya nomor 12 (sintetis)", null, null);
        long originalLine = chats.transcript(Channel.WHATSAPP, number).stream()
                .filter(m -> m.body != null && m.body.contains("nomor 12")).findFirst().orElseThrow().id;
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "edit_text.json", "Kamarnya nomor 21 (sintetis)", original, null);

        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "reply_text.json", "maksudnya yang ini", original, null);
        // an edit after the quote is not what the person quoted
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "edit_text.json", "Kamarnya nomor 31 (sintetis)", original, null);

        assertEquals("Membalas <a href=\"#msg-" + originalLine + "\" class=\"quote-of-link\">\u201cKamarnya nomor 21 (sintetis)\u201d</a>",
                quoteOf(transcript(counsellor("quote-edited-reader"), ref, "id"), "maksudnya yang ini"));
    }

    /**
     * The same person's second report: a line of the first report's thread quoted after the second report is a reply in
     * the first report's thread, filed there with a link to the line it quotes; the second report's transcript does not
     * hold it. (Until session 57 it was filed under the second report, saying it replied to a message not in that
     * transcript.)
     */
    @Test
    void shouldFileAReplyToALineOfAnEarlierReportUnderThatReport() {
        long chat = chats.reportedTelegramChat("Kronologi sintetis laporan pertama.");
        long first = chats.sayTelegram(chat, "Baris sintetis di thread laporan pertama");
        chats.send(TelegramFixtures.button(chat, "_thread:new"), chat);
        chats.walkTelegram(chat, IntakeWalk.shortVictim(true, "Kronologi sintetis laporan kedua.", "no", "psychological"));
        String second = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select reference_code from intake where contact_id = ?1 order by id desc limit 1")
                .setParameter(1, chats.contact(chat).id).getSingleResult());

        chats.send(TelegramFixtures.render("reply_message.json", TelegramFixtures.newUpdateId(), chat, TelegramFixtures.nextMessageId(),
                "balasan sintetis ke baris lama", String.valueOf(first), null, 0), chat);

        String session = counsellor("quote-other-reader");
        String firstRef = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select reference_code from intake where contact_id = ?1 order by id limit 1")
                .setParameter(1, chats.contact(chat).id).getSingleResult());
        assertTrue(quoteOf(transcript(session, firstRef, "id"), "balasan sintetis ke baris lama")
                .contains("\u201cBaris sintetis di thread laporan pertama\u201d"), "in the first report, linked to the line it quotes");
        String page = transcript(session, second, "id");
        assertFalse(page.contains("balasan sintetis ke baris lama"), "not in the second report");
        assertFalse(page.contains("thread laporan pertama"), "nothing of the other report's line");
    }

    /** The counsellor's reply from the case page, once the fake Graph API has it: what it sent (its wamid). */
    /**
     * A survivor with two reports in one chat answers the counsellor of the first by quoting the counsellor's question
     * (WhatsApp {@code context.id}): the answer is filed under the first report, where that counsellor reads it, with the
     * service's acknowledgement; the second report, the one the chat is on now, does not get it. A line that quotes
     * nothing still goes to the second. Before, every line went to the report the chat was on, so the first report's
     * counsellor never saw the answer to their question.
     */
    @Test
    void shouldFileAReplyToAnEarlierReportsQuestionUnderThatReport() {
        String number = chats.reportedWhatsAppNumber("Kronologi sintetis laporan pertama.");
        String first = chats.referenceOf(Channel.WHATSAPP, number);
        long contactId = chats.contact(Channel.WHATSAPP, number).id;
        String session = counsellor("quote-first-report");
        FakeGraph.Sent asked = counsellorWrites(session, first, number, "Apakah kamu bisa datang hari Kamis jam 10? (sintetis)");
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "/mulai", null, null);
        chats.tapWhatsApp(number, WhatsAppFixtures.newWamid(), "_new:new");
        chats.walkWhatsApp(number, IntakeWalk.shortVictim(true, "Kronologi sintetis laporan kedua.", "no", "psychological").withoutLanguage(),
                WhatsAppFixtures::newWamid);
        String second = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select reference_code from intake where contact_id = ?1 order by id desc limit 1").setParameter(1, contactId).getSingleResult());
        assertFalse(first.equals(second), "a second report");

        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "reply_text.json", "bisa kak hari Kamis", asked.wamid(), null);
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "satu hal lagi untuk laporan kedua", null, null);

        String firstLines = transcript(session, first, "id");
        String secondLines = transcript(session, second, "id");
        assertTrue(firstLines.contains("bisa kak hari Kamis"), "the answer is in the report whose question it answers");
        assertFalse(secondLines.contains("bisa kak hari Kamis"), "and not in the report the chat is on now");
        assertTrue(secondLines.contains("satu hal lagi untuk laporan kedua"), "a line quoting nothing goes to the chat's report");
        assertFalse(firstLines.contains("satu hal lagi untuk laporan kedua"));
        assertTrue(quoteOf(firstLines, "bisa kak hari Kamis").startsWith("Membalas <a href=\"#msg-"), "linked to the question it quotes");
    }

    private FakeGraph.Sent counsellorWrites(String session, String ref, String number, String words) {
        as(session).formParam("text", words).when().post("/inbox/cases/" + ref + "/reply").then().statusCode(303);
        Eventually.await("reply delivered", WAIT, () -> graph.sentTo(number).stream().anyMatch(s -> s.text().contains(words)));
        return graph.sentTo(number).stream().filter(s -> s.text().contains(words)).findFirst().orElseThrow();
    }

    /** The transcript line of the (one) counsellor's reply to a WhatsApp number. */
    private long counsellorLine(String number) {
        return chats.transcript(Channel.WHATSAPP, number).stream()
                .filter(m -> m.direction == ChatMessage.Direction.OUT && m.authorAccountId != null).findFirst().orElseThrow().id;
    }

    private String counsellor(String username) {
        fixtures.account(username, Role.COUNSELLOR);
        return InboxFixtures.login(username);
    }


    /** The inner HTML of the "replies to" part of the line that shows {@code words}, on one line. */
    private static String quoteOf(String html, String words) {
        Matcher line = Pattern.compile("(?s)<li id=\"msg-[0-9]+\"(.*?)</li>").matcher(html);
        while (line.find()) {
            if (line.group(1).contains(words)) {
                Matcher quote = Pattern.compile("(?s)<div class=\"edit-of quote-of\">(.*?)</div>").matcher(line.group(1));
                assertTrue(quote.find(), "no replies-to part in " + line.group(1));
                return quote.group(1).strip();
            }
        }
        throw new AssertionError("no line with " + words + " in " + html);
    }

    private static int count(String html, String part) {
        return html.split(Pattern.quote(part), -1).length - 1;
    }
}
