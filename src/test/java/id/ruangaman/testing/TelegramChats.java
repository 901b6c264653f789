package id.ruangaman.testing;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.ChatMessage;
import id.ruangaman.transcript.Contact;
import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.transcript.ProviderIds;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Posts fixtures to the webhooks and waits for the service to finish with them; reads what the
 * service stored for a channel's chat (Telegram chat id or WhatsApp number).
 */
@ApplicationScoped
public class TelegramChats {

    private final EntityManager em;
    private final ContactRepository contacts;
    private final ProviderIds providerIds;

    TelegramChats(EntityManager em, ContactRepository contacts, ProviderIds providerIds) {
        this.em = em;
        this.contacts = contacts;
        this.providerIds = providerIds;
    }

    public static Response post(String json) {
        return post(json, FakePlatforms.TELEGRAM_SECRET);
    }

    /**
     * Posts an update as Telegram does, and as Telegram does, runs the Bot API method a 200 answer names (a button
     * press's answerCallbackQuery) on the shared fake ({@link FakeTelegram#webhookReply}).
     */
    public static Response post(String json, String secret) {
        var request = given().contentType(ContentType.JSON).body(json);
        if (secret != null) {
            request = request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        Response response = request.when().post("/webhooks/telegram");
        if (response.statusCode() == 200) {
            FakePlatforms.telegram().webhookReply(response.contentType(), response.asByteArray());
        }
        return response;
    }

    /** Posts an update and waits until it is processed and every reply it caused has left the outbox. */
    public void send(String json, long chatId) {
        long updateId = updateIdOf(json);
        post(json).then().statusCode(200);
        Eventually.await("update " + updateId + " processed", Duration.ofSeconds(60), () -> !"PENDING".equals(status(updateId)));
        Eventually.await("outbox of chat " + chatId + " drained", Duration.ofSeconds(60), () -> outboxDrained(chatId));
    }

    /** Plays an intake walk in a Telegram chat, each update processed and answered before the next (no files). */
    public void walkTelegram(long chatId, IntakeWalk walk) {
        walk.play(data -> send(TelegramFixtures.button(chatId, data), chatId), text -> send(TelegramFixtures.text(chatId, text), chatId),
                file -> {
                    throw new IllegalArgumentException("a Telegram walk sends no files");
                });
    }

    /** Plays an intake walk from a WhatsApp number, each message with a wamid from {@code wamids}; a file is an image. */
    public void walkWhatsApp(String number, IntakeWalk walk, Supplier<String> wamids) {
        walk.play(data -> tapWhatsApp(number, wamids.get(), data),
                text -> sayWhatsApp(number, wamids.get(), "text.json", text, null, null),
                file -> sayWhatsApp(number, wamids.get(), "image.json", null, null, file));
    }

    /**
     * A new Telegram chat that started the bot and reported through the short intake ({@link IntakeWalk#shortVictim}: the
     * victim, consenting, with {@code chronology}, no urgent help, psychological support): its chat id. Every update is
     * processed and answered before the next.
     */
    public long reportedTelegramChat(String chronology) {
        long chat = TelegramFixtures.newChatId();
        send(TelegramFixtures.render("start_command.json", chat), chat);
        walkTelegram(chat, IntakeWalk.shortVictim(true, chronology, "no", "psychological"));
        return chat;
    }

    /** A new WhatsApp number that said hello and reported through the same short intake: the number. */
    public String reportedWhatsAppNumber(String chronology) {
        String number = WhatsAppFixtures.newNumber();
        sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "halo", null, null);
        walkWhatsApp(number, IntakeWalk.shortVictim(true, chronology, "no", "psychological"), WhatsAppFixtures::newWamid);
        return number;
    }

    /** A typed text in a Telegram chat under a new message id, sent as {@link #send}: that message id, to edit it by. */
    public long sayTelegram(long chatId, String text) {
        long messageId = TelegramFixtures.nextMessageId();
        send(TelegramFixtures.render("text_message.json", TelegramFixtures.newUpdateId(), chatId, messageId, text, null, null, 0), chatId);
        return messageId;
    }

    /** The person's change of the text {@code messageId} into {@code text} (Bot API {@code edited_message}), sent as {@link #send}. */
    public void editTelegram(long chatId, long messageId, String text) {
        send(TelegramFixtures.render("edited_message.json", TelegramFixtures.newUpdateId(), chatId, messageId, text, null, null, 0), chatId);
    }

