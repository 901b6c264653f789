package id.ruangaman.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Which Telegram messages were forwarded from another chat [Bot API: Message.forward_origin (MessageOriginUser,
 * MessageOriginHiddenUser, MessageOriginChat, MessageOriginChannel); forward_date before Bot API 7.0]. A message the
 * sender forwards from themselves is forwarded too: an old "iya" of theirs in a conversation passed on answers nothing
 * now. Synthetic messages.
 */
class TelegramForwardedTest {

    private static final String FROM = "\"message_id\": 5, \"date\": 1763800000, \"chat\": {\"id\": 4242, \"type\": \"private\"}, "
            + "\"from\": {\"id\": 4242, \"is_bot\": false, \"first_name\": \"Synthetic\"}, \"text\": \"halo\"";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "\"forward_origin\": {\"type\": \"user\", \"date\": 1, \"sender_user\": {\"id\": 7001, \"is_bot\": false, \"first_name\": \"Other\"}}|true",
            "\"forward_origin\": {\"type\": \"hidden_user\", \"date\": 1, \"sender_user_name\": \"Hidden\"}|true",
            "\"forward_origin\": {\"type\": \"channel\", \"date\": 1, \"message_id\": 9, \"chat\": {\"id\": -1001, \"type\": \"channel\", \"title\": \"C\"}}|true",
            "\"forward_origin\": {\"type\": \"chat\", \"date\": 1, \"sender_chat\": {\"id\": -1002, \"type\": \"group\", \"title\": \"G\"}}|true",
            "\"forward_date\": 1763700000|true",
            "\"forward_origin\": {\"type\": \"user\", \"date\": 1, \"sender_user\": {\"id\": 4242, \"is_bot\": false, \"first_name\": \"Synthetic\"}}|true",
            "\"edit_date\": 1763800001|false"})
    void shouldReadWhetherAMessageWasForwarded(String extra, boolean forwarded) throws Exception {
        Message message = new ObjectMapper().readValue("{" + FROM + ", " + extra + "}", Message.class);
        assertEquals(forwarded, TelegramInboundHandler.forwarded(message));
    }
}
