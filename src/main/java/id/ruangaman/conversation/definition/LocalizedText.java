package id.ruangaman.conversation.definition;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A text in several languages: {@code {id: "Ya", en: "Yes"}}. */
public record LocalizedText(Map<String, String> values) {

    private static final Pattern LINE_OR_SLASH = Pattern.compile("\\s*(?:\\n|/)\\s*");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s:.!?]+$");

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

    /**
     * For a person whose language is not known yet: the text in each of {@code languages} that has one, in that order
     * ("Maaf, …" then "Sorry, …"), separated by a line, or by an empty line when a text has several lines. A text
     * already written in both languages in each variant ("Pilih bahasa / Choose a language:") is given once, in the
     * first language.
     */
    public String inEvery(List<String> languages) {
        List<String> texts = languages.stream().filter(this::has).map(values::get).distinct().toList();
        if (texts.isEmpty()) {
            return in(null, null);
        }
        if (texts.stream().map(LocalizedText::parts).distinct().count() == 1) {
            return texts.get(0);
        }
        String separator = texts.stream().anyMatch(text -> text.contains("\n")) ? "\n\n" : "\n";
        return String.join(separator, texts);
    }

    /** A button label for a person whose language is not known yet: "Ya / Yes"; one label when they are the same. */
    public String labelInEvery(List<String> languages) {
        List<String> labels = languages.stream().filter(this::has).map(values::get).distinct().toList();
        return labels.isEmpty() ? in(null, null) : String.join(" / ", labels);
    }

    /** The lines and " / " halves of a text, without end punctuation: equal for texts that say both languages. */
    private static Set<String> parts(String text) {
        return Arrays.stream(LINE_OR_SLASH.split(text)).map(part -> TRAILING_PUNCTUATION.matcher(part).replaceAll("").trim())
                .filter(part -> !part.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
