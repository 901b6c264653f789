package id.ruangaman.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Which WhatsApp messages were forwarded from another chat [Cloud API: messages[].context.forwarded, and
 * context.frequently_forwarded for a message forwarded more than five times]; a reply's context (from, id) is no
 * forwarding. Synthetic message objects.
 */
class WhatsAppForwardedTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"type\": \"text\", \"context\": {\"forwarded\": true}}|true",
            "{\"type\": \"text\", \"context\": {\"frequently_forwarded\": true}}|true",
            "{\"type\": \"image\", \"context\": {\"forwarded\": true, \"frequently_forwarded\": true}}|true",
            "{\"type\": \"text\", \"context\": {\"forwarded\": false}}|false",
            "{\"type\": \"text\", \"context\": {\"from\": \"15550000000\", \"id\": \"wamid.SYNTHETIC\"}}|false",
            "{\"type\": \"text\"}|false"})
    void shouldReadWhetherAMessageWasForwarded(String message, boolean forwarded) throws Exception {
        assertEquals(forwarded, WhatsAppInboundHandler.forwarded(new ObjectMapper().readTree(message)));
    }
}
