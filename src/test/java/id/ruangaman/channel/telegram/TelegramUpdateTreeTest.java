package id.ruangaman.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.telegram.telegrambots.meta.api.objects.Update;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.ruangaman.testing.TelegramFixtures;

/**
 * The webhook reads an update from the JSON tree before acknowledging it; the processing step reads it later with the
 * library's types. Both must agree on the kind and the chat, or ordering per contact and album handling break.
 */
class TelegramUpdateTreeTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    static Stream<String> updates() {
        Stream<String> fixtures = Stream.of("text_message.json", "start_command.json", "photo.json", "document.json",
                "voice.json", "audio.json", "video.json", "video_note.json", "location.json", "contact.json",
                "sticker.json", "dice.json", "edited_message.json", "callback_query.json", "group_message.json",
                "channel_post.json", "unknown_update.json")
                .map(name -> TelegramFixtures.render(name, name.startsWith("group") || name.startsWith("channel")
                        ? TelegramFixtures.newGroupId() : TelegramFixtures.newChatId()));
        long chat = TelegramFixtures.newChatId();
        String message = "{\"message_id\": 7, \"date\": 1763800000, \"chat\": {\"id\": " + chat + ", \"type\": \"private\"}";
        Stream<String> more = Stream.of(
                "{\"update_id\": 11, \"message\": " + message + ", \"pinned_message\": {\"message_id\": 3, \"date\": 1, "
                        + "\"chat\": {\"id\": " + chat + ", \"type\": \"private\"}}}}",
                "{\"update_id\": 12, \"message\": " + message + ", \"message_auto_delete_timer_changed\": "
                        + "{\"message_auto_delete_time\": 86400}}}",
                "{\"update_id\": 13, \"message\": " + message + ", \"new_chat_members\": [{\"id\": 5, \"is_bot\": false, "
                        + "\"first_name\": \"A\"}]}}",
                "{\"update_id\": 14, \"message\": " + message + ", \"new_chat_members\": []}}",
                "{\"update_id\": 15, \"message\": " + message + ", \"group_chat_created\": true}}",
                "{\"update_id\": 16, \"message\": " + message + ", \"delete_chat_photo\": false}}",
                "{\"update_id\": 17, \"message\": " + message + ", \"text\": \"\"}}",
                "{\"update_id\": 18, \"message\": " + message + ", \"photo\": [], \"caption\": \"x\"}}",
                "{\"update_id\": 19, \"message\": " + message + ", \"media_group_id\": \"g1\", \"photo\": [{\"file_id\": "
                        + "\"f\", \"file_unique_id\": \"u\", \"width\": 1, \"height\": 1}]}}",
                "{\"update_id\": 20, \"callback_query\": {\"id\": \"q\", \"from\": {\"id\": " + chat + ", \"is_bot\": false, "
                        + "\"first_name\": \"A\"}, \"chat_instance\": \"c\", \"data\": \"x\"}}",
                "{\"update_id\": 21, \"my_chat_member\": {\"chat\": {\"id\": " + chat + ", \"type\": \"private\"}, "
                        + "\"from\": {\"id\": " + chat + ", \"is_bot\": false, \"first_name\": \"A\"}, \"date\": 1, "
                        + "\"old_chat_member\": {\"status\": \"member\", \"user\": {\"id\": 1, \"is_bot\": true, \"first_name\": \"B\"}}, "
                        + "\"new_chat_member\": {\"status\": \"kicked\", \"until_date\": 0, \"user\": {\"id\": 1, \"is_bot\": true, "
                        + "\"first_name\": \"B\"}}}}",
                "{\"update_id\": 22, \"message\": null, \"edited_message\": " + message + ", \"text\": \"baru\"}}",
                "{\"update_id\": 23, \"message_reaction_count\": {\"chat\": {\"id\": -100, \"type\": \"channel\"}, "
                        + "\"message_id\": 1, \"date\": 1, \"reactions\": []}}",
                "{\"update_id\": 24, \"poll\": {\"id\": \"p\"}}");
        return Stream.concat(fixtures, more);
    }

    @ParameterizedTest
    @MethodSource("updates")
    void shouldReadTheSameKindChatAlbumAndPressAsTheLibraryTypes(String json) throws Exception {
        Update update = JSON.readValue(json, Update.class);
        TelegramUpdates.Classified library = TelegramUpdates.classify(update);

        TelegramUpdateTree.Read tree = TelegramUpdateTree.read(JSON.readTree(json));

        assertEquals(update.getUpdateId().longValue(), tree.updateId());
        assertEquals(library.kind(), tree.kind(), json);
        assertEquals(library.chatId(), tree.chatId(), json);
        assertEquals(update.hasMessage() && update.getMessage().getMediaGroupId() != null, tree.album(), json);
        assertEquals(update.hasCallbackQuery() ? update.getCallbackQuery().getId() : null, tree.callbackQueryId(), json);
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"update_id\": \"not-a-number\", \"message\": []}", "{\"update_id\": 1, \"message\": []}",
"{\"update_id\": 99999999999}", "[1, 2]", "\"text\"",
            "{\"update_id\": 1, \"message\": {\"message_id\": 2, \"chat\": {\"id\": \"abc\"}}}",
            "{\"update_id\": 1, \"message\": {\"message_id\": 2, \"chat\": 5}}",
            "{\"update_id\": 1, \"message\": {\"message_id\": 2, \"text\": {\"a\": 1}}}",
            "{\"update_id\": 1, \"callback_query\": \"x\"}" })
    void shouldCallAWronglyTypedUpdateMalformedAsTheLibraryDoes(String json) {
        assertThrows(TelegramUpdateTree.Malformed.class, () -> TelegramUpdateTree.read(JSON.readTree(json)));
        assertThrows(Exception.class, () -> TelegramUpdates.classify(JSON.readValue(json, Update.class)),
                "the library reads it, so the webhook must not refuse it");
    }

    /** A member's message in a group: the chat is the group, the update is from the member (erasure finds it by them). */
    @Test
    void shouldReadWhoAGroupMessageIsFrom() throws Exception {
        long group = TelegramFixtures.newGroupId();
        long member = TelegramFixtures.newChatId();
        String json = TelegramFixtures.render("group_message_from_user.json", TelegramFixtures.newUpdateId(), group,
                TelegramFixtures.nextMessageId(), "halo grup", null, null, 0).replace("__FROM_ID__", String.valueOf(member));
        TelegramUpdateTree.Read tree = TelegramUpdateTree.read(JSON.readTree(json));
        assertEquals(group, tree.chatId());
        assertEquals(member, tree.fromId());
        assertEquals(JSON.readValue(json, Update.class).getMessage().getFrom().getId().longValue(), tree.fromId().longValue());
    }

    @Test
    void shouldCallABodyWithoutUpdateIdNoUpdate() throws Exception {
        assertNull(TelegramUpdateTree.read(JSON.readTree("{\"ok\": true}")));
        assertNull(TelegramUpdateTree.read(JSON.readTree("{\"update_id\": null}")));
        assertNull(TelegramUpdateTree.read(JSON.readTree("null")));
        assertTrue(TelegramUpdateTree.read(JSON.readTree("{\"update_id\": 5}")).kind().equals("unknown"));
    }

    @Test
    void shouldFindWhoToAnswerForAnUpdateTheLibraryCannotRead() throws Exception {
        long chat = TelegramFixtures.newChatId();
        String unreadable = TelegramFixtures.render("unparseable_message.json", 31, chat, 9, null, null, null, 0);
        assertThrows(java.io.IOException.class, () -> JSON.readValue(unreadable, Update.class), "the fixture is one the library cannot read");
        assertEquals(java.util.Optional.of(new TelegramUpdateTree.PrivateMessage(chat, "9", false)),
                TelegramUpdateTree.privateMessage(JSON.readTree(unreadable)));
        String edit = TelegramFixtures.render("edited_message.json", 32, chat, 10, null, null, null, 0);
        assertEquals(java.util.Optional.of(new TelegramUpdateTree.PrivateMessage(chat, "10", true)),
                TelegramUpdateTree.privateMessage(JSON.readTree(edit)));
        String press = TelegramFixtures.render("callback_query.json", 33, chat, 11, null, "x:y", null, 0);
        assertEquals(chat, TelegramUpdateTree.privateMessage(JSON.readTree(press)).orElseThrow().chatId());
        assertEquals("cbq-33", TelegramUpdateTree.read(JSON.readTree(press)).callbackQueryId(), "the press's query id, to answer it");

        long group = TelegramFixtures.newGroupId();
        String inGroup = TelegramFixtures.render("unparseable_group_message.json", 34, group, 12, null, null, null, 0);
        assertTrue(TelegramUpdateTree.privateMessage(JSON.readTree(inGroup)).isEmpty(), "a group is not answered");
        assertTrue(TelegramUpdateTree.privateMessage(JSON.readTree("{\"update_id\": 5, \"poll\": {}}")).isEmpty());
        assertTrue(TelegramUpdateTree.privateMessage(JSON.readTree("[1]")).isEmpty());
    }
}
