package id.ruangaman.channel.whatsapp;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.conversation.Choice;
import id.ruangaman.conversation.Output;

/**
 * Shapes a bot message for the Cloud API so that every choice can be read whole: up to 3 choices whose labels all fit
 * a reply button's title (at most 20 characters) become reply buttons; up to 10 whose labels fit a list row's
 * description (at most 72) become a list (row title at most 24, the full label as description when the title is cut);
 * anything else is numbered text, which the conversation also accepts typed ("1", "2" ...). A button's title is never
 * cut: two cut titles ("Orang lain, saya li…") could not be told apart, and a reply button has no description.
 * Limits: Cloud API reference, interactive reply buttons and list messages.
 */
final class WhatsAppMessageFormat {

    static final int BUTTON_TITLE = 20;
    static final int ROW_TITLE = 24;
    static final int ROW_DESCRIPTION = 72;
    static final int BUTTON_BODY = 1024;
    static final int TEXT = 4096;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private WhatsAppMessageFormat() {
    }

    static ObjectNode message(String to, Output.Message message, String language) {
        List<Choice> choices = message.choices();
        if (choices.isEmpty() || message.nodeId() == null) {
            return text(to, message.text());
        }
        if (choices.size() <= 3 && message.text().length() <= BUTTON_BODY && allFit(choices, BUTTON_TITLE)) {
            return buttons(to, message);
        }
        if (isList(message)) {
            return list(to, message, language);
        }
        return text(to, numbered(message));
    }

    /**
     * Whether {@code message} goes out as a list: its choices are then hidden behind the list's button until it is
     * opened, so the message shows no order a typed "2" could refer to (reply buttons and numbered text show theirs).
     */
    static boolean isList(Output.Message message) {
        List<Choice> choices = message.choices();
        if (choices.isEmpty() || message.nodeId() == null) {
            return false;
        }
        boolean buttons = choices.size() <= 3 && message.text().length() <= BUTTON_BODY && allFit(choices, BUTTON_TITLE);
        return !buttons && choices.size() <= 10 && allFit(choices, ROW_DESCRIPTION);
    }

    /** Whether {@code message} goes out as numbered text ("1. …"): its choices' numbers are then on the screen. */
    static boolean isNumberedText(Output.Message message) {
        List<Choice> choices = message.choices();
        if (choices.isEmpty() || message.nodeId() == null) {
            return false;
        }
        boolean buttons = choices.size() <= 3 && message.text().length() <= BUTTON_BODY && allFit(choices, BUTTON_TITLE);
        return !buttons && !isList(message);
    }

    private static boolean allFit(List<Choice> choices, int max) {
        return choices.stream().allMatch(choice -> choice.label().length() <= max);
    }

    static ObjectNode text(String to, String text) {
        ObjectNode root = envelope(to, "text");
        root.putObject("text").put("preview_url", false).put("body", cut(text, TEXT));
        return root;
    }

    static ObjectNode template(String to, String name, String language) {
        ObjectNode root = envelope(to, "template");
        ObjectNode template = root.putObject("template");
        template.put("name", name);
        template.putObject("language").put("code", language);
        return root;
    }

    private static ObjectNode buttons(String to, Output.Message message) {
        ObjectNode root = envelope(to, "interactive");
        ObjectNode interactive = root.putObject("interactive");
        interactive.put("type", "button");
        interactive.putObject("body").put("text", message.text());
        ArrayNode buttons = interactive.putObject("action").putArray("buttons");
        for (Choice choice : message.choices()) {
            ObjectNode button = buttons.addObject();
            button.put("type", "reply");
            button.putObject("reply").put("id", message.nodeId() + ":" + choice.id()).put("title", choice.label());
        }
        return root;
    }

    private static ObjectNode list(String to, Output.Message message, String language) {
        ObjectNode root = envelope(to, "interactive");
        ObjectNode interactive = root.putObject("interactive");
        interactive.put("type", "list");
        interactive.putObject("body").put("text", cut(message.text(), TEXT));
        ObjectNode action = interactive.putObject("action");
        action.put("button", language == null ? "Pilih / Choose" : "en".equals(language) ? "Choose" : "Pilih"); // none yet: both
        ArrayNode rows = action.putArray("sections").addObject().putArray("rows");
        for (Choice choice : message.choices()) {
            ObjectNode row = rows.addObject();
            row.put("id", message.nodeId() + ":" + choice.id());
            row.put("title", cut(choice.label(), ROW_TITLE));
            if (choice.label().length() > ROW_TITLE) {
                row.put("description", choice.label());
            }
        }
        return root;
    }

    static String numbered(Output.Message message) {
        StringBuilder text = new StringBuilder(message.text()).append("\n");
        List<Choice> choices = message.choices();
        for (int i = 0; i < choices.size(); i++) {
            text.append("\n").append(i + 1).append(". ").append(choices.get(i).label());
        }
        return text.toString();
    }

    private static ObjectNode envelope(String to, String type) {
        ObjectNode root = NODES.objectNode();
        root.put("messaging_product", "whatsapp");
        root.put("recipient_type", "individual");
        // A person known only by a business-scoped user id (username users) is addressed by "recipient", not "to".
        root.put(ContactRepository.isPhoneNumber(to) ? "to" : "recipient", to);
        root.put("type", type);
        return root;
    }

    /** Shortens to at most {@code max} characters, marking the cut with an ellipsis. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
