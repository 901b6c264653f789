package id.ruangaman.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.ChatMessage;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Role;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.FakeGraph;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The survivor's side of consent through the fake platform APIs: the question with yes/no buttons reaches the
 * platform, and the button answer posted to the webhook records the consent with the message that carried it.
 */
@QuarkusTest
class ReferralChatEndToEndTest extends WebhookTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    InboxFixtures fixtures;
    @Inject
    ReferralTestData data;

    private String counsellor;

    @BeforeEach
    void login() {
        fixtures.account("referral-chat-counsellor", Role.COUNSELLOR);
        counsellor = InboxFixtures.login("referral-chat-counsellor");
    }

    private long draftAndAsk(String ref) {
        return data.draftAndAsk(counsellor, ref);
    }

    private static ChatMessage lastInbound(List<ChatMessage> transcript) {
        return transcript.stream().filter(m -> m.direction == ChatMessage.Direction.IN).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void shouldAskAndRecordConsentOverTelegram() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        long contactId = chats.contact(chat).id;
        String ref = data.caseFor(contactId, Channel.TELEGRAM);
        long id = draftAndAsk(ref);
        String yes = "_ref" + id + ":yes";

        Eventually.await("consent question at the Bot API", WAIT, () -> telegram.sentTo(chat).stream()
                .anyMatch(call -> String.valueOf(call.body().get("reply_markup")).contains("callback_data=" + yes)));
        FakeTelegram.Call question = telegram.sentTo(chat).stream()
                .filter(call -> String.valueOf(call.body().get("reply_markup")).contains("callback_data=" + yes)).findFirst().orElseThrow();
        assertTrue(question.text().contains("Contoh: Lembaga Bantuan Hukum Sejahtera (fiktif)"));
        assertTrue(String.valueOf(question.body().get("reply_markup")).contains("callback_data=_ref" + id + ":no"));

        chats.send(TelegramFixtures.button(chat, yes), chat);
        Referral consented = data.referral(id);
        assertEquals("consented", consented.status);
        assertEquals("survivor", consented.consentBy);
        assertEquals("chronology", consented.consentedParts);
        ChatMessage answer = lastInbound(chats.transcript(chat));
        assertEquals(answer.id, consented.consentMessageId, "the consent names the inbound message that carried it");
        assertEquals("button", answer.kind);
        List<FakeTelegram.Call> sent = telegram.sentTo(chat);
        assertTrue(sent.get(sent.size() - 1).text().startsWith("Terima kasih"), sent.get(sent.size() - 1).text());

        int before = sent.size();
        chats.send(TelegramFixtures.text(chat, "/cabut@RuangAmanBot"), chat);
        assertEquals("revoked", data.referral(id).status);
        sent = telegram.sentTo(chat);
        // this chat is still at the intake's first question, which is asked again after the answer (WithdrawMidIntakeTest)
        assertTrue(sent.get(before).text().contains("sudah dicabut"), sent.get(before).text());
    }

    @Test
    void shouldAskAndRecordConsentOverWhatsApp() {
        String number = WhatsAppFixtures.newNumber();
        String hello = WhatsAppFixtures.newWamid();
        chats.sendWhatsApp(WhatsAppFixtures.payload(number, List.of(WhatsAppFixtures.message("text.json", number, hello, "halo", null,
                null))), hello, number);
        long contactId = chats.contact(Channel.WHATSAPP, number).id;
        String ref = data.caseFor(contactId, Channel.WHATSAPP);
        long id = draftAndAsk(ref);
        String yes = "_ref" + id + ":yes";

        Eventually.await("consent question at the Graph API", WAIT, () -> graph.sentTo(number).stream().anyMatch(m -> hasButton(m, yes)));
        FakeGraph.Sent question = graph.sentTo(number).stream().filter(m -> hasButton(m, yes)).findFirst().orElseThrow();
        assertEquals("button", question.body().path("interactive").path("type").asText());
        assertTrue(hasButton(question, "_ref" + id + ":no"));
        assertTrue(question.text().contains("Contoh: Lembaga Bantuan Hukum Sejahtera (fiktif)"));

        String wamid = WhatsAppFixtures.newWamid();
        chats.sendWhatsApp(WhatsAppFixtures.payload(number, List.of(WhatsAppFixtures.message("button_reply.json", number, wamid, null,
                yes, null))), wamid, number);
        Referral consented = data.referral(id);
        assertEquals("consented", consented.status);
        assertEquals("survivor", consented.consentBy);
        assertEquals(wamid, consented.consentProviderMessage, "the consent names the platform message that carried it");
        ChatMessage answer = lastInbound(chats.transcript(Channel.WHATSAPP, number));
        assertEquals(answer.id, consented.consentMessageId);
        assertNotNull(consented.consentAnsweredAt);
        Eventually.await("thanks at the Graph API", WAIT, () -> graph.sentTo(number).stream().anyMatch(m -> m.text().startsWith("Terima kasih")));
    }

    private static boolean hasButton(FakeGraph.Sent message, String id) {
        for (JsonNode button : message.body().path("interactive").path("action").path("buttons")) {
            if (id.equals(button.path("reply").path("id").asText())) {
                return true;
            }
        }
        return false;
    }
}
