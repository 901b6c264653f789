package id.ruangaman.transcript;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;

import id.ruangaman.conversation.Input;
import id.ruangaman.conversation.Output;
import id.ruangaman.conversation.SessionStateJson;

/**
 * The one codec of {@link ChatMessage#body}: an incoming line holds the person's {@link Input} as JSON, an outgoing
 * line the {@link Output.Message} the bot or a counsellor sent. Every reader and writer of the column goes through
 * here, so the format has one owner. A body is {@code null} once the person erased their data.
 */
public final class TranscriptBody {

    private TranscriptBody() {
    }

    /** The body of an incoming line. */
    public static String of(Input input) {
        return write(input);
    }

    /** The body of an outgoing line. */
    public static String of(Output.Message message) {
        return write(message);
    }

    /** What the person sent; empty for an outgoing, erased or unreadable line. */
    public static Optional<Input> input(ChatMessage line) {
        return line.direction == ChatMessage.Direction.IN ? read(line.body, Input.class) : Optional.empty();
    }

    /** What was sent to the person; empty for an incoming, erased or unreadable line. */
    public static Optional<Output.Message> message(ChatMessage line) {
        return line.direction == ChatMessage.Direction.OUT ? read(line.body, Output.Message.class) : Optional.empty();
    }

    /**
     * What an outgoing line sends, from its decrypted body read without its entity (the outbox's claim, which reads
     * outgoing lines only); empty for an erased (null) or unreadable body.
     */
    public static Optional<Output.Message> outgoing(String body) {
        return read(body, Output.Message.class);
    }

    private static <T> Optional<T> read(String body, Class<T> type) {
        if (body == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(SessionStateJson.mapper().readValue(body, type));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String write(Object value) {
        try {
            return SessionStateJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise a " + value.getClass().getSimpleName(), e);
        }
    }
}