    /** The reference code of the case a Telegram chat reported (it reported one). */
    public String referenceOf(long chatId) {
        return referenceOf(Channel.TELEGRAM, String.valueOf(chatId));
    }

    /** The reference code of the case a chat reported (Telegram chat id or WhatsApp number; it reported one). */
    public String referenceOf(Channel channel, String externalId) {
        long contactId = contact(channel, externalId).id;
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select reference_code from intake where contact_id = ?1").setParameter(1, contactId).getSingleResult());
    }

    /** A person's WhatsApp message of the named fixture kind ({@code text.json}, ...), sent as {@link #sendWhatsApp}. */
    public void sayWhatsApp(String number, String wamid, String fixture, String text, String data, String mediaId) {
        sendWhatsApp(WhatsAppFixtures.payload(number, List.of(WhatsAppFixtures.message(fixture, number, wamid, text, data, mediaId))),
                wamid, number);
    }

    /** A tap on a reply button, or a pick from a list where WhatsApp shows the question as one. */
    public void tapWhatsApp(String number, String wamid, String data) {
        sayWhatsApp(number, wamid, WhatsAppFixtures.replyFixture(data), null, data, null);
    }

    /** Posts a signed WhatsApp payload and waits until its item is processed and the replies have left. */
    public void sendWhatsApp(String payload, String wamid, String number) {
        WhatsAppFixtures.post(payload).then().statusCode(200);
        Eventually.await("WhatsApp " + wamid + " processed", Duration.ofSeconds(60),
                () -> !"PENDING".equals(status(Channel.WHATSAPP, wamid)));
        Eventually.await("outbox of " + number + " drained", Duration.ofSeconds(60), () -> outboxDrained(Channel.WHATSAPP, number));
    }

    public String status(long updateId) {
        return status(Channel.TELEGRAM, "123456:" + updateId);
    }

    public String status(Channel channel, String providerId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("select status from inbound_update where channel = ?1 and provider_id = ?2")
                    .setParameter(1, channel.name()).setParameter(2, providerIds.key(channel, providerId)).getResultList();
            return rows.isEmpty() ? null : (String) rows.get(0);
        });
    }

    public String kind(long updateId) {
        return kind(Channel.TELEGRAM, "123456:" + updateId);
    }

    public String kind(Channel channel, String providerId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select kind from inbound_update where channel = ?1 and provider_id = ?2")
                .setParameter(1, channel.name()).setParameter(2, providerIds.key(channel, providerId)).getSingleResult());
    }

    public long storedCount(long updateId) {
        return storedCount(Channel.TELEGRAM, "123456:" + updateId);
    }

    public long storedCount(Channel channel, String providerId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from inbound_update where channel = ?1 and provider_id = ?2")
                .setParameter(1, channel.name()).setParameter(2, providerIds.key(channel, providerId)).getSingleResult()).longValue());
    }

    public Contact contact(long chatId) {
        return contact(Channel.TELEGRAM, String.valueOf(chatId));
    }

    public Contact contact(Channel channel, String externalId) {
        return QuarkusTransaction.requiringNew().call(() -> contacts.findByExternalId(channel, externalId).orElse(null));
    }

    public List<ChatMessage> transcript(long chatId) {
        return transcript(Channel.TELEGRAM, String.valueOf(chatId));
    }

    public List<ChatMessage> transcript(Channel channel, String externalId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Contact contact = contacts.findByExternalId(channel, externalId).orElseThrow();
            return em.createQuery("from ChatMessage where contactId = ?1 order by id", ChatMessage.class)
                    .setParameter(1, contact.id).getResultList();
        });
    }

    public boolean outboxDrained(long chatId) {
        return outboxDrained(Channel.TELEGRAM, String.valueOf(chatId));
    }

    public boolean outboxDrained(Channel channel, String externalId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Contact contact = contacts.findByExternalId(channel, externalId).orElse(null);
            if (contact == null) {
                return true;
            }
            // a story's acknowledgement waiting for the person to pause (V262) is not a reply in flight until its time
            return ((Number) em.createNativeQuery("select count(*) from chat_message where contact_id = ?1 and direction = 'OUT' "
                    + "and status in ('PENDING', 'SENDING') and not (deferred and next_attempt_at > now())")
                    .setParameter(1, contact.id).getSingleResult()).longValue() == 0;
        });
    }

    public static long updateIdOf(String json) {
        int at = json.indexOf("\"update_id\":");
        String rest = json.substring(at + 12).trim();
        return Long.parseLong(rest.substring(0, rest.indexOf(',')).trim());
    }
}
