package id.ruangaman.conversation.definition;

import java.util.Map;

/**
 * Wording that depends on an earlier answer: {@code text_by: {answer: reporter_role, variants: {witness: {...}}}}.
 * When the answer's value has no variant the node's {@code text} is used.
 */
public record TextVariants(String answer, Map<String, LocalizedText> variants) {

    public TextVariants {
        variants = variants == null ? Map.of() : Map.copyOf(variants);
    }
}
