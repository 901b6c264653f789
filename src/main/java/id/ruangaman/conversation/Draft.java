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
 * {@code captions}: which of {@code parts} are the words a file came with, and which file ({@link Caption}), in order;
 * empty in a draft stored before they were kept. {@code toldHere}: at a question before the story, a telling was kept
 * for the story already ({@code told_early}), so a further one gets the short acknowledgement; gone with the draft when
 * the question changes.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Draft(
        @JsonProperty("selected") List<String> selected,
        @JsonProperty("parts") List<String> parts,
        @JsonProperty("mediaIds") List<String> mediaIds,
        @JsonProperty("choosingEdit") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean choosingEdit,
        @JsonProperty("forwarded") List<Integer> forwarded,
        @JsonProperty("captions") List<Caption> captions,
        @JsonProperty("toldHere") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean toldHere) {

    public static final Draft EMPTY = new Draft(List.of(), List.of(), List.of(), false);

    @JsonCreator
    public Draft {
        selected = selected == null ? List.of() : List.copyOf(selected);
        parts = parts == null ? List.of() : List.copyOf(parts);
        mediaIds = mediaIds == null ? List.of() : List.copyOf(mediaIds);
        forwarded = forwarded == null ? List.of() : List.copyOf(forwarded);
        captions = captions == null ? List.of() : List.copyOf(captions);
    }

    public Draft(List<String> selected, List<String> parts, List<String> mediaIds, boolean choosingEdit) {
        this(selected, parts, mediaIds, choosingEdit, List.of());
    }

    public Draft(List<String> selected, List<String> parts, List<String> mediaIds, boolean choosingEdit, List<Integer> forwarded) {
        this(selected, parts, mediaIds, choosingEdit, forwarded, List.of());
    }

    public Draft(List<String> selected, List<String> parts, List<String> mediaIds, boolean choosingEdit, List<Integer> forwarded,
            List<Caption> captions) {
        this(selected, parts, mediaIds, choosingEdit, forwarded, captions, false);
    }

    /** The draft of a story or media question asked again from the summary, from its answer: lines, files, marks, captions. */
    public static Draft collecting(Answer answer) {
        return new Draft(List.of(), answer.parts(), answer.mediaIds(), false, answer.forwarded(), answer.captions());
    }

    @JsonIgnore
    public boolean isEmpty() {
        return selected.isEmpty() && parts.isEmpty() && mediaIds.isEmpty() && !choosingEdit;
    }

    public Draft withSelected(List<String> newSelected) {
        return new Draft(newSelected, parts, mediaIds, choosingEdit, forwarded, captions, toldHere);
    }

    public Draft plusPart(String part) {
        return plusPart(part, false);
    }

    /** This draft with {@code part} added; {@code forwardedPart}: the person forwarded it ({@link Input#asForwarded()}). */
    public Draft plusPart(String part, boolean forwardedPart) {
        return new Draft(selected, append(parts, part), mediaIds, choosingEdit,
                forwardedPart ? append(forwarded, parts.size()) : forwarded, captions, toldHere);
    }

    public Draft plusMedia(String mediaId) {
        return new Draft(selected, parts, append(mediaIds, mediaId), choosingEdit, forwarded, captions, toldHere);
    }

    /**
     * This draft with the file {@code mediaId} and the words it came with ({@link Input.Media#caption()}), kept as a part
     * that names the file ({@link Caption}); {@code forwardedFile}: the person forwarded the file, and so its caption.
     */
    public Draft plusCaptionedMedia(String mediaId, String caption, boolean forwardedFile) {
        Draft with = plusMedia(mediaId).plusPart(caption, forwardedFile);
        return new Draft(selected, with.parts, with.mediaIds, choosingEdit, with.forwarded, append(captions, new Caption(mediaId, parts.size())), toldHere);
    }

    /**
     * This draft with {@code count} parts from {@code from} replaced by {@code pieces} (a line the person edited), as
     * {@link Answer#replacingParts} does: forwarded marks and captions of the lines after it move with them.
     */
    public Draft replacingParts(int from, int count, List<String> pieces) {
        return new Draft(selected, Answer.spliced(parts, from, count, pieces), mediaIds, choosingEdit, Answer.placesAfterReplacing(forwarded, from, count, pieces.size()),
                Caption.afterReplacing(captions, from, count, pieces.size()), toldHere);
    }

    public Draft withChoosingEdit(boolean value) {
        return new Draft(selected, parts, mediaIds, value, forwarded, captions, toldHere);
    }

    /** This draft, marked as one where a telling was kept for the story ({@code toldHere}). */
    public Draft withToldHere() {
        return new Draft(selected, parts, mediaIds, choosingEdit, forwarded, captions, true);
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }
}
