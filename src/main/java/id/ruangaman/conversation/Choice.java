package id.ruangaman.conversation;

/** One button under a message. Callback data is {@code nodeId + ":" + id}. */
public record Choice(String id, String label) {
}
