package id.ruangaman.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Role;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import id.ruangaman.transcript.Channel;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A survivor changes their mind about a referral through the consent question's own buttons, or answers "later".
 * Walked through the Telegram and WhatsApp webhooks with the platforms' payload shapes, against the fake APIs.
 * <ul>
 * <li>"Tidak" tapped on the question after "Ya, setuju": before, the answer was "that question is no longer open,
 * nothing has changed" and the consent stayed in force (the letter could still be printed, the referral sent). Now it
 * withdraws the consent, as /cabut does.</li>
 * <li>"Ya, setuju" tapped after "Tidak": before, the same cold "no longer open" and nothing for the survivor to do. Now
 * nothing is shared (the refusal stands: SOP, consent is asked again by the counsellor) and the reply says so and how
 * to tell the counsellor.</li>
 * <li>"nanti dulu" / "later": before, "Maaf, saya belum yakin maksudmu" (sorry, I do not understand). Now a kind "take
 * your time", the question stays open with its buttons, nothing recorded.</li>
 * </ul>
 */
@QuarkusTest
class ConsentChangeOfMindTest extends WebhookTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    InboxFixtures fixtures;
    @Inject
    ReferralTestData data;

    private String counsellor;

    @BeforeEach
    void login() {
        fixtures.account("change-mind-counsellor", Role.COUNSELLOR);
        counsellor = InboxFixtures.login("change-mind-counsellor");
    }

    private long telegramQuestion(long chat) {
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        String ref = data.caseFor(chats.contact(chat).id, Channel.TELEGRAM);
        long id = data.draftAndAsk(counsellor, ref);
        Eventually.await("consent question at the Bot API", WAIT,
                () -> telegram.sentTo(chat).stream().anyMatch(c -> c.text() != null && c.text().contains("Kami ingin menghubungkan")));
        return id;
    }

    private String lastTelegram(long chat) {
        List<FakeTelegram.Call> sent = telegram.sentTo(chat);
        return sent.get(sent.size() - 1).text();
    }

    @Test
    void noTappedAfterYesOnTelegramWithdrawsTheConsent() {
        long chat = TelegramFixtures.newChatId();
        long id = telegramQuestion(chat);
        chats.send(TelegramFixtures.button(chat, "_ref" + id + ":yes"), chat);
        assertEquals("consented", data.referral(id).status);
        int before = telegram.sentTo(chat).size();

        chats.send(TelegramFixtures.button(chat, "_ref" + id + ":no"), chat);

        Referral referral = data.referral(id);
        assertEquals("revoked", referral.status, "the survivor's no is a withdrawal of the consent given");
        assertEquals("survivor-chat", referral.revokedBy);
        assertNotNull(referral.revokedAt);
        List<FakeTelegram.Call> sent = telegram.sentTo(chat);
        assertTrue(sent.stream().skip(before).anyMatch(c -> c.text() != null && c.text().contains("sudah dicabut")),
                "told the consent is withdrawn: " + lastTelegram(chat));
        assertTrue(sent.stream().skip(before).noneMatch(c -> c.text() != null && c.text().contains("tidak berlaku lagi")));
    }

    @Test
    void noTappedAfterYesOnWhatsAppWithdrawsTheConsent() {
        String number = WhatsAppFixtures.newNumber();
        chats.walkWhatsApp(number, IntakeWalk.of("halo", "language:en"), WhatsAppFixtures::newWamid);
        String ref = data.caseFor(chats.contact(Channel.WHATSAPP, number).id, Channel.WHATSAPP);
        long id = data.draftAndAsk(counsellor, ref);
        Eventually.await("consent question at the Graph API", WAIT,
                () -> graph.sentTo(number).stream().anyMatch(m -> m.text().contains("We would like to connect")));
        chats.tapWhatsApp(number, WhatsAppFixtures.newWamid(), "_ref" + id + ":yes");
        assertEquals("consented", data.referral(id).status);

        chats.tapWhatsApp(number, WhatsAppFixtures.newWamid(), "_ref" + id + ":no");

        assertEquals("revoked", data.referral(id).status);
        Eventually.await("withdrawal at the Graph API", WAIT,
                () -> graph.sentTo(number).stream().anyMatch(m -> m.text().contains("your consent is withdrawn")));
    }

    @Test
    void yesTappedAfterNoSharesNothingAndSaysWhatToDo() {
        long chat = TelegramFixtures.newChatId();
        long id = telegramQuestion(chat);
        chats.send(TelegramFixtures.button(chat, "_ref" + id + ":no"), chat);
        assertEquals("declined", data.referral(id).status);

        int before = telegram.sentTo(chat).size();
        chats.send(TelegramFixtures.button(chat, "_ref" + id + ":yes"), chat);

        assertEquals("declined", data.referral(id).status, "a refusal is not turned into consent by an old button");
        String reply = String.join("\n", telegram.sentTo(chat).stream().skip(before).map(FakeTelegram.Call::text)
                .filter(java.util.Objects::nonNull).toList());
        assertFalse(reply.contains("tidak berlaku lagi"), "not the cold 'no longer open': " + reply);
        assertTrue(reply.contains("belum ada yang kami bagikan") && reply.contains("Konselor kami"),
                "says nothing was shared and that the counsellor can ask again: " + reply);
    }

    /**
     * A typed change of mind after "Ya, setuju" (session 22): before, "aku berubah pikiran", "tidak jadi", "batalkan"
     * went into the case thread and withdrew nothing. Now it is asked about once, and a yes withdraws the consent as
     * /cabut does; the line stays in the transcript for the counsellor.
     */
    @ParameterizedTest(name = "\"{0}\" after consenting is asked about, and \"{1}\" withdraws")
    @CsvSource(delimiter = '|', value = {"aku berubah pikiran|iya", "tidak jadi|ya", "batalkan|batalkan",
            "gak jadi deh kak|iya boleh", "I changed my mind|yes"})
    void aTypedChangeOfMindOnTelegramIsAskedAboutAndAYesWithdraws(String typed, String answer) {
        long chat = TelegramFixtures.newChatId();
        long id = telegramQuestion(chat);
        chats.send(TelegramFixtures.button(chat, "_ref" + id + ":yes"), chat);
        assertEquals("consented", data.referral(id).status);

        chats.send(TelegramFixtures.text(chat, typed), chat);

        assertEquals("consented", data.referral(id).status, "asked first, nothing withdrawn yet: " + typed);
        FakeTelegram.Call question = telegram.sentTo(chat).get(telegram.sentTo(chat).size() - 1);
        assertTrue(question.text().startsWith("Mau membatalkan persetujuanmu?"), question.text());
        assertTrue(String.valueOf(question.body().get("reply_markup")).contains("callback_data=_refc" + id + ":yes"),
                "with its buttons: " + question.body().get("reply_markup"));

        chats.send(TelegramFixtures.text(chat, answer), chat);

        Referral referral = data.referral(id);
        assertEquals("revoked", referral.status, typed + " then " + answer);
        assertEquals("survivor-chat", referral.revokedBy);
        assertTrue(lastTelegram(chat).contains("sudah dicabut"), lastTelegram(chat));
    }

    /** "Tidak" to "withdraw your consent?" keeps it; a longer message that merely holds "gak jadi" asks nothing. */
    @Test
    void aNoKeepsTheConsentAndAnOrdinaryMessageIsNotCaught() {
        long chat = TelegramFixtures.newChatId();
        long id = telegramQuestion(chat);
        chats.send(TelegramFixtures.button(chat, "_ref" + id + ":yes"), chat);
        int before = telegram.sentTo(chat).size();

        chats.send(TelegramFixtures.text(chat, "kemarin dia gak jadi datang ke kos"), chat);

        assertTrue(telegram.sentTo(chat).stream().skip(before).noneMatch(c -> c.text() != null && c.text().contains("membatalkan")),
                "an ordinary message is not asked about");
        chats.send(TelegramFixtures.text(chat, "tidak jadi"), chat);
        assertTrue(lastTelegram(chat).startsWith("Mau membatalkan persetujuanmu?"), lastTelegram(chat));
        chats.send(TelegramFixtures.text(chat, "tidak"), chat);
        assertEquals("consented", data.referral(id).status, "a no keeps the consent");
        assertTrue(lastTelegram(chat).contains("tidak ada yang berubah"), lastTelegram(chat));
    }

    /**
     * "iya nanti" to "withdraw your consent?" (session 23): a yes put off withdraws nothing (before: the first word decided
     * and the consent was revoked); the button still withdraws.
     */
    @Test
    void aYesPutOffAtTheWithdrawQuestionWithdrawsNothing() {
        long chat = TelegramFixtures.newChatId();
        long id = telegramQuestion(chat);
        chats.send(TelegramFixtures.button(chat, "_ref" + id + ":yes"), chat);
        chats.send(TelegramFixtures.text(chat, "gak jadi deh"), chat);
        assertTrue(lastTelegram(chat).startsWith("Mau membatalkan persetujuanmu?"), lastTelegram(chat));

        chats.send(TelegramFixtures.text(chat, "iya nanti dulu"), chat);

        assertEquals("consented", data.referral(id).status, "a yes put off withdraws nothing");
        chats.send(TelegramFixtures.button(chat, "_refc" + id + ":yes"), chat);
        assertEquals("revoked", data.referral(id).status);
    }

    /**
     * "boleh tapi nanti" at the referral's consent question on WhatsApp (session 23): "no hurry", nothing recorded, the
     * question still open (before: the first word decided, and the data could be shared).
     */
    @Test
    void aYesPutOffAtTheConsentQuestionOnWhatsAppIsNoConsent() {
        String number = WhatsAppFixtures.newNumber();
        chats.walkWhatsApp(number, IntakeWalk.of("halo", "language:id"), WhatsAppFixtures::newWamid);
        String ref = data.caseFor(chats.contact(Channel.WHATSAPP, number).id, Channel.WHATSAPP);
        long id = data.draftAndAsk(counsellor, ref);
        Eventually.await("consent question at the Graph API", WAIT,
                () -> graph.sentTo(number).stream().anyMatch(m -> m.text().contains("Kami ingin menghubungkan")));

        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "boleh tapi nanti", null, null);

        assertEquals("awaiting_consent", data.referral(id).status);
        assertNull(data.referral(id).consentAnsweredAt, "nothing recorded");
        Eventually.await("no hurry at the Graph API", WAIT,
                () -> graph.sentTo(number).stream().anyMatch(m -> m.text().contains("buru-buru")));
        chats.tapWhatsApp(number, WhatsAppFixtures.newWamid(), "_ref" + id + ":yes");
        assertEquals("consented", data.referral(id).status, "the question stayed open");
    }

    /** On WhatsApp: "gak jadi deh" after consenting, then the "Ya, batalkan" button (session 22; before: nothing withdrawn). */
    @Test
    void aTypedChangeOfMindOnWhatsAppIsWithdrawnByTheButton() {
        String number = WhatsAppFixtures.newNumber();
        chats.walkWhatsApp(number, IntakeWalk.of("halo", "language:id"), WhatsAppFixtures::newWamid);
        String ref = data.caseFor(chats.contact(Channel.WHATSAPP, number).id, Channel.WHATSAPP);
        long id = data.draftAndAsk(counsellor, ref);
        Eventually.await("consent question at the Graph API", WAIT,
                () -> graph.sentTo(number).stream().anyMatch(m -> m.text().contains("Kami ingin menghubungkan")));
        chats.tapWhatsApp(number, WhatsAppFixtures.newWamid(), "_ref" + id + ":yes");
        assertEquals("consented", data.referral(id).status);

        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "gak jadi deh", null, null);
        Eventually.await("the question at the Graph API", WAIT,
                () -> graph.sentTo(number).stream().anyMatch(m -> m.text().startsWith("Mau membatalkan persetujuanmu?")));
        assertEquals("consented", data.referral(id).status);

        chats.tapWhatsApp(number, WhatsAppFixtures.newWamid(), "_refc" + id + ":yes");

        assertEquals("revoked", data.referral(id).status);
        Eventually.await("withdrawal at the Graph API", WAIT,
                () -> graph.sentTo(number).stream().anyMatch(m -> m.text().contains("sudah dicabut")));
    }

    @ParameterizedTest(name = "\"{0}\" is answered kindly and the question stays open")
    @CsvSource(delimiter = '|', value = {
            "nanti dulu ya kak",
            "hmm nanti saya pikir dulu",
            "aku pikir-pikir dulu",
            "belum tahu",
            "belum yakin kak",
            "nanti aja",
            "later",
            "let me think about it",
            "not sure yet",
            // session 23: a yes or a no put off is neither (before: "boleh tapi nanti" consented, "jangan sekarang" refused)
            "boleh tapi nanti",
            "ok nanti ya kak",
            "jangan sekarang" })
    void laterIsAnsweredKindly(String typed) {
        long chat = TelegramFixtures.newChatId();
        long id = telegramQuestion(chat);

        chats.send(TelegramFixtures.text(chat, typed), chat);

        Referral referral = data.referral(id);
        assertEquals("awaiting_consent", referral.status, typed);
        assertNull(referral.consentAnsweredAt, "nothing recorded for " + typed);
        List<FakeTelegram.Call> sent = telegram.sentTo(chat);
        FakeTelegram.Call reply = sent.get(sent.size() - 1);
        assertFalse(reply.text().contains("belum yakin maksudmu"), "not 'I do not understand': " + reply.text());
        assertTrue(reply.text().contains("buru-buru"), "take your time: " + reply.text());
        assertTrue(String.valueOf(reply.body().get("reply_markup")).contains("callback_data=_ref" + id + ":yes"),
                "the buttons stay at hand");

        chats.send(TelegramFixtures.button(chat, "_ref" + id + ":yes"), chat);
        assertEquals("consented", data.referral(id).status, "the question stayed open");
    }
}
