package id.ruangaman.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import id.ruangaman.conversation.Choice;
import id.ruangaman.conversation.Output;

class WhatsAppMessageFormatTest {

    private static Output.Message question(String text, int options, String label) {
        List<Choice> choices = IntStream.rangeClosed(1, options).mapToObj(i -> new Choice("o" + i, label + " " + i)).toList();
        return new Output.Message(text, "node", choices, false);
    }

    @Test
    void shouldUseReplyButtonsForUpToThreeChoicesWhoseLabelsFitATitle() {
        ObjectNode body = WhatsAppMessageFormat.message("62800", question("Lanjut?", 3, "Pilihan pendek"), "id");
        assertEquals("button", body.path("interactive").path("type").asText());
        assertEquals(3, body.path("interactive").path("action").path("buttons").size());
        body.path("interactive").path("action").path("buttons").forEach(button -> {
            assertTrue(button.path("reply").path("title").asText().startsWith("Pilihan pendek "));
            assertTrue(button.path("reply").path("id").asText().startsWith("node:o"));
        });
    }

    /**
     * Walkthrough 9, finding 2: "Kejadian ini dialami siapa?" showed [Saya sendiri] [Orang lain, saya li…] [Orang lain,
     * saya ba…], so a witness could not tell the two apart (a reply button has no description). Labels over a button's
     * 20 characters go to a list, whose rows carry the whole label.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "who, Indonesian | Saya sendiri | Orang lain, saya lihat | Orang lain, saya bantu",
            "who, English | Me | Someone else, I saw it | Someone else, I'm helping",
            "safety, Indonesian | Ya | Belum aman | Aman dibalas di chat ini",
            "one label of 21 | A | B | Disabilitas/kebutuhan" })
    void shouldNeverCutAButtonTitleSoThatEveryChoiceCanBeReadWhole(String fixture, String first, String second, String third) {
        List<Choice> choices = List.of(new Choice("a", first), new Choice("b", second), new Choice("c", third));
        ObjectNode body = WhatsAppMessageFormat.message("62800", new Output.Message("Pilih", "node", choices, false), "id");
        assertEquals("list", body.path("interactive").path("type").asText(), fixture);
        var rows = body.path("interactive").path("action").path("sections").path(0).path("rows");
        for (int i = 0; i < choices.size(); i++) {
            var row = rows.path(i);
            String shown = row.path("title").asText().endsWith("…") ? row.path("description").asText() : row.path("title").asText();
            assertEquals(choices.get(i).label(), shown, fixture);
            assertTrue(row.path("title").asText().length() <= 24);
        }
    }

    @Test
    void shouldNumberChoicesAsTextWhenALabelIsTooLongEvenForAListRow() {
        List<Choice> choices = List.of(new Choice("a", "Ya"), new Choice("b", "x".repeat(80)));
        ObjectNode body = WhatsAppMessageFormat.message("62800", new Output.Message("Pilih", "node", choices, false), "id");
        assertEquals("text", body.path("type").asText());
        assertTrue(body.path("text").path("body").asText().contains("2. " + "x".repeat(80)));
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
