package id.ruangaman.conversation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * What is being collected at the current node before it becomes an answer: selected options (multi_choice),
 * messages (multi_text), uploads and notes (media), or whether the summary is showing its "which answer?" list.
 * {@code forwarded}: the places in {@code parts} (from 0) of lines the person forwarded from another chat, ascending.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Draft(
        @JsonProperty("selected") List<String> selected,
        @JsonProperty("parts") List<String> parts,
        @JsonProperty("mediaIds") List<String> mediaIds,
        @JsonProperty("choosingEdit") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean choosingEdit,
        @JsonProperty("forwarded") List<Integer> forwarded) {

    public static final Draft EMPTY = new Draft(List.of(), List.of(), List.of(), false);

    @JsonCreator
    public Draft {
        selected = selected == null ? List.of() : List.copyOf(selected);
        parts = parts == null ? List.of() : List.copyOf(parts);
        mediaIds = mediaIds == null ? List.of() : List.copyOf(mediaIds);
        forwarded = forwarded == null ? List.of() : List.copyOf(forwarded);
    }

    public Draft(List<String> selected, List<String> parts, List<String> mediaIds, boolean choosingEdit) {
        this(selected, parts, mediaIds, choosingEdit, List.of());
    }

    @JsonIgnore
    public boolean isEmpty() {
        return selected.isEmpty() && parts.isEmpty() && mediaIds.isEmpty() && !choosingEdit;
    }

    public Draft withSelected(List<String> newSelected) {
        return new Draft(newSelected, parts, mediaIds, choosingEdit, forwarded);
    }

    public Draft plusPart(String part) {
        return plusPart(part, false);
    }

    /** This draft with {@code part} added; {@code forwardedPart}: the person forwarded it ({@link Input#asForwarded()}). */
    public Draft plusPart(String part, boolean forwardedPart) {
        return new Draft(selected, append(parts, part), mediaIds, choosingEdit,
                forwardedPart ? append(forwarded, parts.size()) : forwarded);
    }

    public Draft plusMedia(String mediaId) {
        return new Draft(selected, parts, append(mediaIds, mediaId), choosingEdit, forwarded);
    }

    public Draft withChoosingEdit(boolean value) {
        return new Draft(selected, parts, mediaIds, value, forwarded);
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }
}
