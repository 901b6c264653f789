package id.ruangaman.conversation.definition;

/** An option of a single_choice or multi_choice node. The id is stored as the answer value. */
public record OptionDefinition(String id, LocalizedText label) {
}
