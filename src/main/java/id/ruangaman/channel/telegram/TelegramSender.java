package id.ruangaman.channel.telegram;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import id.ruangaman.channel.Channel;
import id.ruangaman.channel.ChatMessage;
import id.ruangaman.channel.Contact;
import id.ruangaman.channel.outbound.ChannelSender;
import id.ruangaman.channel.outbound.SendOutcome;
import id.ruangaman.conversation.Choice;
import id.ruangaman.conversation.Output;

/**
 * Sends outbox rows with the Bot API: choices become an inline keyboard, one button a row, whose
 * callback data is {@code nodeId:optionId} (the flow linter keeps it within Telegram's 64 bytes).
 */
@ApplicationScoped
public class TelegramSender implements ChannelSender {

    private final TelegramConfig config;
    private final TelegramApi api;

    TelegramSender(TelegramConfig config, TelegramApi api) {
        this.config = config;
        this.api = api;
    }

    @Override
    public Channel channel() {
        return Channel.TELEGRAM;
    }

    @Override
    public boolean enabled() {
        return config.enabled();
    }

    @Override
    public SendOutcome send(Contact contact, ChatMessage message, Output.Message body) {
        SendMessage.SendMessageBuilder<?, ?> request = SendMessage.builder().chatId(contact.externalId).text(body.text());
        if (!body.choices().isEmpty() && body.nodeId() != null) {
            request.replyMarkup(keyboard(body.nodeId(), body.choices()));
        }
        try {
            Message sent = api.client().execute(request.build());
            return new SendOutcome.Sent(String.valueOf(sent.getMessageId()));
        } catch (TelegramApiRequestException e) {
            return classify(e);
        } catch (TelegramApiException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            // A refused connection never reached Telegram; a timeout may have delivered the message.
            boolean neverSent = cause instanceof ConnectException || cause instanceof UnknownHostException;
            boolean unknown = !neverSent && (cause instanceof InterruptedIOException || cause instanceof java.io.IOException);
            return new SendOutcome.RetryLater(Duration.ZERO, "network: " + cause.getClass().getSimpleName(), unknown);
        }
    }

    static SendOutcome classify(TelegramApiRequestException e) {
        int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
        if (code == 429) {
            Integer after = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
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
        return new SendOutcome.Failed("Telegram " + code + ": " + (e.getApiResponse() == null ? "refused" : e.getApiResponse()));
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
