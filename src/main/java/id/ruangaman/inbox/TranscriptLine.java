package id.ruangaman.inbox;

import java.time.Instant;

import id.ruangaman.channel.ChatMessage;
import id.ruangaman.conversation.Input;
import id.ruangaman.conversation.Output;
import id.ruangaman.conversation.SessionStateJson;

/** One message of the transcript with its delivery status. */
public record TranscriptLine(long id, boolean inbound, String kind, String text, String status, String failureReason,
        Instant createdAt, Instant sentAt) {

    static TranscriptLine of(ChatMessage m) {
        return new TranscriptLine(m.id, m.direction == ChatMessage.Direction.IN, m.kind, text(m), m.status.name(),
                m.failureReason, m.createdAt, m.sentAt);
    }

    public boolean problem() {
        return "FAILED".equals(status) || "HELD".equals(status);
    }

    public boolean erased() {
        return text == null;
    }

    private static String text(ChatMessage m) {
        if (m.body == null) {
            return null;
        }
        try {
            if (m.direction == ChatMessage.Direction.OUT) {
                return SessionStateJson.mapper().readValue(m.body, Output.Message.class).text();
            }
            Input in = SessionStateJson.mapper().readValue(m.body, Input.class);
            if (in instanceof Input.Text t) {
                return t.text();
            } else if (in instanceof Input.ButtonPress b) {
                return "[" + b.optionId() + "]";
            } else if (in instanceof Input.Media media) {
                return "[" + media.kind().name().toLowerCase() + (media.caption() == null ? "" : ": " + media.caption()) + "]";
            }
            return "[" + m.kind + "]";
        } catch (java.io.IOException e) {
            return "[" + m.kind + "]";
        }
    }
}
