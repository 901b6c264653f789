package id.ruangaman.channel.whatsapp;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import com.fasterxml.jackson.databind.JsonNode;

import id.ruangaman.transcript.ChatMessage;
import id.ruangaman.transcript.ChatMessageRepository;
import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.Outbox;
import id.ruangaman.transcript.ProviderIds;
import id.ruangaman.transcript.TranscriptChanged;

/**
 * Applies Cloud API delivery statuses to outbound messages. Statuses can arrive out of order, so a
 * message only ever moves forward: sent, then delivered, then read; failed overrides sent and
 * delivered but never a read. A failure for the closed 24-hour window holds the message instead.
 */
@ApplicationScoped
class WhatsAppStatuses {

    private static final Map<String, Integer> RANK = Map.of("sent", 1, "delivered", 2, "failed", 3, "read", 4);

    private final ChatMessageRepository messages;
    private final Outbox outbox;
    private final WhatsAppConfig config;

    private final Event<TranscriptChanged> transcriptChanged;
    private final ProviderIds providerIds;

    WhatsAppStatuses(ChatMessageRepository messages, Outbox outbox, WhatsAppConfig config, Event<TranscriptChanged> transcriptChanged,
            ProviderIds providerIds) {
        this.transcriptChanged = transcriptChanged;
        this.providerIds = providerIds;
        this.messages = messages;
        this.outbox = outbox;
        this.config = config;
    }

    /** Returns false when the status names no message of ours (it is then ignored). */
    boolean apply(JsonNode status) {
        String wamid = status.path("id").asText();
        String state = status.path("status").asText();
        if (!RANK.containsKey(state)) {
            return false;
        }
        ChatMessage message = messages.find("channel = ?1 and direction = ?2 and providerMessageKey = ?3",
                Channel.WHATSAPP, ChatMessage.Direction.OUT, providerIds.key(Channel.WHATSAPP, wamid)).firstResult();
        if (message == null) {
            return false;
        }
        if (message.deliveryStatus != null && RANK.get(state) <= RANK.getOrDefault(message.deliveryStatus, 0)) {
            return true; // older news than what we know; a status never moves backwards
        }
        message.deliveryStatus = state;
        transcriptChanged.fire(new TranscriptChanged(message.contactId, message.intakeId));
        if ("failed".equals(state)) {
            JsonNode error = status.path("errors").path(0);
            int code = error.path("code").asInt(0);
            String title = error.path("title").asText("");
            message.deliveryError = (code + " " + title).trim();
            if (code == 131047) {
                message.status = ChatMessage.Status.HELD;
                message.failureReason = "outside WhatsApp's 24-hour window (131047); sent when the person writes again";
                config.templateName().filter(name -> !name.isBlank())
                        .ifPresent(name -> outbox.queueInvitation(message.contactId, name));
            } else {
                message.status = ChatMessage.Status.FAILED;
                message.failureReason = ("WhatsApp delivery failed: " + message.deliveryError);
                if (message.failureReason.length() > 200) {
                    message.failureReason = message.failureReason.substring(0, 200);
                }
            }
        }
        return true;
    }
}
