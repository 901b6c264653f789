package id.ruangaman.inbox;

import java.time.Instant;

import id.ruangaman.channel.ChatMessage;
import id.ruangaman.conversation.Input;
import id.ruangaman.conversation.Output;
import id.ruangaman.conversation.SessionStateJson;

/**
 * One message of the transcript with its delivery status. What the person did that is not text is kept as a
 * code for the labels lookup: {@code button} is the callback data of a pressed button ({@code node:option}),
 * {@code mediaKind} the kind of an upload ({@code photo}), {@code otherKind} any other message kind; the page
 * shows them through {@code inject:labels}. {@code prompt} marks a message the bot sent (folded on the case page);
 * {@code counsellor} names who wrote a counsellor's reply.
 */
public record TranscriptLine(long id, boolean inbound, String kind, String text, String button, String mediaKind,
        String otherKind, boolean prompt, String counsellor, String status, String failureReason, Instant createdAt, Instant sentAt) {

    /**
     * @param counsellor the counsellor who wrote this outbound message (from the audit log's reply records), or null
     *                   when the bot sent it (then it is folded on the case page)
     */
    static TranscriptLine of(ChatMessage m, String counsellor) {
        boolean in = m.direction == ChatMessage.Direction.IN;
        String text = null;
        String button = null;
        String media = null;
        String other = null;
        boolean prompt = false;
        if (m.body != null) {
            try {
                if (!in) {
                    Output.Message out = SessionStateJson.mapper().readValue(m.body, Output.Message.class);
                    text = out.text();
                    prompt = counsellor == null;
                } else {
                    Input input = SessionStateJson.mapper().readValue(m.body, Input.class);
                    if (input instanceof Input.Text t) {
                        text = t.text();
                    } else if (input instanceof Input.ButtonPress b) {
                        button = b.callbackData();
                    } else if (input instanceof Input.Media item) {
                        media = item.kind().name().toLowerCase();
                        text = item.caption();
                    } else {
                        other = m.kind;
                    }
                }
            } catch (java.io.IOException e) {
                other = m.kind;
            }
        }
        return new TranscriptLine(m.id, in, m.kind, text, button, media, other, prompt, in ? null : counsellor, m.status.name(), m.failureReason,
                m.createdAt, m.sentAt);
    }

    public boolean problem() {
        return "FAILED".equals(status) || "HELD".equals(status);
    }

    /** The first words of a folded bot message, on one line. */
    public String preview() {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= 90 ? line : line.substring(0, 89) + "…";
    }

    public boolean erased() {
        return text == null && button == null && mediaKind == null && otherKind == null;
    }
}
