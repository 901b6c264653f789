package id.ruangaman.conversation;

import com.fasterxml.jackson.annotation.JsonCreator;
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
 * @param forwarded the places in {@code parts} (from 0, ascending) of lines the person forwarded from another chat
 *                  ({@link Input#asForwarded()}: a message the terlapor sent them, say), to be shown as forwarded, never
 *                  as the person's own words (only a {@code multi_text} or {@code media} answer keeps forwarded lines:
 *                  any other question asks for the person's own answer)
 * @param captions  which of {@code parts} (media) are the words a file came with, and which file ({@link Caption}), in
 *                  the order of {@code parts}; the other parts are notes typed on their own. Empty for an answer stored
 *                  before captions were kept beside their files: all its parts read as notes, as they did
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
        @JsonProperty("parts") List<String> parts,
        @JsonProperty("forwarded") List<Integer> forwarded,
        @JsonProperty("captions") List<Caption> captions) {

    @JsonCreator
    public Answer {
        values = values == null ? List.of() : List.copyOf(values);
        mediaIds = mediaIds == null ? List.of() : List.copyOf(mediaIds);
        parts = parts == null ? List.of() : List.copyOf(parts);
        forwarded = forwarded == null ? List.of() : List.copyOf(forwarded);
        captions = captions == null ? List.of() : List.copyOf(captions);
    }

    public Answer(String kind, String value, List<String> values, String raw, LocalDate date, DatePrecision precision,
            List<String> mediaIds, boolean skipped, List<String> parts, List<Integer> forwarded) {
        this(kind, value, values, raw, date, precision, mediaIds, skipped, parts, forwarded, List.of());
    }

    public Answer(String kind, String value, List<String> values, String raw, LocalDate date, DatePrecision precision,
            List<String> mediaIds, boolean skipped, List<String> parts) {
        this(kind, value, values, raw, date, precision, mediaIds, skipped, parts, List.of(), List.of());
    }

    /** Whether the line at {@code place} of {@link #parts()} was forwarded. */
    public boolean forwarded(int place) {
        return forwarded.contains(place);
    }

    /** Whether the line at {@code place} of {@link #parts()} is the words a file came with ({@link #captions()}). */
    public boolean captioned(int place) {
        return captions.stream().anyMatch(caption -> caption.part() == place);
    }

    /** The places in {@link #parts()} of the words the file {@code mediaId} came with, in order; empty when none. */
    public List<Integer> captionOf(String mediaId) {
        return captions.stream().filter(caption -> caption.file().equals(mediaId)).map(Caption::part).toList();
    }

    /** {@code parts} with {@code count} of them from {@code from} replaced by {@code pieces}, as a new list. */
    static List<String> spliced(List<String> parts, int from, int count, List<String> pieces) {
        List<String> result = new java.util.ArrayList<>(parts.subList(0, from));
        result.addAll(pieces);
        result.addAll(parts.subList(from + count, parts.size()));
        return result;
    }

    /**
     * This answer with {@code count} parts from {@code from} replaced by {@code pieces} (a line the person edited): the
     * forwarded marks of the lines after it move with them, and the replaced lines lose theirs (an edit is the person's
     * own words; neither platform lets a forwarded message be edited); an edited caption stays beside its file
     * ({@link Caption#afterReplacing}).
     */
    public Answer replacingParts(int from, int count, List<String> pieces) {
        return new Answer(kind, value, values, raw, date, precision, mediaIds, skipped, spliced(parts, from, count, pieces),
                placesAfterReplacing(forwarded, from, count, pieces.size()),
                Caption.afterReplacing(captions, from, count, pieces.size()));
    }

    /**
     * Forwarded places ({@link #forwarded()}, {@link Draft#forwarded()}) after {@code count} parts from {@code from} were
     * replaced by {@code newCount}: those before stay, those replaced go, those after move by the difference.
     */
    public static List<Integer> placesAfterReplacing(List<Integer> places, int from, int count, int newCount) {
        return places.stream().filter(place -> place < from || place >= from + count)
                .map(place -> place < from ? place : place - count + newCount).toList();
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
        return texts(parts, null);
    }

    /** The story's lines in order; {@code forwardedPlaces}: those the person forwarded (see {@link #forwarded()}). */
    public static Answer texts(List<String> parts, List<Integer> forwardedPlaces) {
        return new Answer("multi_text", null, null, null, null, null, null, false, parts, forwardedPlaces);
    }

    public static Answer date(String raw, LocalDate date, DatePrecision precision) {
        return new Answer("date", null, null, raw, date, precision, null, false, null);
    }

    public static Answer media(List<String> mediaIds, List<String> notes) {
        return media(mediaIds, notes, null);
    }

    /** Files and notes; {@code forwardedPlaces}: the notes (captions) the person forwarded (see {@link #forwarded()}). */
    public static Answer media(List<String> mediaIds, List<String> notes, List<Integer> forwardedPlaces) {
        return media(mediaIds, notes, forwardedPlaces, null);
    }

    /** Files and notes, as {@link #media(List, List, List)}; {@code captions}: which notes are which file's caption. */
    public static Answer media(List<String> mediaIds, List<String> notes, List<Integer> forwardedPlaces, List<Caption> captions) {
        return new Answer("media", null, null, null, null, null, mediaIds, false, notes, forwardedPlaces, captions);
    }

    public static Answer skipped(String kind, String raw) {
        return new Answer(kind, null, null, raw, null, null, null, true, null);
    }
}
