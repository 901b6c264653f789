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

import id.ruangaman.security.Role;
import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import id.ruangaman.transcript.Channel;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A message the survivor forwarded from another chat (WhatsApp {@code messages[].context.forwarded} or
 * {@code frequently_forwarded}, Telegram {@code message.forward_origin}, through the real webhooks), such as the
 * terlapor's threat passed on as evidence, is marked as forwarded: in the case's transcript, and in the story where it
 * was kept as a line of it ("Diteruskan dari chat lain: “…”"). Before, the terlapor's words sat in the story and the
 * transcript as if the survivor had written them. Synthetic chats, numbers and texts.
 */
@QuarkusTest
class ForwardedLinesTest extends WebhookTest {

    private static final String OWN = "Dia terus mengirim pesan seperti ini sejak bulan lalu (sintetis).";

    @Inject
    InboxFixtures fixtures;

    @Test
    void shouldMarkAWhatsAppForwardedMessageInTheStoryAndTheTranscript() {
        String forwarded = "Awas kalau kamu cerita ke siapa-siapa (pesan sintetis yang diteruskan)";
        String number = WhatsAppFixtures.newNumber();
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "halo", null, null);
        List<String> steps = stepValues(IntakeWalk.shortVictim(true, OWN, "no", "psychological"));
        int story = steps.indexOf(OWN);
        chats.walkWhatsApp(number, IntakeWalk.of(steps.subList(0, story).toArray(String[]::new)), WhatsAppFixtures::newWamid);
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "forwarded_text.json", forwarded, null, null);
        chats.walkWhatsApp(number, IntakeWalk.of(steps.subList(story, steps.size()).toArray(String[]::new)), WhatsAppFixtures::newWamid);
        String ref = chats.referenceOf(Channel.WHATSAPP, number);
        String session = counsellor("forwarded-wa-reader");

        String page = casePage(session, ref, "id");
        assertTrue(page.contains("Diteruskan dari chat lain: \u201c" + forwarded + "\u201d"), "the forwarded line marked in the story");
        assertTrue(page.contains(OWN) && !page.contains("Diteruskan dari chat lain: \u201c" + OWN), "the survivor's own line unmarked");
        assertTrue(casePage(session, ref, "en").contains("Forwarded from another chat: \u201c" + forwarded + "\u201d"));

        String lines = transcript(session, ref, "id");
        assertTrue(marked(lines, forwarded), "the transcript marks the forwarded line");
        assertFalse(marked(lines, OWN), "and not the survivor's own");
        assertTrue(marked(transcript(session, ref, "en"), forwarded, "Forwarded from another chat"));
    }

    /**
     * A photo the survivor forwarded from another chat without a caption, sent as evidence beside a photo of their own
     * (WhatsApp {@code context.forwarded}, through the real webhook): the case page marks the forwarded file beside its
     * link, and the intake form's print says "Bukti 1, diteruskan dari chat lain"; the survivor's own file is unmarked.
     * Before, only a caption carried the mark, so a forwarded photo without one looked like the survivor's own.
     */
    @Test
    void shouldMarkAForwardedFileWithoutACaptionOnTheCasePageAndThePrint() {
        String number = WhatsAppFixtures.newNumber();
        graph.media("fwd-photo-" + number, "synthetic-forwarded-image".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        graph.media("own-photo-" + number, "synthetic-own-image".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "halo", null, null);
        List<String> steps = new java.util.ArrayList<>(stepValues(IntakeWalk.shortVictim(true, OWN, "yes", "psychological")));
        int evidence = steps.indexOf("evidence:skip");
        chats.walkWhatsApp(number, IntakeWalk.of(steps.subList(0, evidence).toArray(String[]::new)), WhatsAppFixtures::newWamid);
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "forwarded_image_no_caption.json", null, null, "fwd-photo-" + number);
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "image.json", null, null, "own-photo-" + number);
        steps.set(evidence, "evidence:done");
        chats.walkWhatsApp(number, IntakeWalk.of(steps.subList(evidence, steps.size()).toArray(String[]::new)), WhatsAppFixtures::newWamid);
        String ref = chats.referenceOf(Channel.WHATSAPP, number);
        String session = counsellor("forwarded-file-reader");

        String page = casePage(session, ref, "id");
        Matcher files = Pattern.compile("Bukti (\\d) · Foto · [^<]*</a>(\\s*<span class=\"forwarded-mark\">· Diteruskan dari chat lain</span>)?")
                .matcher(page);
        List<String> marks = new java.util.ArrayList<>();
        while (files.find()) {
            marks.add(files.group(1) + (files.group(2) != null ? " forwarded" : " own"));
        }
        assertEquals(List.of("1 forwarded", "2 own"), marks, "the forwarded photo marked, the survivor's own not");
        assertTrue(casePage(session, ref, "en").contains("<span class=\"forwarded-mark\">· Forwarded from another chat</span>"));

        String print = getAs(session).when().get("/inbox/cases/" + ref + "/print/intake-form").then().statusCode(200).extract().asString();
        assertTrue(print.contains("[Bukti 1, diteruskan dari chat lain]"), print);
        assertTrue(print.contains("[Bukti 2]"), "the survivor's own file unmarked: " + print);
    }

    /**
     * Telegram: a photo forwarded at the evidence question ({@code forward_origin}) is stored as forwarded, and the
     * intake form's print marks it; the same walk's own photo is not.
     */
    @Test
    void shouldMarkATelegramForwardedFileOnThePrint() {
        long chat = TelegramFixtures.newChatId();
        telegram.file("tg-fwd-" + chat, "synthetic-forwarded-photo".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        telegram.file("tg-own-" + chat, "synthetic-own-photo".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        List<String> steps = new java.util.ArrayList<>(stepValues(IntakeWalk.shortVictim(true, OWN, "yes", "psychological")));
        int evidence = steps.indexOf("evidence:skip");
        chats.walkTelegram(chat, IntakeWalk.of(steps.subList(0, evidence).toArray(String[]::new)));
        chats.send(TelegramFixtures.render("forwarded_photo.json", TelegramFixtures.newUpdateId(), chat, TelegramFixtures.nextMessageId(),
                "tangkapan layar yang diteruskan (sintetis)", null, "tg-fwd-" + chat, 5000), chat);
        chats.send(TelegramFixtures.render("photo.json", TelegramFixtures.newUpdateId(), chat, TelegramFixtures.nextMessageId(),
                "foto sendiri (sintetis)", null, "tg-own-" + chat, 5000), chat);
        steps.set(evidence, "evidence:done");
        chats.walkTelegram(chat, IntakeWalk.of(steps.subList(evidence, steps.size()).toArray(String[]::new)));
        String ref = chats.referenceOf(chat);

        String print = getAs(counsellor("forwarded-tg-file-reader")).when().get("/inbox/cases/" + ref + "/print/intake-form").then()
                .statusCode(200).extract().asString();
        assertTrue(print.contains("[Bukti 1, diteruskan dari chat lain]"), print);
        assertTrue(print.contains("[Bukti 2]"), "the survivor's own photo unmarked: " + print);
    }

    /**
     * A text forwarded many times ({@code frequently_forwarded}, with no {@code forwarded} beside it) in the case's thread,
     * after the report: marked in the transcript too.
     */
    @Test
    void shouldMarkAFrequentlyForwardedWhatsAppMessageInTheThread() {
        String number = chats.reportedWhatsAppNumber("Kronologi sintetis untuk pesan berantai.");
        String ref = chats.referenceOf(Channel.WHATSAPP, number);
        String chain = "Pesan berantai sintetis tentang kampus";

        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "frequently_forwarded_text.json", chain, null, null);
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "ini yang aku maksud kak", null, null);

        String lines = transcript(counsellor("forwarded-chain-reader"), ref, "id");
        assertTrue(marked(lines, chain), "a frequently forwarded text is marked");
        assertFalse(marked(lines, "ini yang aku maksud kak"), "the survivor's own line is not");
    }

    /**
     * Telegram: a text forwarded from a user ({@code forward_origin.type} {@code user}) and a photo forwarded from a user
     * who hides their account ({@code hidden_user}) at the story. The photo is not kept there (the story takes words),
     * but its caption is a line of the story, and both are marked; who first sent them is not kept anywhere.
     */
    @Test
    void shouldMarkTelegramForwardedTextAndPhotoInTheStoryAndTheTranscript() {
        String text = "Kalau kamu lapor, kamu tahu akibatnya (pesan sintetis)";
        String caption = "tangkapan layar sintetis dari grup angkatan";
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        List<String> steps = stepValues(IntakeWalk.shortVictim(true, OWN, "no", "psychological"));
        int story = steps.indexOf(OWN);
        chats.walkTelegram(chat, IntakeWalk.of(steps.subList(0, story).toArray(String[]::new)));
        chats.send(TelegramFixtures.render("forwarded_message.json", TelegramFixtures.newUpdateId(), chat,
                TelegramFixtures.nextMessageId(), text, null, null, 0), chat);
        chats.send(TelegramFixtures.render("forwarded_photo.json", TelegramFixtures.newUpdateId(), chat,
                TelegramFixtures.nextMessageId(), caption, null, "synthetic-forwarded-photo", 5000), chat);
        chats.walkTelegram(chat, IntakeWalk.of(steps.subList(story, steps.size()).toArray(String[]::new)));
        String ref = chats.referenceOf(chat);
        String session = counsellor("forwarded-tg-reader");

        String page = casePage(session, ref, "id");
        assertTrue(page.contains("Diteruskan dari chat lain: \u201c" + text + "\u201d"), "the forwarded text marked in the story");
        assertTrue(page.contains("Diteruskan dari chat lain: \u201c" + caption + "\u201d"), "the forwarded photo's caption too");
        assertFalse(page.contains("Diteruskan dari chat lain: \u201c" + OWN), "the survivor's own line unmarked");
        assertFalse(page.contains("Synthetic Other") || page.contains("Synthetic Hidden"), "who first sent it is not shown");

        String lines = transcript(session, ref, "id");
        assertTrue(marked(lines, text), "the forwarded text's line is marked");
        assertTrue(marked(lines, caption), "the forwarded photo's line is marked");
        assertFalse(marked(lines, OWN), "the survivor's own line is not");
        assertFalse(lines.contains("Synthetic Other") || lines.contains("Synthetic Hidden"), "who first sent it is not shown");
    }

    /**
     * A forwarded photo too large to take (its declared {@code file_size} over the limit) in the case's thread: the
     * person gets the note that it is too large, and the transcript's line for the file that never arrived is marked as
     * forwarded too.
     */
    @Test
    void shouldMarkAForwardedFileThatNeverArrived() {
        long chat = chats.reportedTelegramChat("Kronologi sintetis, file terusan yang terlalu besar.");
        String ref = chats.referenceOf(chat);
        String caption = "video sintetis yang diteruskan";

        chats.send(TelegramFixtures.render("forwarded_photo.json", TelegramFixtures.newUpdateId(), chat, TelegramFixtures.nextMessageId(),
                caption, null, "big-forwarded-" + chat, 50L * 1024 * 1024), chat);

        assertTrue(telegram.sentTo(chat).stream().anyMatch(call -> call.text() != null && call.text().contains("terlalu besar")));
        assertTrue(marked(transcript(counsellor("forwarded-lost-reader"), ref, "id"), caption), "the lost file's line is marked");
    }

    /**
     * Several messages forwarded at once (one webhook with three forwarded texts) at the consent question: one kind line
     * and the question, not three, and no consent; all three lines are in the chat.
     */
    @Test
    void shouldAnswerABurstOfForwardedMessagesOnce() {
        String number = WhatsAppFixtures.newNumber();
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "halo", null, null);
        chats.tapWhatsApp(number, WhatsAppFixtures.newWamid(), "language:id");
        int before = graph.sentTo(number).size();
        List<String> wamids = List.of(WhatsAppFixtures.newWamid(), WhatsAppFixtures.newWamid(), WhatsAppFixtures.newWamid());
        List<String> burst = List.of("iya setuju (sintetis 1)", "oke (sintetis 2)", "ya udah lanjut (sintetis 3)");

        chats.sendWhatsApp(WhatsAppFixtures.payload(number, java.util.stream.IntStream.range(0, 3).mapToObj(i -> WhatsAppFixtures.message(
                "forwarded_text.json", number, wamids.get(i), burst.get(i), null, null)).toList()), wamids.get(2), number);

        List<String> replies = graph.sentTo(number).subList(before, graph.sentTo(number).size()).stream().map(m -> m.text()).toList();
        assertEquals(1, replies.stream().filter(text -> text != null && text.startsWith("Pesan itu diteruskan dari chat lain")).count(),
                "one kind line for the burst: " + replies);
        assertEquals(1, replies.size(), "and nothing else: " + replies);
        assertTrue(chats.transcript(Channel.WHATSAPP, number).stream().filter(m -> m.body != null && m.body.contains("sintetis "))
                .count() == 3, "the three lines are kept");
    }

    /**
     * Forwarded messages that come one by one (Telegram sends each as its own update) at the consent question get one
     * note for the run, not one each (the tester of session 56: two to three notes for two to five messages).
     */
    @Test
    void shouldAnswerForwardedMessagesComingOneByOneOnce() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        chats.send(TelegramFixtures.button(chat, "language:id"), chat);
        int before = telegram.sentTo(chat).size();

        for (int i = 1; i <= 4; i++) {
            chats.send(TelegramFixtures.render("forwarded_message.json", TelegramFixtures.newUpdateId(), chat,
                    TelegramFixtures.nextMessageId(), "pesan sintetis yang diteruskan " + i, null, null, 0), chat);
        }

        long notes = telegram.sentTo(chat).stream().skip(before)
                .filter(call -> call.text() != null && call.text().startsWith("Pesan itu diteruskan dari chat lain")).count();
        assertEquals(1, notes, "one note for the run");
    }

    /**
     * Messages forwarded at once and then the person's own answer, in one webhook: the forwarded lines are taken quietly,
     * and the person's "iya setuju" answers the consent question; no note about the forwarded lines at all.
     */
    @Test
    void shouldLetThePersonsOwnAnswerAfterForwardedMessagesAnswer() {
        String number = WhatsAppFixtures.newNumber();
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "halo", null, null);
        chats.tapWhatsApp(number, WhatsAppFixtures.newWamid(), "language:id");
        int before = graph.sentTo(number).size();
        String own = WhatsAppFixtures.newWamid();

        chats.sendWhatsApp(WhatsAppFixtures.payload(number, List.of(
                WhatsAppFixtures.message("forwarded_text.json", number, WhatsAppFixtures.newWamid(), "ini pesan sintetis 1", null, null),
                WhatsAppFixtures.message("forwarded_text.json", number, WhatsAppFixtures.newWamid(), "ini pesan sintetis 2", null, null),
                WhatsAppFixtures.message("text.json", number, own, "iya setuju", null, null))), own, number);

        List<String> replies = graph.sentTo(number).subList(before, graph.sentTo(number).size()).stream().map(m -> m.text()).toList();
        assertTrue(replies.stream().noneMatch(text -> text != null && text.startsWith("Pesan itu diteruskan")), replies.toString());
        assertTrue(replies.stream().anyMatch(text -> text != null && text.contains("dalam bahaya")), "consent given, the next question: "
                + replies);
    }

    /** The steps of a walk as {@link IntakeWalk#of} reads them again (taps as {@code node:option}, texts as typed). */
    private static List<String> stepValues(IntakeWalk walk) {
        return walk.steps().stream().map(IntakeWalk.Step::value).toList();
    }

    private static String casePage(String session, String ref, String language) {
        return getAs(session).cookie("ruangaman-lang", language).when().get("/inbox/cases/" + ref).then().statusCode(200)
                .extract().asString();
    }

    private static boolean marked(String transcript, String words) {
        return marked(transcript, words, "Diteruskan dari chat lain");
    }

    /** Whether the transcript's line holding {@code words} carries the forwarded mark {@code mark}. */
    private static boolean marked(String transcript, String words, String mark) {
        Matcher line = Pattern.compile("<li id=\"msg-\\d+\".*?</li>", Pattern.DOTALL).matcher(transcript);
        while (line.find()) {
            if (line.group().contains(words)) {
                return line.group().contains("<span class=\"forwarded-mark\">" + mark + "</span>");
            }
        }
        throw new AssertionError("no line holds " + words + ": " + transcript);
    }

    private String counsellor(String username) {
        fixtures.account(username, Role.COUNSELLOR);
        return InboxFixtures.login(username);
    }
}
