package id.ruangaman.conversation.definition;

/** Extra checks on top of the built-in ones of each kind. {@code max_length} applies to each typed message. */
public record Validation(Integer maxLength) {
}
