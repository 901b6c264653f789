package id.ruangaman.channel.whatsapp;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Cloud API webhook body: {@code entry[].changes[].value} holds either contacts and messages or
 * statuses. Messages are kept as JSON trees so each can be stored on its own; everything unknown is
 * ignored, so new platform fields never break intake.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WhatsAppPayload(String object, List<Entry> entry) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(String id, List<Change> changes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Change(String field, Value value) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Value(@JsonProperty("messaging_product") String messagingProduct, JsonNode metadata,
            List<ProfileContact> contacts, List<JsonNode> messages, List<JsonNode> statuses, List<JsonNode> errors) {
    }

    /** A sender: {@code wa_id} (phone number) and/or {@code user_id} (business-scoped user id, username users). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProfileContact(@JsonProperty("wa_id") String waId, @JsonProperty("user_id") String userId, Profile profile) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Profile(String name) {
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
