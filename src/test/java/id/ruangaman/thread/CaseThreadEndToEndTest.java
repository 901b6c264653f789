package id.ruangaman.thread;

import static id.ruangaman.inbox.InboxFixtures.as;
import static id.ruangaman.inbox.InboxFixtures.getAs;
import static id.ruangaman.inbox.InboxFixtures.login;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.Contact;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.intake.IntakeRepository;
import id.ruangaman.security.Role;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.FakeGraph;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.TelegramChats;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 12 end to end, through the webhooks and the fake platforms: a survivor reports, a counsellor replies from the
 * inbox, the survivor answers with text and a photo. The survivor is never told the conversation has ended; the answer
 * and the photo appear on the case page with the survivor as author; the photo is stored encrypted. On WhatsApp the
 * replies are written while the 24-hour window is closed: held, and sent in order once the survivor writes.
 */
@QuarkusTest
class CaseThreadEndToEndTest extends WebhookTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ENDED = "sudah selesai";
    private static final String PREFIX = "Konselor Satgas:";

    @Inject
    InboxFixtures fixtures;
    @Inject
    IntakeRepository intakes;
    @Inject
    EntityManager em;

    @Test
    void telegram() throws Exception {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        chats.walkTelegram(chat, IntakeWalk.shortVictim(true, "Kronologi sintetis untuk uji utas.", "yes", "psychological"));
        Contact contact = chats.contact(chat);
        String ref = referenceOf(contact.id);

        String session = counsellor("thread-tg-counsellor");
        String question = "Halo, terima kasih sudah melapor. Kapan kejadian itu terjadi? (sintetis " + ref + ")";
        as(session).formParam("text", question).when().post("/inbox/cases/" + ref + "/reply").then().statusCode(303);
        Eventually.await("reply delivered", WAIT, () -> telegram.sentTo(chat).stream()
                .anyMatch(call -> (PREFIX + "\n" + question).equals(call.text())));

        int before = telegram.sentTo(chat).size();
        String answer = "Kejadiannya minggu lalu, sore hari (jawaban sintetis " + ref + ")";
        chats.send(TelegramFixtures.text(chat, answer), chat);
        byte[] photo = ("synthetic-photo-" + chat).getBytes(StandardCharsets.UTF_8);
        telegram.file("thread-photo-" + chat, photo);
        chats.send(TelegramFixtures.render("photo.json", TelegramFixtures.newUpdateId(), chat, TelegramFixtures.nextMessageId(),
                null, null, "thread-photo-" + chat, photo.length), chat);

        List<FakeTelegram.Call> after = telegram.sentTo(chat).subList(before, telegram.sentTo(chat).size());
        assertTrue(after.stream().noneMatch(call -> call.text().contains(ENDED)), "the survivor was told the conversation ended");
        assertEquals(1, after.size(), "one acknowledgement for the answer and the photo, not one per message: " + after);
        assertTrue(after.get(0).text().startsWith("Terima kasih, pesanmu sudah sampai."), after.get(0).text());

        checkCasePage(session, ref, answer, photo, "thread-tg-counsellor");
    }

    @Test
    void whatsapp() throws Exception {
        String number = WhatsAppFixtures.newNumber();
        say(number, "text.json", "halo", null, null);
        chats.walkWhatsApp(number, IntakeWalk.shortVictim(true, "Kronologi sintetis untuk uji utas WhatsApp.", "no", "psychological"),
                WhatsAppFixtures::newWamid);
        Contact contact = chats.contact(Channel.WHATSAPP, number);
        String ref = referenceOf(contact.id);

        // The 24-hour window closes; the counsellor's two replies are held and an invitation template goes out.
        QuarkusTransaction.requiringNew().run(() -> em.createQuery("update Contact c set c.lastInboundAt = ?1 where c.id = ?2")
                .setParameter(1, Instant.now().minus(Duration.ofHours(25))).setParameter(2, contact.id).executeUpdate());
        String session = counsellor("thread-wa-counsellor");
        String first = "Halo dari Satgas, pesan pertama (sintetis " + ref + ")";
        String second = "Pesan kedua: kapan waktu yang nyaman? (sintetis " + ref + ")";
        as(session).formParam("text", first).when().post("/inbox/cases/" + ref + "/reply").then().statusCode(303);
        as(session).formParam("text", second).when().post("/inbox/cases/" + ref + "/reply").then().statusCode(303);
        Eventually.await("both replies held", WAIT, () -> heldCount(contact.id) == 2);
        int before = graph.sentTo(number).size();

        String answer = "Terima kasih, saya bisa cerita lagi malam ini (jawaban sintetis " + ref + ")";
        say(number, "text.json", answer, null, null);
        Eventually.await("held replies sent", WAIT, () -> heldCount(contact.id) == 0 && chats.outboxDrained(Channel.WHATSAPP, number));
        List<String> texts = graph.sentTo(number).subList(before, graph.sentTo(number).size()).stream().map(FakeGraph.Sent::text).toList();
        int firstAt = indexOf(texts, PREFIX + "\n" + first);
        int secondAt = indexOf(texts, PREFIX + "\n" + second);
        assertTrue(firstAt >= 0 && secondAt > firstAt, "held replies are sent in order: " + texts);

        // A photo without evidence consent: asked once, with buttons; kept on "yes".
        byte[] photo = ("synthetic-wa-photo-" + number).getBytes(StandardCharsets.UTF_8);
        graph.media("thread-media-" + number, photo);
        int beforePhoto = graph.sentTo(number).size();
        say(number, "image.json", null, null, "thread-media-" + number);
        List<FakeGraph.Sent> asked = graph.sentTo(number).subList(beforePhoto, graph.sentTo(number).size());
        assertEquals(1, asked.size(), "one question about the file: " + asked);
        assertEquals("button", asked.get(0).body().path("interactive").path("type").asText(), "asked with buttons");
        assertTrue(asked.get(0).text().contains("Boleh Satgas menyimpannya"), asked.get(0).text());
        tap(number, "_keep:yes");

        List<String> all = graph.sentTo(number).stream().map(FakeGraph.Sent::text).toList();
        assertTrue(all.stream().noneMatch(text -> text.contains(ENDED)), "the survivor was told the conversation ended");
        checkCasePage(session, ref, answer, photo, "thread-wa-counsellor");
    }

    /** An album after the report, without evidence consent: one question for the whole album, all kept on yes. */
    @Test
    void telegramAlbumWithoutConsentIsAskedAboutOnce() throws Exception {
        long chat = chats.reportedTelegramChat("Kronologi sintetis untuk uji album.");
        String ref = chats.referenceOf(chat);
        int before = telegram.sentTo(chat).size();
        List<Long> updates = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            telegram.file("thread-album-" + i + "-" + chat, ("synthetic-album-" + i + "-" + chat).getBytes(StandardCharsets.UTF_8));
            long update = TelegramFixtures.newUpdateId();
            updates.add(update);
            TelegramChats.post(albumPhoto(update, chat, "thread-album-" + i + "-" + chat)).then().statusCode(200);
        }
        for (long update : updates) {
            Eventually.await("update processed", WAIT, () -> "DONE".equals(chats.status(update)));
        }
        Eventually.await("replies sent", WAIT, () -> chats.outboxDrained(chat));
        List<String> replies = telegram.sentTo(chat).subList(before, telegram.sentTo(chat).size()).stream()
                .map(FakeTelegram.Call::text).toList();
        assertEquals(1, replies.stream().filter(text -> text.contains("Boleh Satgas menyimpannya")).count(),
                "one question for the album: " + replies);
        assertEquals(1, replies.size(), "nothing else: " + replies);
        chats.send(TelegramFixtures.button(chat, "_keep:yes"), chat);
        long kept = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from media m "
                + "join intake i on i.id = m.intake_id where i.reference_code = ?1 and m.claimed").setParameter(1, ref)
                .getSingleResult()).longValue());
        assertEquals(3, kept, "every file of the album is kept as the case's evidence");
    }

    private static String albumPhoto(long update, long chat, String fileId) {
        return "{\"update_id\":" + update + ",\"message\":{\"message_id\":" + TelegramFixtures.nextMessageId()
                + ",\"from\":{\"id\":" + chat + ",\"is_bot\":false,\"first_name\":\"Mawar\"},\"chat\":{\"id\":" + chat
                + ",\"first_name\":\"Mawar\",\"type\":\"private\"},\"date\":1763800000,\"media_group_id\":\"2480" + chat + "\","
                + "\"photo\":[{\"file_id\":\"" + fileId + "\",\"file_unique_id\":\"l" + fileId + "\",\"file_size\":900,"
                + "\"width\":720,\"height\":1280}]}}";
    }

    private void checkCasePage(String session, String ref, String answer, byte[] photo, String counsellor) {
        String page = getAs(session).when().get("/inbox/cases/" + ref).then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("<li (?:id=\"[^\"]*\" )?class=\"msg in[^\"]*\"[^>]*data-author=\"SURVIVOR\">(?:(?!</li>).)*"
                + Pattern.quote(answer), Pattern.DOTALL).matcher(page);
        assertTrue(line.find(), "the survivor's answer is on the case page with the survivor as author");
        assertTrue(page.contains("Konselor " + counsellor), "the counsellor's line names its author");
        Matcher link = Pattern.compile("<li (?:id=\"[^\"]*\" )?class=\"msg in[^\"]*\"[^>]*data-author=\"SURVIVOR\">(?:(?!</li>).)*href=\"/inbox/cases/"
                + Pattern.quote(ref) + "/media/(\\d+)\"", Pattern.DOTALL).matcher(page);
        assertTrue(link.find(), "the photo is linked from the survivor's line");
        long mediaId = Long.parseLong(link.group(1));
        byte[] served = getAs(session).when().get("/inbox/cases/" + ref + "/media/" + mediaId).then().statusCode(200)
                .extract().asByteArray();
        assertArrayEquals(photo, served);
        byte[] raw = QuarkusTransaction.requiringNew().call(() -> (byte[]) em.createNativeQuery("select content from media where id = ?1")
                .setParameter(1, mediaId).getSingleResult());
        assertNotNull(raw);
        assertFalse(new String(raw, StandardCharsets.ISO_8859_1).contains(new String(photo, StandardCharsets.ISO_8859_1)),
                "the photo is stored encrypted");
        Long caseOfMedia = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select intake_id from media where id = ?1").setParameter(1, mediaId).getSingleResult()).longValue());
        Long caseId = QuarkusTransaction.requiringNew().call(() -> intakes.findByReferenceCode(ref).orElseThrow().id);
        assertEquals(caseId, caseOfMedia, "the photo is this case's evidence");
    }

    private String counsellor(String username) {
        fixtures.account(username, Role.COUNSELLOR);
        return login(username);
    }

    private String referenceOf(long contactId) {
        return QuarkusTransaction.requiringNew().call(() -> intakes.find("contactId", contactId).singleResult().referenceCode);
    }

    private long heldCount(long contactId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from chat_message "
                + "where contact_id = ?1 and status = 'HELD'").setParameter(1, contactId).getSingleResult()).longValue());
    }

    private static int indexOf(List<String> texts, String text) {
        return texts.indexOf(text);
    }

    private void say(String number, String fixture, String text, String data, String mediaId) {
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), fixture, text, data, mediaId);
    }

    private void tap(String number, String data) {
        chats.tapWhatsApp(number, WhatsAppFixtures.newWamid(), data);
    }
}
