package id.ruangaman.conversation;

import java.util.Locale;
import java.util.Map;

/** Turns one step of a golden script ({@code text: ...}, {@code button: node:option}, {@code text} with {@code replies_to: node} for a reply quoting that question, ...) into an {@link Input}. */
final class ScriptedInputs {

    private ScriptedInputs() {
    }

    static Input from(Map<String, Object> step) {
        if (step.containsKey("text")) {
            // replies_to: the question of the message the person quoted (a reply to an earlier message)
            return new Input.Text(String.valueOf(step.get("text")), step.get("replies_to") == null ? null : String.valueOf(step.get("replies_to")));
        }
        if (step.containsKey("button")) {
            return Input.ButtonPress.fromCallbackData(String.valueOf(step.get("button")));
        }
        if (step.containsKey("media")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> media = (Map<String, Object>) step.get("media");
            return new Input.Media(String.valueOf(media.get("id")),
                    MediaKind.valueOf(String.valueOf(media.get("kind")).toUpperCase(Locale.ROOT)),
                    media.get("caption") == null ? null : String.valueOf(media.get("caption")));
        }
        if (step.containsKey("location")) {
            return new Input.Location();
        }
        if (step.containsKey("contact")) {
            return new Input.SharedContact();
        }
        if (step.containsKey("sticker")) {
            return new Input.Sticker();
        }
        if (step.containsKey("unsupported")) {
            return new Input.Unsupported(String.valueOf(step.get("unsupported")));
        }
        throw new IllegalArgumentException("unknown script step " + step.keySet());
    }
}
