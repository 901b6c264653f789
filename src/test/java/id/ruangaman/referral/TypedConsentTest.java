package id.ruangaman.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Role;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import id.ruangaman.transcript.Channel;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Walkthrough 9, finding 12: a survivor TYPES the answer to the referral consent question [Ya, setuju | Tidak]
 * ("iya boleh") instead of tapping; it was lost (no reply, the referral stayed "awaiting consent"). A typed yes or no
 * answers the question, negations are a no, and anything unclear gets one kind re-prompt naming the buttons.
 * Through the WhatsApp and Telegram webhooks with the platforms' payload shapes.
 */
@QuarkusTest
class TypedConsentTest extends WebhookTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    InboxFixtures fixtures;
    @Inject
    ReferralTestData data;

    private String counsellor;

    @BeforeEach
    void login() {
        fixtures.account("typed-consent-counsellor", Role.COUNSELLOR);
        counsellor = InboxFixtures.login("typed-consent-counsellor");
    }

    private long draftAndAsk(String ref) {
        return data.draftAndAsk(counsellor, ref);
    }

    /** A WhatsApp contact with a case and an open consent question (already delivered to the Graph API). */
    private long whatsAppQuestion(String number) {
        typeWhatsApp(number, "halo");
        String ref = data.caseFor(chats.contact(Channel.WHATSAPP, number).id, Channel.WHATSAPP);
        long id = draftAndAsk(ref);
        Eventually.await("consent question at the Graph API", WAIT,
                () -> graph.sentTo(number).stream().anyMatch(m -> m.text().contains("Kami ingin menghubungkan")));
        return id;
    }

    private void typeWhatsApp(String number, String text) {
        String wamid = WhatsAppFixtures.newWamid();
        chats.sendWhatsApp(WhatsAppFixtures.payload(number, List.of(WhatsAppFixtures.message("text.json", number, wamid, text, null,
                null))), wamid, number);
    }

    private long telegramQuestion(long chat) {
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        String ref = data.caseFor(chats.contact(chat).id, Channel.TELEGRAM);
        long id = draftAndAsk(ref);
        Eventually.await("consent question at the Bot API", WAIT,
                () -> telegram.sentTo(chat).stream().anyMatch(c -> c.text() != null && c.text().contains("Kami ingin menghubungkan")));
        return id;
    }

    @Test
    void typedYesOnWhatsAppConsents() {
        String number = WhatsAppFixtures.newNumber();
        long id = whatsAppQuestion(number);
        typeWhatsApp(number, "iya boleh");
        assertEquals("consented", data.referral(id).status);
        assertEquals("survivor", data.referral(id).consentBy);
        Eventually.await("thanks at the Graph API", WAIT, () -> graph.sentTo(number).stream().anyMatch(m -> m.text().startsWith("Terima kasih")));
    }

    /**
     * Walkthrough finding (session 53), the referral kind: a "iya" sent as a reply quoting an earlier question of the
     * intake (WhatsApp context.id) is no consent to share anything with a service provider: the referral still waits, and
     * the line is the person writing in the case's thread. The same "iya" quoting the consent question itself consents.
     */
    @Test
    void typedYesQuotingAnotherQuestionIsNoConsent() {
        String number = WhatsAppFixtures.newNumber();
        long id = whatsAppQuestion(number);
        replyWhatsApp(number, "iya", sentWamid(number, "Pilih bahasa"));
        assertEquals("awaiting_consent", data.referral(id).status, "a yes quoted to the language question consents to nothing");

        replyWhatsApp(number, "iya", sentWamid(number, "Kami ingin menghubungkan"));
        assertEquals("consented", data.referral(id).status, "a yes quoted to the consent question is its answer");
    }

    /**
     * An "iya boleh" the survivor forwarded from another chat (Cloud API {@code context.forwarded}; a friend's message, the
     * terlapor's) is not their consent: the referral still waits, and the person is told so with the question's buttons
     * (the tester of session 56: the forwarded "iya" met silence, and the person could believe they had agreed). The
     * same words typed consent.
     */
    @Test
    void forwardedYesIsNoConsent() {
        String number = WhatsAppFixtures.newNumber();
        long id = whatsAppQuestion(number);
        String wamid = WhatsAppFixtures.newWamid();
        chats.sendWhatsApp(WhatsAppFixtures.payload(number, List.of(WhatsAppFixtures.message("forwarded_text.json", number, wamid,
                "iya boleh", null, null))), wamid, number);
        assertEquals("awaiting_consent", data.referral(id).status, "a forwarded yes consents to nothing");
        Eventually.await("told so, with the buttons", WAIT, () -> graph.sentTo(number).stream()
                .anyMatch(m -> m.text() != null && m.text().startsWith("Pesan itu diteruskan dari chat lain")));

        typeWhatsApp(number, "iya boleh");
        assertEquals("consented", data.referral(id).status, "the same words typed are the answer");
    }

    /**
     * Danger said while the consent question is open, typed or forwarded (a friend's warning passed on), gets
     * the emergency numbers (the reviewer of session 56: it got only "ketuk Ya atau Tidak"), then the question again as
     * still open, and consents to nothing.
     */
    @Test
    void dangerWhileTheConsentQuestionIsOpenGetsTheEmergencyNumbers() {
        String number = WhatsAppFixtures.newNumber();
        long id = whatsAppQuestion(number);
        int before = graph.sentTo(number).size();
        typeWhatsApp(number, "dia di depan pintu kos aku sekarang");
        Eventually.await("the numbers", WAIT, () -> graph.sentTo(number).stream().skip(before).anyMatch(m -> m.text() != null
                && m.text().contains("112")));
        // and then the consent question, still open, after the numbers (the tester of session 57: it was left behind them)
        Eventually.await("the question still open, after the numbers", WAIT, () -> {
            List<String> sent = graph.sentTo(number).stream().skip(before).map(m -> m.text() == null ? "" : m.text()).toList();
            int numbers = sent.indexOf(sent.stream().filter(text -> text.contains("112")).findFirst().orElse(""));
            return sent.stream().skip(numbers + 1L).anyMatch(text -> text.contains("tetap terbuka"));
        });

        String other = WhatsAppFixtures.newNumber();
        long otherId = whatsAppQuestion(other);
        int otherBefore = graph.sentTo(other).size();
        String wamid = WhatsAppFixtures.newWamid();
        chats.sendWhatsApp(WhatsAppFixtures.payload(other, List.of(WhatsAppFixtures.message("forwarded_text.json", other, wamid,
                "Hati-hati, dia di depan pintu kos kamu sekarang", null, null))), wamid, other);
        Eventually.await("the numbers for a forwarded threat", WAIT, () -> graph.sentTo(other).stream().skip(otherBefore)
                .anyMatch(m -> m.text() != null && m.text().contains("112")));
        assertEquals("awaiting_consent", data.referral(id).status);
        assertEquals("awaiting_consent", data.referral(otherId).status);
    }

    /** {@code /cabut} with an invisible character a keyboard added after it is still the command. */
    @Test
    void withdrawCommandWithAnInvisibleCharacterIsTheCommand() {
        assertTrue(ReferralChat.isWithdrawCommand("/cabut\u200B"));
        assertTrue(ReferralChat.isWithdrawCommand("\u2060/withdraw"));
    }

    private String sentWamid(String number, String text) {
        return graph.sentTo(number).stream().filter(m -> m.text() != null && m.text().contains(text)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("nothing sent with " + text)).wamid();
    }

    /** A typed text sent as a reply that quotes the message {@code quoted} (Cloud API messages[].context). */
    private void replyWhatsApp(String number, String text, String quoted) {
        String wamid = WhatsAppFixtures.newWamid();
        String message = WhatsAppFixtures.message("text.json", number, wamid, text, null, null)
                .replace("\"type\": \"text\"", "\"context\": {\"from\": \"15550000000\", \"id\": \"" + quoted + "\"}, \"type\": \"text\"");
        assertTrue(message.contains("\"context\""), message);
        chats.sendWhatsApp(WhatsAppFixtures.payload(number, List.of(message)), wamid, number);
    }

    @Test
    void typedNegationsOnWhatsAppRefuse() {
        for (String no : List.of("nggak mau", "jangan", "tidak usah", "No thanks")) {
            String number = WhatsAppFixtures.newNumber();
            long id = whatsAppQuestion(number);
            typeWhatsApp(number, no);
            assertEquals("declined", data.referral(id).status, no);
        }
    }

    @Test
    void typedAnswerOnTelegramAndOneKindRepromptWhenUnclear() {
        long chat = TelegramFixtures.newChatId();
        long id = telegramQuestion(chat);

        chats.send(TelegramFixtures.text(chat, "hmm nanti saya pikir dulu"), chat);
        assertEquals("awaiting_consent", data.referral(id).status);
        List<FakeTelegram.Call> sent = telegram.sentTo(chat);
        FakeTelegram.Call reprompt = sent.get(sent.size() - 1);
        assertTrue(reprompt.text().contains("\"Ya, setuju\"") && reprompt.text().contains("\"Tidak\""), reprompt.text());
        assertTrue(String.valueOf(reprompt.body().get("reply_markup")).contains("callback_data=_ref" + id + ":yes"),
                "the re-prompt shows the buttons again");
        int before = telegram.sentTo(chat).size();

        chats.send(TelegramFixtures.text(chat, "aku masih bingung kak"), chat);
        assertEquals("awaiting_consent", data.referral(id).status);
        assertTrue(telegram.sentTo(chat).stream().skip(before).noneMatch(c -> c.text() != null && c.text().contains("\"Ya, setuju\"")),
                "one re-prompt, not one per message");

        chats.send(TelegramFixtures.text(chat, "Ya kak 🙏"), chat);
        assertEquals("consented", data.referral(id).status);
    }
}
