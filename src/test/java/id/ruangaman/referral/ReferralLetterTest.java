package id.ruangaman.referral;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.intake.Intake;
import id.ruangaman.intake.IntakeRepository;
import id.ruangaman.security.Role;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.RenderedForm;
import id.ruangaman.testing.TelegramChats;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The referral letter holds what the survivor agreed to share, part by part as the consent question named them: a
 * Telegram report sent with "send now", a photo sent after the report and kept as evidence, a referral drafted and
 * asked through the rendered forms, consent given with the chat's button.
 */
@QuarkusTest
class ReferralLetterTest extends WebhookTest {

    private static final String COUNSELLOR = "referral-letter-counsellor";

    @Inject
    InboxFixtures fixtures;
    @Inject
    IntakeRepository intakes;

    private String session;

    @BeforeEach
    void login() {
        fixtures.account(COUNSELLOR, Role.COUNSELLOR);
        session = InboxFixtures.login(COUNSELLOR);
    }

    @Test
    void shouldListTheEvidenceSentAfterTheReportAndSayPlainlyThatNoChronologyWasGiven() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        for (String data : List.of("language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes", "reporter_role:victim",
                "send_now:now", "stats_consent:skip", "summary:confirm")) {
            chats.send(TelegramFixtures.button(chat, data), chat);
        }
        long contactId = chats.contact(chat).id;
        String ref = QuarkusTransaction.requiringNew().call(() -> intakes.find("contactId", contactId).<Intake>singleResult().referenceCode);
        sendPhotoAndKeepIt(chat, "after-report-" + chat);
        assertTrue(lastText(chat).contains("sebagai bukti untuk laporan " + ref), lastText(chat));

        String search = getAs(session).when().get("/inbox/cases/" + ref + "/referrals?search=1&service=psychological").then().statusCode(200)
                .extract().asString();
        String location = RenderedForm.holding(search, "draft-contoh-pusat-krisis").with("part", "contact", "chronology", "evidence", "needs")
                .submit(session).then().statusCode(303).extract().header("Location");
        String referral = location.replaceFirst("^https?://[^/]+", "");
        String detail = getAs(session).when().get(referral).then().statusCode(200).extract().asString();
        RenderedForm.holding(detail, "ask-consent").submit(session).then().statusCode(303);
        long id = Long.parseLong(referral.substring(referral.lastIndexOf('/') + 1));
        String yes = "_ref" + id + ":yes";
        Eventually.await("consent question", Duration.ofSeconds(30), () -> telegram.sentTo(chat).stream()
                .anyMatch(call -> String.valueOf(call.body().get("reply_markup")).contains(yes)));
        String question = telegram.sentTo(chat).stream().filter(call -> String.valueOf(call.body().get("reply_markup")).contains(yes))
                .findFirst().orElseThrow().text();
        assertTrue(question.contains("daftar bukti yang kamu kirim") && question.contains("kronologi kejadian")
                && question.contains("cara menghubungimu lewat chat ini"), question);
        chats.send(TelegramFixtures.button(chat, yes), chat);

        // a file sent after the consent was given is not covered by it ("the list of evidence you sent")
        sendPhotoAndKeepIt(chat, "after-consent-" + chat);

        String letter = getAs(session).when().get(referral + "/letter").then().statusCode(200).extract().asString();
        Matcher files = Pattern.compile("(?s)<table class=\"form\" id=\"evidence-files\">(.*?)</table>").matcher(letter);
        assertTrue(files.find(), "the evidence part lists the kept files: " + letter);
        assertEquals(1, files.group(1).split("<tr><td>", -1).length - 1, "one file was sent before consent: " + files.group(1));
        assertTrue(files.group(1).contains("<td>Foto</td>"), "the file's kind as a label: " + files.group(1));
        assertTrue(files.group(1).contains("<td>Bukti 1</td>"), "the file's number in the case, as the case page says it: " + files.group(1));
        assertTrue(letter.contains("Belum ada kronologi tertulis"), "an empty chronology is said plainly");
        assertFalse(letter.contains("<p>—</p>"), "no bare dash for a part");
        // the letter leaves the task force: no login name on it; an account without a name gets a line to write it by hand
        assertFalse(letter.contains(COUNSELLOR + " · Konselor"), "no login name for the referrer");
        assertTrue(letter.contains("letter-name-missing") && letter.contains("</small> · Konselor"), "the referrer once, with the role's label");
        assertFalse(letter.contains(COUNSELLOR + " · " + COUNSELLOR), "the username twice");
        assertFalse(letter.contains("after-report-"), "no platform file id on the letter");
        // a Telegram chat id reaches nobody but the bot: the consented contact part says to go through the task force
        assertFalse(letter.contains(String.valueOf(chat)), "no Telegram chat id on the letter");
        assertTrue(letter.contains("Pelapor dihubungi melalui Satgas"), "how to reach the reporter: " + letter);

        // printed again after the counsellor became a coordinator: the letter still says who referred, as they were
        long account = fixtures.account(COUNSELLOR, Role.COUNSELLOR).id;
        fixtures.account("referral-letter-coordinator", Role.COORDINATOR);
        String coordinator = InboxFixtures.login("referral-letter-coordinator");
        InboxFixtures.as(coordinator).formParam("role", Role.COORDINATOR).when().post("/inbox/accounts/" + account + "/role").then()
                .statusCode(303);
        try {
            String again = getAs(session).when().get(referral + "/letter").then().statusCode(200).extract().asString();
            assertTrue(again.contains("</small> · Konselor"), "the referrer's role when the referral was drafted");
            assertFalse(again.contains(" · Koordinator"), "not the role given later");
        } finally {
            InboxFixtures.as(coordinator).formParam("role", Role.COUNSELLOR).when().post("/inbox/accounts/" + account + "/role").then()
                    .statusCode(303);
        }
    }

    /** A photo as Telegram posts it to the webhook; the survivor agrees to keep it when asked. */
    private void sendPhotoAndKeepIt(long chat, String fileId) {
        byte[] content = ("synthetic-photo-" + fileId).getBytes(StandardCharsets.UTF_8);
        telegram.file(fileId, content);
        long update = TelegramFixtures.newUpdateId();
        TelegramChats.post(TelegramFixtures.render("photo.json", update, chat, TelegramFixtures.nextMessageId(), null, null, fileId,
                content.length)).then().statusCode(200);
        Eventually.await("photo processed", Duration.ofSeconds(40), () -> "DONE".equals(chats.status(update)));
        Eventually.await("replies sent", Duration.ofSeconds(30), () -> chats.outboxDrained(chat));
        List<FakeTelegram.Call> sent = telegram.sentTo(chat);
        if (String.valueOf(sent.get(sent.size() - 1).body().get("reply_markup")).contains("_keep:yes")) {
            chats.send(TelegramFixtures.button(chat, "_keep:yes"), chat);
        }
    }

    private String lastText(long chat) {
        List<FakeTelegram.Call> sent = telegram.sentTo(chat);
        return sent.get(sent.size() - 1).text();
    }
}
