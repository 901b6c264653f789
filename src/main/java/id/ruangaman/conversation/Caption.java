package id.ruangaman.conversation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * Words a file came with at the evidence question, kept beside that file: a part of a {@code media} answer (or of its
 * {@link Draft}) that is the file's caption, not a note typed on its own. The caption arrives with its file as one input
 * ({@link Input.Media#caption()}: Telegram {@code message.caption}, WhatsApp {@code image.caption},
 * {@code video.caption}, {@code document.caption}), so the engine knows which file it describes when it keeps it.
 * JSON: {@code {"file":"17","part":2}}. An answer stored before captions were kept has none: its parts all read as notes.
 *
 * @param file the file's media id, one of the answer's {@code mediaIds}
 * @param part the caption's place in the answer's {@code parts} (from 0); a caption an edit made longer than one part
 *             has one entry per part, in order
 */
public record Caption(@JsonProperty("file") String file, @JsonProperty("part") int part) {

    @JsonCreator
    public Caption {
    }

    /**
     * {@code captions} after {@code count} parts from {@code from} were replaced by {@code newCount} (a line the person
     * edited, {@link Answer#replacingParts}): those before stay, those after move by the difference, and an edited
     * caption stays its file's, every new piece of it naming the file (the replaced parts are one line: one file's
     * caption, or no caption at all).
     */
    static List<Caption> afterReplacing(List<Caption> captions, int from, int count, int newCount) {
        List<Caption> result = new ArrayList<>();
        String edited = null;
        for (Caption caption : captions) {
            if (caption.part < from) {
                result.add(caption);
            } else if (caption.part < from + count) {
                edited = edited == null ? caption.file : edited;
            }
        }
        for (int piece = 0; edited != null && piece < newCount; piece++) {
            result.add(new Caption(edited, from + piece));
        }
        for (Caption caption : captions) {
            if (caption.part >= from + count) {
                result.add(new Caption(caption.file, caption.part - count + newCount));
            }
        }
        return result;
    }
}
