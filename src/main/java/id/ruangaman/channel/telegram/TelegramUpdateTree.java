package id.ruangaman.channel.telegram;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the webhook reads of an update before acknowledging it, from the JSON tree and nothing more: the update id,
 * the chat, the kind, whether it belongs to an album, and a button press's query id (answered in the webhook's
 * response). The same answers as {@link TelegramUpdates#classify} gives
 * from the library's types, which the processing step uses later (a test compares the two on every fixture).
 * Bot API: https://core.telegram.org/bots/api#update and #message.
 */
final class TelegramUpdateTree {

    /** A body that is JSON but not shaped like an update in a field that is read here. */
    static final class Malformed extends Exception {
        Malformed() {
            super(null, null, false, false);
        }
    }

    /**
     * An update as read before the acknowledgement; {@code chatId} is null for updates that belong to no chat.
     * {@code fromId} is the user the update comes from ({@code from.id}, a reaction's {@code user.id}), null when
     * none: in a group it differs from the chat, and erasure finds the person's updates there by it.
     * {@code callbackQueryId}: a {@code callback_query}'s {@code id} (a string in the Bot API; null when absent, not a
     * value, or another kind of update).
     */
    record Read(long updateId, String kind, Long chatId, boolean album, Long fromId, String callbackQueryId) {

        Read(long updateId, String kind, Long chatId, boolean album, Long fromId) {
            this(updateId, kind, chatId, album, fromId, null);
        }
    }

    /** Message fields of service messages (TelegramUpdates.serviceMessage) that count when present and not null. */
    private static final List<String> SERVICE_FIELDS = List.of("pinned_message", "message_auto_delete_timer_changed",
            "video_chat_started", "video_chat_ended", "video_chat_scheduled", "video_chat_participants_invited",
            "left_chat_member", "new_chat_title", "migrate_to_chat_id", "migrate_from_chat_id", "forum_topic_created",
            "forum_topic_closed", "forum_topic_reopened", "forum_topic_edited", "write_access_allowed", "boost_added",
            "chat_background_set", "proximity_alert_triggered", "connected_website", "successful_payment",
            "refunded_payment", "gift", "unique_gift", "chat_owner_changed", "chat_owner_left", "giveaway_created",
            "giveaway_completed");
    /** Service fields that count only when true. */
    private static final List<String> SERVICE_FLAGS = List.of("delete_chat_photo", "group_chat_created",
            "supergroup_chat_created", "channel_chat_created");
    /** Service fields that count only when a non-empty list. */
    private static final List<String> SERVICE_LISTS = List.of("new_chat_photo", "new_chat_members");
    /** Message fields whose presence names the kind, in the order TelegramUpdates.kindOf asks. */
    private static final List<String> CONTENT_KINDS = List.of("document", "voice", "audio", "video", "video_note",
            "location", "contact", "sticker");

    private TelegramUpdateTree() {
    }

    /**
     * Reads an update; null when the tree has no {@code update_id} (not an update at all).
     *
     * @throws Malformed when a field read here has the wrong JSON type (the library could not read it either)
     */
    static Read read(JsonNode update) throws Malformed {
        if (update == null || update.isNull()) {
            return null;
        }
        if (!update.isObject()) {
            throw new Malformed();
        }
        JsonNode id = update.get("update_id");
        if (id == null || id.isNull()) {
            return null;
        }
        if (!id.isIntegralNumber() || !id.canConvertToInt()) {
            throw new Malformed();
        }
        JsonNode message = object(update, "message");
        if (message != null) {
            return new Read(id.asLong(), kindOf(message), chatId(message), message.hasNonNull("media_group_id"), userId(message, "from"));
        }
        JsonNode edited = object(update, "edited_message");
        if (edited != null) {
            return new Read(id.asLong(), "edited_message", chatId(edited), false, userId(edited, "from"));
        }
        JsonNode query = object(update, "callback_query");
        if (query != null) {
            JsonNode queryMessage = object(query, "message");
            JsonNode from = object(query, "from");
            Long chatId = queryMessage != null ? chatId(queryMessage) : from == null ? null : number(from, "id");
            JsonNode queryId = query.get("id");
            return new Read(id.asLong(), "callback_query", chatId, false, userId(query, "from"),
                    queryId != null && queryId.isValueNode() && !queryId.isNull() ? queryId.asText() : null);
        }
        JsonNode post = object(update, "channel_post");
        if (post != null) {
            return new Read(id.asLong(), "channel_post", chatId(post), false, null);
        }
        JsonNode member = object(update, "my_chat_member");
        if (member != null) {
            return new Read(id.asLong(), "my_chat_member", chatId(member), false, userId(member, "from"));
        }
        JsonNode editedPost = object(update, "edited_channel_post");
        if (editedPost != null) {
            return new Read(id.asLong(), "edited_channel_post", chatId(editedPost), false, null);
        }
        JsonNode chatMember = object(update, "chat_member");
        if (chatMember != null) {
            return new Read(id.asLong(), "chat_member", null, false, userId(chatMember, "from"));
        }
        JsonNode reaction = object(update, "message_reaction");
        if (reaction != null || object(update, "message_reaction_count") != null) {
            return new Read(id.asLong(), "message_reaction", null, false, reaction == null ? null : userId(reaction, "user"));
        }
        return new Read(id.asLong(), "unknown", null, false, null);
    }

    /**
     * Who to answer for an update the library could not read: the private chat it came from, the message's id (null
     * when unreadable or a button press), and whether it is an {@code edited_message}. Empty for a group or channel, or
     * an update that names no chat.
     */
    record PrivateMessage(long chatId, String messageId, boolean edit) {
    }

    /** The private chat of a {@code message}, {@code edited_message} or {@code callback_query}, read from the tree alone. */
    static java.util.Optional<PrivateMessage> privateMessage(JsonNode update) {
        if (update == null || !update.isObject()) {
            return java.util.Optional.empty();
        }
        for (String field : List.of("message", "edited_message")) {
            JsonNode message = update.get(field);
            if (message != null && message.isObject()) {
                return privateChat(message).map(chat -> new PrivateMessage(chat, messageId(message), field.equals("edited_message")));
            }
        }
        JsonNode query = update.get("callback_query");
        if (query != null && query.isObject() && query.path("id").isValueNode()) {
            JsonNode message = query.get("message");
            java.util.Optional<Long> chat = message != null && message.isObject() ? privateChat(message)
                    : java.util.Optional.ofNullable(integral(query.path("from").get("id")));
            return chat.map(id -> new PrivateMessage(id, null, false));
        }
        return java.util.Optional.empty();
    }

    private static java.util.Optional<Long> privateChat(JsonNode message) {
        JsonNode chat = message.get("chat");
        if (chat == null || !chat.isObject() || !"private".equals(chat.path("type").asText())) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(integral(chat.get("id")));
    }

    private static String messageId(JsonNode message) {
        Long id = integral(message.get("message_id"));
        return id == null ? null : String.valueOf(id);
    }

    private static Long integral(JsonNode value) {
        return value != null && value.isIntegralNumber() && value.canConvertToLong() ? value.asLong() : null;
    }

    private static String kindOf(JsonNode message) throws Malformed {
        JsonNode text = message.get("text");
        if (text != null && !text.isNull()) {
            if (!text.isValueNode()) {
                throw new Malformed();
            }
            if (!text.asText().isEmpty()) {
                return text.asText().startsWith("/") ? "command" : "text";
            }
        }
        JsonNode photo = message.get("photo");
        if (photo != null && photo.isArray() && !photo.isEmpty()) {
            return "photo";
        }
        for (String kind : CONTENT_KINDS) {
            if (object(message, kind) != null) {
                return kind;
            }
        }
        return service(message) ? "service" : "other_message";
    }

    private static boolean service(JsonNode message) {
        for (String field : SERVICE_FIELDS) {
            if (message.hasNonNull(field)) {
                return true;
            }
        }
        for (String field : SERVICE_FLAGS) {
            if (message.path(field).asBoolean(false)) {
                return true;
            }
        }
        for (String field : SERVICE_LISTS) {
            if (message.path(field).isArray() && !message.path(field).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The {@code id} of the node's user object {@code field} ({@code from}, {@code user}); null when absent or not a number. */
    private static Long userId(JsonNode node, String field) {
        JsonNode user = node.get(field);
        JsonNode id = user == null || !user.isObject() ? null : user.get("id");
        return id != null && id.isIntegralNumber() && id.canConvertToLong() ? id.asLong() : null;
    }

    /** The id of the node's {@code chat}; null when it has none. */
    private static Long chatId(JsonNode node) throws Malformed {
        JsonNode chat = object(node, "chat");
        return chat == null ? null : number(chat, "id");
    }

    private static Long number(JsonNode node, String field) throws Malformed {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new Malformed();
        }
        return value.asLong();
    }

    /** The field as an object, null when absent or JSON null; any other type is malformed. */
    private static JsonNode object(JsonNode node, String field) throws Malformed {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw new Malformed();
        }
        return value;
    }
}
