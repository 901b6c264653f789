package id.ruangaman.channel.telegram;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessages;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.ChatMessage;
import id.ruangaman.transcript.ChatMessageRepository;
import id.ruangaman.transcript.Outbox;
import id.ruangaman.channel.ServiceStop;
import id.ruangaman.channel.outbound.ChannelSender;
import id.ruangaman.channel.outbound.Outgoing;
import id.ruangaman.channel.outbound.PlatformCalls;
import id.ruangaman.channel.outbound.SendOutcome;
import id.ruangaman.conversation.Choice;
import id.ruangaman.conversation.Output;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Sends outbox rows with the Bot API: choices become an inline keyboard, one button a row, whose
 * callback data is {@code nodeId:optionId} (the flow linter keeps it within Telegram's 64 bytes). A silent message
 * (discreet mode) is sent with {@code disable_notification}; a deletion row deletes the chat's recent messages.
 */
@ApplicationScoped
class TelegramSender implements ChannelSender {

    /** Telegram lets a bot delete a message for 48 hours; a margin keeps the request inside it. */
    static final Duration DELETABLE_FOR = Duration.ofHours(47);
    private static final int DELETE_BATCH = 100;
    /** How many of the bot's last messages with buttons lose them when the report is sent: the summary and the prompts before it. */
    static final int BUTTONS_REMOVED = 5;

    private final TelegramConfig config;
    private final TelegramApi api;
    private final ChatMessageRepository messages;

    TelegramSender(TelegramConfig config, TelegramApi api, ChatMessageRepository messages) {
        this.config = config;
        this.api = api;
        this.messages = messages;
    }

    @Override
    public Channel channel() {
        return Channel.TELEGRAM;
    }

    @Override
    public boolean enabled() {
        return config.enabled();
    }

    /**
     * A Bot API answer to sendMessage for a message with an inline keyboard, with made-up values: reading it builds the
     * library's JSON reader for {@link Message} and every type it holds.
     */
    static final String SAMPLE_ANSWER = "{\"ok\":true,\"result\":{\"message_id\":1,\"date\":1700000000,"
            + "\"chat\":{\"id\":1,\"type\":\"private\"},\"from\":{\"id\":2,\"is_bot\":true,\"first_name\":\"bot\"},"
            + "\"text\":\"-\",\"reply_markup\":{\"inline_keyboard\":[[{\"text\":\"-\",\"callback_data\":\"n:o\"}]]}}}";

    /**
     * Reads {@link #SAMPLE_ANSWER} as a sendMessage answer. Telegram Bots Java reads every answer with one shared Jackson
     * mapper, which builds its reader for {@link Message} (hundreds of types) on the first answer while holding a lock
     * that every other answer waits for: in a fresh JVM on a busy machine, seconds in which no send finishes (thread
     * dumps of a fresh instance with a full outbox: all senders waiting for their answers, the answers waiting for that
     * lock). Reading a sample first builds it before any message is claimed. No send reads its answer into the
     * library's types any more ({@link TelegramApi#call}: sendMessage, editMessageReplyMarkup, deleteMessages); the
     * sample still readies the reader for the library's own calls (getFile, the long poll).
     */
    @Override
    public void prepare() {
        try {
            readSampleAnswer();
        } catch (TelegramApiRequestException e) {
            throw new IllegalStateException("the sample sendMessage answer could not be read", e);
        }
    }

    static Message readSampleAnswer() throws TelegramApiRequestException {
        return SendMessage.builder().chatId(1L).text("-").build().deserializeResponse(SAMPLE_ANSWER);
    }

    /**
     * Sends one outbox row: a message with sendMessage, a removal row with editMessageReplyMarkup for each message that
     * loses its buttons, a deletion row with deleteMessages for each hundred messages. Each request takes its own rate
     * permit ({@link PlatformCalls}), so the channel's limit bounds every call the outbox makes, not only its messages:
     * Telegram's FAQ gives the limit for messages and does not say that edits and deletions are free of it.
     */
    @Override
    public SendOutcome send(Outgoing message, PlatformCalls calls) throws InterruptedException {
        if (Outbox.KIND_DELETE.equals(message.kind())) {
            return deleteRecent(message, calls);
        }
        if (Outbox.KIND_REMOVE_BUTTONS.equals(message.kind())) {
            return removeButtons(message, calls);
        }
        Output.Message body = message.body();
        SendMessage.SendMessageBuilder<?, ?> request = SendMessage.builder().chatId(message.recipient()).text(body.text())
                .disableNotification(body.silent() ? Boolean.TRUE : null);
        if (!body.choices().isEmpty() && body.nodeId() != null) {
            request.replyMarkup(keyboard(body.nodeId(), body.choices()));
        }
        TelegramApi.Answer answer;
        try {
            // Only the answer's few fields are read (TelegramApi.call), not the whole Message the library would build.
            answer = api.call(request.build(), calls);
        } catch (IOException e) {
            if (ServiceStop.interrupted(e)) {
                return new SendOutcome.RetryLater(Duration.ZERO, "stopped while sending", true); // it may have gone out
            }
            // A refused connection never reached Telegram; a timeout may have delivered the message.
            boolean neverSent = e instanceof ConnectException || e instanceof UnknownHostException;
            return new SendOutcome.RetryLater(Duration.ZERO, "network: " + e.getClass().getSimpleName(), !neverSent);
        }
        if (answer.ok()) {
            return new SendOutcome.Sent(answer.messageId() == null ? null : String.valueOf(answer.messageId()));
        }
        return classify(answer.errorCode(), answer.description(), answer.retryAfter());
    }

    /**
     * Quick exit: deletes the chat's messages from before the deletion row, the bot's and the person's own (a bot may
     * delete both in a private chat; a button press has a callback id, not a message id), that are younger than
     * Telegram's 48-hour limit, with deleteMessages (up to 100
     * ids a call; ids Telegram can no longer delete are skipped by Telegram). Source: core.telegram.org/bots/api#deletemessages.
     */
    private SendOutcome deleteRecent(Outgoing deletion, PlatformCalls calls) throws InterruptedException {
        Instant since = deletion.createdAt().minus(DELETABLE_FOR);
        List<Integer> ids = QuarkusTransaction.requiringNew().call(() -> messages.list(
                "contactId = ?1 and id < ?2 and providerMessage is not null and createdAt > ?3 and kind not in (?4, 'button')",
                deletion.contactId(), deletion.messageId(), since, Outbox.KIND_DELETE)).stream()
                .map(row -> row.providerMessage).map(TelegramSender::messageId).filter(java.util.Objects::nonNull).distinct().toList();
        try {
            for (int from = 0; from < ids.size(); from += DELETE_BATCH) {
                TelegramApi.Answer answer = api.call(DeleteMessages.builder().chatId(deletion.recipient())
                        .messageIds(ids.subList(from, Math.min(ids.size(), from + DELETE_BATCH))).build(), calls);
                if (!answer.ok()) {
                    SendOutcome outcome = classify(answer.errorCode(), answer.description(), answer.retryAfter());
                    // 400: nothing left that Telegram can delete; the neutral line that follows still goes out.
                    return outcome instanceof SendOutcome.Failed ? new SendOutcome.Sent(null) : outcome;
                }
            }
            return new SendOutcome.Sent(null);
        } catch (IOException e) {
            String reason = ServiceStop.interrupted(e) ? "stopped while sending" : "network: " + e.getClass().getSimpleName();
            return new SendOutcome.RetryLater(Duration.ZERO, reason, false);
        }
    }

    /**
     * After the report: takes the inline keyboard off the bot's last {@link #BUTTONS_REMOVED} messages that had one,
     * sent before the removal row, with editMessageReplyMarkup and no markup (core.telegram.org/bots/api#editmessagereplymarkup).
     * A message Telegram can no longer edit (400) is skipped; a press on any button left gets a short note instead.
     *
     * <p>The removal is cosmetic and sits in line before the chat's next messages (the reference code among them), so
     * it is tried once: a server or network error fails it rather than retrying it with back-off, which would hold
     * those messages back. Only Telegram's 429 (wait {@code retry_after}, which the next message would have to wait
     * anyway) and 403 (the person blocked the bot) are taken as for any message, and a call stopped by the service's own
     * stop is tried again after the restart.
     */
    private SendOutcome removeButtons(Outgoing removal, PlatformCalls calls) throws InterruptedException {
        List<Integer> ids = QuarkusTransaction.requiringNew().call(() -> messages.find(
                "contactId = ?1 and id < ?2 and direction = ?3 and kind = 'choices' and providerMessage is not null order by id desc",
                removal.contactId(), removal.messageId(), ChatMessage.Direction.OUT).page(0, BUTTONS_REMOVED).list()).stream()
                .map(row -> row.providerMessage).map(TelegramSender::messageId).filter(java.util.Objects::nonNull).distinct().toList();
        for (Integer id : ids) {
            TelegramApi.Answer answer;
            try {
                answer = api.call(EditMessageReplyMarkup.builder().chatId(removal.recipient()).messageId(id).build(), calls);
            } catch (IOException e) {
                if (ServiceStop.interrupted(e)) {
                    // The service is stopping, not Telegram failing: tried again after the restart (an edit already
                    // done is answered 400 then and skipped).
                    return new SendOutcome.RetryLater(Duration.ZERO, "stopped during its calls", false);
                }
                return new SendOutcome.Failed("buttons left in place: network " + e.getClass().getSimpleName());
            }
            if (answer.ok()) {
                continue;
            }
            SendOutcome outcome = classify(answer.errorCode(), answer.description(), answer.retryAfter());
            if (outcome instanceof SendOutcome.Unreachable || answer.errorCode() == 429) {
                return outcome;
            }
            if (outcome instanceof SendOutcome.RetryLater retry) {
                return new SendOutcome.Failed("buttons left in place: " + retry.reason());
            }
        }
        return new SendOutcome.Sent(null);
    }

    private static Integer messageId(String value) {
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Classifies a refusal by its {@code error_code} (0: the answer could not be read), {@code description} and
     * {@code parameters.retry_after} (seconds; null when absent).
     */
    static SendOutcome classify(int code, String description, Integer after) {
        if (code == 429) {
            return new SendOutcome.RetryLater(Duration.ofSeconds(after == null ? 1 : Math.max(1, after)), "Telegram 429 rate limit", false);
        }
        if (code == 403) {
            return new SendOutcome.Unreachable("Telegram 403: the person blocked the bot or the chat is gone");
        }
        if (code == 0) {
            // No error code: the answer could not be read, so Telegram may have sent the message.
            return new SendOutcome.RetryLater(Duration.ZERO, "unreadable Telegram answer", true);
        }
        if (code >= 500) {
            return new SendOutcome.RetryLater(Duration.ZERO, "Telegram " + code + " server error", false);
        }
        return new SendOutcome.Failed("Telegram " + code + ": " + (description == null ? "refused" : description));
    }

    static InlineKeyboardMarkup keyboard(String nodeId, List<Choice> choices) {
        List<InlineKeyboardRow> rows = choices.stream()
                .map(choice -> new InlineKeyboardRow(InlineKeyboardButton.builder()
                        .text(choice.label())
                        .callbackData(nodeId + ":" + choice.id())
                        .build()))
                .toList();
        return InlineKeyboardMarkup.builder().keyboard(rows).build();
    }

    @Override
    public int maxPerSecond() {
        return config.maxPerSecond();
    }

    @Override
    public int perContactBurst() {
        return config.perChatBurst();
    }

    @Override
    public Duration perContactWindow() {
        return config.perChatWindow();
    }
}
