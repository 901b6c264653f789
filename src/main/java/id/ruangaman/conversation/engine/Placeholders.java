package id.ruangaman.conversation.engine;

import java.util.Map;

/** Fills {@code {name}} placeholders; unknown ones stay as written so mistakes are visible in review. */
final class Placeholders {

    private Placeholders() {
    }

    static String fill(String template, Map<String, String> values) {
        String result = template;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            result = result.replace("{" + entry.getKey() + "}", entry.getValue());
        }
        return result;
    }
}
