package id.ruangaman.conversation;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

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

    /** A typed message, including commands such as {@code /hapus@RuangAmanBot}. */
    record Text(String text) implements Input {
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

    /** An upload; {@code mediaId} is the host's id for the stored file, never its content. */
    record Media(String mediaId, MediaKind kind, String caption) implements Input {
    }

    record Location() implements Input {
    }

    record SharedContact() implements Input {
    }

    record Sticker() implements Input {
    }

    /** Anything else the channel delivered (poll, game, ...), by kind name only. */
    record Unsupported(String kind) implements Input {
    }
}
