package id.ruangaman.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import id.ruangaman.conversation.Choice;
import id.ruangaman.conversation.Output;

class WhatsAppMessageFormatTest {

    private static Output.Message question(String text, int options, String label) {
        List<Choice> choices = IntStream.rangeClosed(1, options).mapToObj(i -> new Choice("o" + i, label + " " + i)).toList();
        return new Output.Message(text, "node", choices, false);
    }

    @Test
    void shouldUseReplyButtonsForUpToThreeChoicesWithShortTitles() {
        ObjectNode body = WhatsAppMessageFormat.message("62800", question("Lanjut?", 3, "Pilihan yang sangat panjang sekali"), "id");
        assertEquals("button", body.path("interactive").path("type").asText());
        assertEquals(3, body.path("interactive").path("action").path("buttons").size());
        body.path("interactive").path("action").path("buttons").forEach(button -> {
            assertTrue(button.path("reply").path("title").asText().length() <= 20);
            assertTrue(button.path("reply").path("id").asText().startsWith("node:o"));
        });
    }

    @Test
    void shouldUseAListForUpToTenChoicesKeepingTheFullLabelInTheDescription() {
        ObjectNode body = WhatsAppMessageFormat.message("62800", question("Layanan?", 10, "Konseling psikolog atau psikiater"), "en");
        assertEquals("list", body.path("interactive").path("type").asText());
        assertEquals("Choose", body.path("interactive").path("action").path("button").asText());
        var rows = body.path("interactive").path("action").path("sections").path(0).path("rows");
        assertEquals(10, rows.size());
        rows.forEach(row -> {
            assertTrue(row.path("title").asText().length() <= 24);
            assertTrue(row.path("description").asText().startsWith("Konseling psikolog"));
        });
    }

    @Test
    void shouldNumberMoreThanTenChoicesAsText() {
        ObjectNode body = WhatsAppMessageFormat.message("62800", question("Ubah yang mana?", 12, "Jawaban"), "id");
        assertEquals("text", body.path("type").asText());
        String text = body.path("text").path("body").asText();
        assertTrue(text.contains("\n1. Jawaban 1") && text.contains("\n12. Jawaban 12"), text);
    }

    @Test
    void shouldUseAListWhenTheTextIsTooLongForButtons() {
        ObjectNode body = WhatsAppMessageFormat.message("62800", question("r".repeat(2000), 2, "Ya"), "id");
        assertEquals("list", body.path("interactive").path("type").asText());
    }

    @Test
    void shouldCutWithoutSplittingAnEmoji() {
        String cut = WhatsAppMessageFormat.cut("Pilihan dengan emoji 🙏🙏🙏🙏", 23);
        assertTrue(cut.length() <= 23);
        assertTrue(cut.endsWith("…"));
        assertTrue(!Character.isHighSurrogate(cut.charAt(cut.length() - 2)));
    }
}
