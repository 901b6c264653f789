package id.ruangaman.conversation.definition;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A text in several languages: {@code {id: "Ya", en: "Yes"}}. */
public record LocalizedText(Map<String, String> values) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public LocalizedText {
        values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static LocalizedText of(String language, String text) {
        return new LocalizedText(Map.of(language, text));
    }

    @JsonValue
    public Map<String, String> values() {
        return values;
    }

    public boolean has(String language) {
        String text = values.get(language);
        return text != null && !text.isBlank();
    }

    /** The text in {@code language}, else in {@code fallback}, else any. */
    public String in(String language, String fallback) {
        if (has(language)) {
            return values.get(language);
        }
        if (has(fallback)) {
            return values.get(fallback);
        }
        return values.values().stream().findFirst().orElse("");
    }
}
