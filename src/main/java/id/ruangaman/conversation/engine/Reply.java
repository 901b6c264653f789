package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.MediaKind;

/** An input aimed at the current question. */
sealed interface Reply {

    /** A button of the current node. */
    record Pick(String id) implements Reply {
    }

    /** Typed words; {@code forwarded}: passed on from another chat ({@code Input#asForwarded}), not the person's own. */
    record Typed(String text, boolean forwarded) implements Reply {

        Typed(String text) {
            this(text, false);
        }
    }

    /** A file; {@code forwarded}: as for {@link Typed}, of the file and its caption. */
    record Upload(String mediaId, MediaKind kind, String caption, boolean forwarded) implements Reply {
    }
}
