package id.ruangaman.conversation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * What is being collected at the current node before it becomes an answer: selected options (multi_choice),
 * messages (multi_text), uploads and notes (media), or whether the summary is showing its "which answer?" list.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Draft(
        @JsonProperty("selected") List<String> selected,
        @JsonProperty("parts") List<String> parts,
        @JsonProperty("mediaIds") List<String> mediaIds,
        @JsonProperty("choosingEdit") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean choosingEdit) {

    public static final Draft EMPTY = new Draft(List.of(), List.of(), List.of(), false);

    public Draft {
        selected = selected == null ? List.of() : List.copyOf(selected);
        parts = parts == null ? List.of() : List.copyOf(parts);
        mediaIds = mediaIds == null ? List.of() : List.copyOf(mediaIds);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return selected.isEmpty() && parts.isEmpty() && mediaIds.isEmpty() && !choosingEdit;
    }

    public Draft withSelected(List<String> newSelected) {
        return new Draft(newSelected, parts, mediaIds, choosingEdit);
    }

    public Draft plusPart(String part) {
        return new Draft(selected, append(parts, part), mediaIds, choosingEdit);
    }

    public Draft plusMedia(String mediaId) {
        return new Draft(selected, parts, append(mediaIds, mediaId), choosingEdit);
    }

    public Draft withChoosingEdit(boolean value) {
        return new Draft(selected, parts, mediaIds, value);
    }

    private static List<String> append(List<String> list, String item) {
        List<String> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }
}
