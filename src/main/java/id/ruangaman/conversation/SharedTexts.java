package id.ruangaman.conversation;

import id.ruangaman.conversation.definition.LocalizedText;
import java.util.Map;
import java.util.Optional;

/**
 * Texts kept outside the flow files that a node may include with {@code {notice:<name>}}: the reporting contacts of
 * {@code _notices.yaml}, an organisation's optional legal notice. A name without a text is left out (empty), so an
 * optional notice costs nothing when absent.
 */
@FunctionalInterface
public interface SharedTexts {

    SharedTexts NONE = name -> Optional.empty();

    Optional<LocalizedText> text(String name);

    static SharedTexts of(Map<String, LocalizedText> texts) {
        Map<String, LocalizedText> copy = Map.copyOf(texts);
        return name -> Optional.ofNullable(copy.get(name));
    }
}
