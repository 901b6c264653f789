package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.MediaKind;

/** An input aimed at the current question. */
sealed interface Reply {

    /** A button of the current node. */
    record Pick(String id) implements Reply {
    }

    record Typed(String text) implements Reply {
    }

    record Upload(String mediaId, MediaKind kind, String caption) implements Reply {
    }
}
