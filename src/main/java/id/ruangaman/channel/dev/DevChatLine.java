package id.ruangaman.channel.dev;

import id.ruangaman.transcript.TranscriptBody;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;

import id.ruangaman.transcript.ChatMessage;
import id.ruangaman.conversation.Choice;
import id.ruangaman.conversation.Input;
import id.ruangaman.conversation.MediaKind;
import id.ruangaman.conversation.Output;
import id.ruangaman.conversation.SessionStateJson;

/** One bubble of the dev chat page. */
public record DevChatLine(boolean fromPerson, String text, String nodeId, List<Choice> choices, boolean multiSelect) {

    /**
     * The bubbles of a transcript, in order. A tapped button shows the label of the choice it came from, as the
     * person saw it, never its option id.
     */
    static List<DevChatLine> all(List<ChatMessage> transcript) {
        List<DevChatLine> lines = new ArrayList<>();
        for (ChatMessage message : transcript) {
            DevChatLine line = of(message);
            String label = pressedLabel(message, lines);
            lines.add(label == null ? line : new DevChatLine(true, label, null, List.of(), false));
        }
        return lines;
    }

    /** The label of the button a person pressed, from the latest question that offered it; null if not a press. */
    private static String pressedLabel(ChatMessage message, List<DevChatLine> before) {
        if (!(TranscriptBody.input(message).orElse(null) instanceof Input.ButtonPress press)) {
            return null;
        }
        for (int i = before.size() - 1; i >= 0; i--) {
            DevChatLine asked = before.get(i);
            if (press.nodeId().equals(asked.nodeId())) {
                for (Choice choice : asked.choices()) {
                    if (choice.id().equals(press.optionId())) {
                        return "[" + choice.label() + "]";
                    }
                }
            }
        }
        return null;
    }

    static DevChatLine of(ChatMessage message) {
        if (message.body == null) {
            return new DevChatLine(message.direction == ChatMessage.Direction.IN, "(dihapus / erased)", null, List.of(), false);
        }
        if (message.direction == ChatMessage.Direction.OUT) {
            return TranscriptBody.message(message)
                    .map(out -> new DevChatLine(false, out.text(), out.nodeId(), out.choices(), out.multiSelect()))
                    .orElseGet(() -> new DevChatLine(false, "(unreadable)", null, List.of(), false));
        }
        return TranscriptBody.input(message).map(in -> new DevChatLine(true, describe(in), null, List.of(), false))
                .orElseGet(() -> new DevChatLine(true, "(unreadable)", null, List.of(), false));
    }

    public String callbackData(Choice choice) {
        return nodeId + ":" + choice.id();
    }

    /**
     * What the person sent, as the chat would show it, in the page's two languages: text as typed, anything else as a
     * bracketed label (a file's kind and its caption when it has one), never an enum or a class name; a line forwarded
     * from another chat after "[diteruskan / forwarded]".
     */
    private static String describe(Input input) {
        boolean forwarded = input instanceof Input.Text text && text.forwarded() || input instanceof Input.Media media && media.forwarded();
        return forwarded ? "[diteruskan / forwarded] " + described(input) : described(input);
    }

    private static String described(Input input) {
        if (input instanceof Input.Text text) {
            return text.text();
        } else if (input instanceof Input.ButtonPress press) {
            return "[" + press.optionId() + "]";
        } else if (input instanceof Input.Media media) {
            boolean captioned = media.caption() != null && !media.caption().isBlank();
            return "[" + label(media.kind()) + (captioned ? ": " + media.caption().strip() : "") + "]";
        } else if (input instanceof Input.Location location) {
            return "[lokasi / location: " + location.describe() + "]";
        } else if (input instanceof Input.SharedContact contact) {
            return "[kontak / contact: " + contact.describe() + "]";
        } else if (input instanceof Input.Sticker) {
            return "[stiker / sticker]";
        } else if (input instanceof Input.Unsupported other && "poll".equals(other.kind())) {
            return "[jajak pendapat / poll]";
        }
        return "[jenis pesan lain / another kind of message]";
    }

    /** The kind of an upload as the dev chat's upload form names it. */
    static String label(MediaKind kind) {
        return switch (kind) {
            case PHOTO -> "foto / photo";
            case DOCUMENT -> "dokumen / document";
            case VOICE -> "pesan suara / voice";
            case AUDIO -> "audio / audio";
            case VIDEO -> "video / video";
        };
    }
}
