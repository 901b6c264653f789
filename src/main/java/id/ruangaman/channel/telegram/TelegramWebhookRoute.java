package id.ruangaman.channel.telegram;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.ruangaman.channel.WebhookResponses;
import id.ruangaman.channel.WebhookRoute;
import id.ruangaman.channel.WebhookRoute.Answer;
import id.ruangaman.channel.inbound.InboundStore;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;

/**
 * {@code POST /webhooks/telegram} ({@link WebhookRoute}: a plain route on the event loop, ahead of the REST layer and
 * the security filters): checks the secret header, reads the update id, chat and kind from the JSON tree (the
 * library's types are read later, by the processing step), hands the encrypted body to the group commit and answers
 * 200 once it is committed. Waits on nothing: the committer completes the answer on this request's event loop. No
 * conversation work happens here; a duplicate update_id is acknowledged and changes nothing.
 *
 * <p>A button press ({@code callback_query}, in any chat) is answered in the 200 itself: its body is
 * {@code answerCallbackQuery} for the press's query id, which Telegram runs as the bot, so the button stops showing a
 * progress bar as soon as the press is stored, however many updates wait to be processed, and without a call of our
 * own (https://core.telegram.org/bots/api#making-requests-when-getting-updates; the Bot API says to answer every press,
 * #answercallbackquery). It carries no text: what the press leads to comes as the step's reply. A press Telegram
 * sends again (a retry) is answered again; Telegram reports nothing back about a method in a webhook's answer.
 *
 * <p>Other answers: 503 with Retry-After when the update could not be stored or too many wait to be (Telegram
 * retries); 401 for a wrong or missing secret; 400 for a body that is not an update; 404 while the channel is off.
 */
@ApplicationScoped
class TelegramWebhookRoute {

    static final String PATH = "/webhooks/telegram";
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TelegramConfig config;
    private final InboundStore store;
    private final TelegramArrivals arrivals;
    private final long maxBodyBytes;

    TelegramWebhookRoute(TelegramConfig config, InboundStore store, TelegramArrivals arrivals,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBody) {
        this.config = config;
        this.store = store;
        this.arrivals = arrivals;
        this.maxBodyBytes = maxBody.asLongValue();
    }

    void register(@Observes Router router) {
        WebhookRoute.post(router, PATH, maxBodyBytes, (headers, body) -> receive(headers.get(SECRET_HEADER), body));
    }

    /** The answer to one webhook call with this secret header (null: none) and body. */
    CompletionStage<Answer> receive(String secret, byte[] body) {
        if (!config.enabled()) {
            return Answer.now(Answer.notConfigured());
        }
        if (!WebhookResponses.sameSecret(config.webhookSecret().orElse(null), secret)) {
            return Answer.now(Answer.error(401, "bad or missing secret token"));
        }
        TelegramUpdateTree.Read update;
        try {
            JsonNode tree = body == null || body.length == 0 ? null : JSON.readTree(body);
            update = TelegramUpdateTree.read(tree);
        } catch (IOException | TelegramUpdateTree.Malformed e) {
            return Answer.now(Answer.error(400, "malformed JSON"));
        }
        if (update == null) {
            return Answer.now(Answer.error(400, "not a Telegram update"));
        }
        Answer stored = update.callbackQueryId() == null ? Answer.OK : Answer.replying(answerPress(update.callbackQueryId()));
        return Answer.afterCommit(store.accept(List.of(arrivals.of(update, body))), stored);
    }

    /** The JSON of {@code answerCallbackQuery} for the press {@code callbackQueryId}, with no text (the library's type). */
    static String answerPress(String callbackQueryId) {
        try {
            return JSON.writeValueAsString(AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId).build());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("answerCallbackQuery could not be written", e);
        }
    }
}
