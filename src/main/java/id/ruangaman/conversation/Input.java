package id.ruangaman.conversation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Everything a person can send. The host turns channel updates into one of these. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Input.Text.class, name = "text"),
        @JsonSubTypes.Type(value = Input.ButtonPress.class, name = "button"),
        @JsonSubTypes.Type(value = Input.Media.class, name = "media"),
        @JsonSubTypes.Type(value = Input.Location.class, name = "location"),
        @JsonSubTypes.Type(value = Input.SharedContact.class, name = "contact"),
        @JsonSubTypes.Type(value = Input.Sticker.class, name = "sticker"),
        @JsonSubTypes.Type(value = Input.Unsupported.class, name = "unsupported")})
public sealed interface Input {

    /**
     * This input as forwarded from another chat (WhatsApp {@code messages[].context.forwarded} or
     * {@code frequently_forwarded}, Telegram {@code message.forward_origin}): words or a file the person passed on, such
     * as a message the terlapor sent them, not words of their own. Only typed lines and files keep the mark
     * ({@link Text#forwarded()}, {@link Media#forwarded()}); any other input is returned as it is.
     */
    default Input asForwarded() {
        return this;
    }

    /**
     * A typed message, including commands such as {@code /hapus@RuangAmanBot}. {@code repliesTo}: when the person
     * quoted one of the service's own questions (a reply to a message: WhatsApp {@code messages[].context.id}, Telegram
     * {@code message.reply_to_message}), the question that message asked: a flow node's id, or a pending prompt's
     * {@link PendingPrompt#nodeId()}; null when nothing was quoted, or what was quoted asked nothing the host knows of.
     * A reply to an earlier question is not taken for the one asked now (see the engine's {@code QuotedReplies}).
     * {@code forwarded}: the person forwarded these words from another chat ({@link #asForwarded()}); a story keeps the
     * mark beside the line ({@link Answer#forwarded()}), so nobody reads them as the person's own.
     */
    record Text(String text, @JsonInclude(JsonInclude.Include.NON_NULL) String repliesTo,
            @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean forwarded) implements Input {

        @JsonCreator
        public Text {
        }

        public Text(String text) {
            this(text, null, false);
        }

        public Text(String text, String repliesTo) {
            this(text, repliesTo, false);
        }

        /** This text, as a reply to the message that asked {@code question} (see {@code repliesTo}). */
        public Text replyingTo(String question) {
            return new Text(text, question, forwarded);
        }

        @Override
        public Text asForwarded() {
            return new Text(text, repliesTo, true);
        }
    }

    /** A tapped button; callback data {@code nodeId:optionId}. */
    record ButtonPress(String nodeId, String optionId) implements Input {

        /** Splits callback data at the first ':' (option ids never contain one). */
        public static ButtonPress fromCallbackData(String data) {
            int colon = data.indexOf(':');
            return colon < 0 ? new ButtonPress(data, "") : new ButtonPress(data.substring(0, colon), data.substring(colon + 1));
        }

        public String callbackData() {
            return nodeId + ":" + optionId;
        }
    }

    /**
     * An upload; {@code mediaId} is the host's id for the stored file, never its content. {@code forwarded}: as for
     * {@link Text#forwarded()}.
     */
    record Media(String mediaId, MediaKind kind, String caption,
            @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean forwarded) implements Input {

        @JsonCreator
        public Media {
        }

        public Media(String mediaId, MediaKind kind, String caption) {
            this(mediaId, kind, caption, false);
        }

        @Override
        public Media asForwarded() {
            return new Media(mediaId, kind, caption, true);
        }
    }

    /**
     * A shared location (WhatsApp {@code location}, Telegram {@code location} or {@code venue}): degrees, and the place's
     * name and address when the person picked a place. Any field may be null (the dev chat sends none; rows written
     * before these fields existed have none).
     */
    record Location(Double latitude, Double longitude, String name, String address) implements Input {

        public Location() {
            this(null, null, null, null);
        }

        /** One line for a transcript or an answer: "📍 -6.20000, 106.80000 · name · address". */
        public String describe() {
            List<String> parts = new ArrayList<>();
            if (latitude != null && longitude != null) {
                parts.add(String.format(Locale.ROOT, "%.5f, %.5f", latitude, longitude));
            }
            addIfPresent(parts, name);
            addIfPresent(parts, address);
            return "📍 " + (parts.isEmpty() ? "?" : String.join(" · ", parts));
        }
    }

    /**
     * A shared contact card (WhatsApp {@code contacts}, Telegram {@code contact}), for example a witness's number:
     * the name shown on the card and its phone numbers. Any field may be null or empty.
     */
    record SharedContact(String name, List<String> phones) implements Input {

        public SharedContact {
            phones = phones == null ? List.of() : List.copyOf(phones);
        }

        public SharedContact() {
            this(null, null);
        }

        /** One line for a transcript or an answer: "👤 name · phone, phone". */
        public String describe() {
            List<String> parts = new ArrayList<>();
            addIfPresent(parts, name);
            List<String> numbers = phones.stream().filter(phone -> phone != null && !phone.isBlank()).map(String::strip).toList();
            if (!numbers.isEmpty()) {
                parts.add(String.join(", ", numbers));
            }
            return "👤 " + (parts.isEmpty() ? "?" : String.join(" · ", parts));
        }
    }

    private static void addIfPresent(List<String> parts, String value) {
        if (value != null && !value.isBlank()) {
            parts.add(value.strip());
        }
    }

    record Sticker() implements Input {
    }

    /** Anything else the channel delivered (poll, game, ...), by kind name only. */
    record Unsupported(String kind) implements Input {
    }
}
