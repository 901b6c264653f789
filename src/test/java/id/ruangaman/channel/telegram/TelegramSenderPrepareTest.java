package id.ruangaman.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * The sample answer the Telegram lane reads before its first claim is a whole sendMessage answer for a message with a
 * keyboard, so reading it builds the library's reader for everything a real answer holds.
 */
class TelegramSenderPrepareTest {

    @Test
    void shouldReadTheSampleAnswerWithItsKeyboard() throws Exception {
        Message message = TelegramSender.readSampleAnswer();
        assertEquals(1, message.getMessageId());
        assertEquals(1L, message.getChatId());
        assertEquals("n:o", message.getReplyMarkup().getKeyboard().get(0).get(0).getCallbackData());
    }

    @Test
    void shouldPrepareWithoutAnyConfigurationOrNetwork() {
        assertDoesNotThrow(() -> new TelegramSender(null, null, null).prepare());
    }
}
