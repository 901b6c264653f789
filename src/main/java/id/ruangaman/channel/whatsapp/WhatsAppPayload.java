package id.ruangaman.channel.whatsapp;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Cloud API webhook body: {@code entry[].changes[].value} holds either contacts and messages or statuses (or
 * errors). The webhook reads it as a JSON tree and keeps each message as its own tree; everything unknown is ignored,
 * so new platform fields never break intake. Graph API: webhooks for WhatsApp Business Accounts, "messages" field.
 */
public final class WhatsAppPayload {

    private static final List<String> VALUE_LISTS = List.of("contacts", "messages", "statuses", "errors");

    private WhatsAppPayload() {
    }

    /**
     * Whether an {@code entry} item has the Cloud API's shape where it is read: an object whose {@code changes} is a
     * list (or absent) of objects (or nulls) with a scalar {@code field} and an object {@code value}, whose
     * {@code contacts}, {@code messages}, {@code statuses} and {@code errors} are lists, the contacts objects. Any other
     * entry is skipped whole (its siblings are kept).
     */
    static boolean wellFormedEntry(JsonNode entry) {
        if (entry == null || !entry.isObject() || !scalarOrAbsent(entry.get("id"))) {
            return false;
        }
        JsonNode changes = entry.get("changes");
        if (changes == null || changes.isNull()) {
            return true;
        }
        if (!changes.isArray()) {
            return false;
        }
        for (JsonNode change : changes) {
            if (change.isNull()) {
                continue;
            }
            if (!change.isObject() || !scalarOrAbsent(change.get("field")) || !wellFormedValue(change.get("value"))) {
                return false;
            }
        }
        return true;
    }

    private static boolean wellFormedValue(JsonNode value) {
        if (value == null || value.isNull()) {
            return true;
        }
        if (!value.isObject()) {
            return false;
        }
        for (String list : VALUE_LISTS) {
            JsonNode items = value.get(list);
            if (items != null && !items.isNull() && !items.isArray()) {
                return false;
            }
        }
        for (JsonNode contact : value.path("contacts")) {
            if (!contact.isNull() && (!contact.isObject() || !scalarOrAbsent(contact.get("wa_id"))
                    || !scalarOrAbsent(contact.get("user_id")) || !profile(contact.get("profile")))) {
                return false;
            }
        }
        return true;
    }

    private static boolean profile(JsonNode profile) {
        return profile == null || profile.isNull() || profile.isObject() && scalarOrAbsent(profile.get("name"));
    }

    private static boolean scalarOrAbsent(JsonNode node) {
        return node == null || node.isValueNode();
    }

    /**
     * One stored message: the message tree, the sender's profile name and business-scoped user id if the payload's
     * {@code contacts} named them, and the {@code phone_number_id} it was sent to (older rows: null).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StoredMessage(JsonNode message, String profileName, String userId, String phoneNumberId) {

        public StoredMessage(JsonNode message, String profileName) {
            this(message, profileName, null, null);
        }
    }
}
