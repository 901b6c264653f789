package id.ruangaman.conversation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import id.ruangaman.conversation.text.DatePrecision;
import java.time.LocalDate;
import java.util.List;

/**
 * One answer, keyed in the session by the node's {@code key}. {@code kind} is the node kind
 * ({@code single_choice}, {@code yes_no}, {@code multi_choice}, {@code text}, {@code multi_text}, {@code date},
 * {@code media}). Empty fields are left out of the JSON.
 *
 * @param value     chosen option id (single_choice, yes_no) or the text (text)
 * @param values    chosen option ids (multi_choice)
 * @param raw       what the person typed when it had to be interpreted (a typed choice, a date; a multi_choice keeps every
 *                  message that changed the selection, joined by " / "); for a skipped answer reached after failed attempts,
 *                  the last text the bot could not understand (kept so its meaning is not lost)
 * @param date      parsed rough date (start of the period) or null
 * @param precision DAY, WEEK, MONTH or YEAR when {@code date} is set
 * @param mediaIds  uploads (media)
 * @param skipped   the question was skipped (or given up on after failed attempts)
 * @param parts     messages in order (multi_text), or captions and notes (media)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Answer(
        @JsonProperty("kind") String kind,
        @JsonProperty("value") String value,
        @JsonProperty("values") List<String> values,
        @JsonProperty("raw") String raw,
        @JsonProperty("date") LocalDate date,
        @JsonProperty("precision") DatePrecision precision,
        @JsonProperty("mediaIds") List<String> mediaIds,
        @JsonProperty("skipped") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean skipped,
        @JsonProperty("parts") List<String> parts) {

    public Answer {
        values = values == null ? List.of() : List.copyOf(values);
        mediaIds = mediaIds == null ? List.of() : List.copyOf(mediaIds);
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    public static Answer choice(String kind, String optionId, String raw) {
        return new Answer(kind, optionId, null, raw, null, null, null, false, null);
    }

    public static Answer choices(List<String> optionIds) {
        return choices(optionIds, null);
    }

    /** Options chosen, {@code raw} what the person typed to choose them (null when only buttons were used). */
    public static Answer choices(List<String> optionIds, String raw) {
        return new Answer("multi_choice", null, optionIds, raw, null, null, null, false, null);
    }

    public static Answer text(String text) {
        return new Answer("text", text, null, null, null, null, null, false, null);
    }

    public static Answer texts(List<String> parts) {
        return new Answer("multi_text", null, null, null, null, null, null, false, parts);
    }

    public static Answer date(String raw, LocalDate date, DatePrecision precision) {
        return new Answer("date", null, null, raw, date, precision, null, false, null);
    }

    public static Answer media(List<String> mediaIds, List<String> notes) {
        return new Answer("media", null, null, null, null, null, mediaIds, false, notes);
    }

    public static Answer skipped(String kind, String raw) {
        return new Answer(kind, null, null, raw, null, null, null, true, null);
    }
}
