package id.ruangaman.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import id.ruangaman.channel.inbound.InboundStore;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.FakeGraph;
import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.ChatMessage;
import id.ruangaman.transcript.ContactRepository;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What a survivor changes on WhatsApp reaches the transcript (fixtures {@code edit_text.json}, {@code edit_caption.json},
 * {@code revoke.json}: Graph API messages webhook, "Edit messages" and "Revoke messages", sent for a number shared
 * with the WhatsApp Business app). Before, both were taken for a message nobody can read: the person was told "that
 * kind of message cannot be read here" and the counsellor saw neither the corrected words nor which line changed. Now
 * each is a line of kind {@code edit} pointing at the original, and nobody is answered. And a stored message that can
 * no longer be read as one gets the one kind note and a labelled line instead of silence.
 */
@QuarkusTest
class WhatsAppEditsTest extends WebhookTest {

    private static final String NOTE = "Maaf, jenis pesan itu tidak bisa saya baca di sini. Kirim tulisan, foto, pesan suara, atau dokumen saja ya.";
    private static final String CORRECTION = "Ini tanggal 12 Maret bukan 13 (sintetis)";

    @Inject
    InboundStore store;
    @Inject
    ContactRepository contacts;

    @ParameterizedTest(name = "{1} of a {0} is an edit of the original line, not answered")
    @CsvSource({ "text.json, edit_text.json, " + CORRECTION, "image.json, edit_caption.json, " + CORRECTION,
            "text.json, revoke.json, '\"kind\":\"revoke\"'" })
    void shouldRecordAChangeAsAnEditOfTheOriginalLine(String original, String change, String expected) {
        String number = WhatsAppFixtures.newNumber();
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "halo", null, null);
        String originalId = WhatsAppFixtures.newWamid();
        chats.sayWhatsApp(number, originalId, original, "Kejadiannya tanggal 13 Maret (sintetis)", null, null);
        int sent = graph.sentTo(number).size();

        String wamid = WhatsAppFixtures.newWamid();
        chats.sayWhatsApp(number, wamid, change, CORRECTION, originalId, null);

        assertEquals("DONE", chats.status(Channel.WHATSAPP, wamid), change);
        List<ChatMessage> transcript = chats.transcript(Channel.WHATSAPP, number);
        ChatMessage first = transcript.stream().filter(m -> originalId.equals(m.providerMessage) && !"edit".equals(m.kind))
                .findFirst().orElseThrow();
        ChatMessage line = transcript.stream().filter(m -> "edit".equals(m.kind)).findFirst()
                .orElseThrow(() -> new AssertionError(change + " left no edit line"));
        assertEquals(first.id, line.editOf, change);
        assertTrue(line.body.contains(expected), change + ": " + line.body);
        assertEquals(sent, graph.sentTo(number).size(), change + ": a change is not answered");
    }

    @Test
    void shouldKeepAnEditOfAMessageTheServiceNeverSaw() {
        String number = WhatsAppFixtures.newNumber();
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "halo", null, null);
        String wamid = WhatsAppFixtures.newWamid();

        chats.sayWhatsApp(number, wamid, "edit_text.json", CORRECTION, "wamid.NEVER-SEEN-1", null);

        ChatMessage line = chats.transcript(Channel.WHATSAPP, number).stream().filter(m -> "edit".equals(m.kind)).findFirst()
                .orElseThrow();
        assertNull(line.editOf);
        assertTrue(line.body.contains(CORRECTION));
    }

    @Test
    void shouldAnswerAStoredMessageThatCannotBeReadWithTheNoteAndKeepALine() {
        String number = WhatsAppFixtures.newNumber();
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "halo", null, null);
        chats.walkWhatsApp(number, IntakeWalk.of("language:id"), WhatsAppFixtures::newWamid);
        int before = graph.sentTo(number).size();
        String wamid = WhatsAppFixtures.newWamid();
        // Stored in a shape the processing step no longer reads (the profile name an object, not a string).
        byte[] item = ("{\"message\": " + WhatsAppFixtures.message("text.json", number, wamid, "Pesan sintetis", null, null)
                + ", \"profileName\": {\"name\": \"Synthetic Name\"}}").getBytes(StandardCharsets.UTF_8);

        store.store(List.of(new InboundStore.Arrival(Channel.WHATSAPP, wamid, 0, contacts.hash(Channel.WHATSAPP, number), "text", item)));
        Eventually.await("processed", Duration.ofSeconds(30), () -> !"PENDING".equals(chats.status(Channel.WHATSAPP, wamid)));
        Eventually.await("replies sent", Duration.ofSeconds(30), () -> chats.outboxDrained(Channel.WHATSAPP, number));

        assertEquals("DONE", chats.status(Channel.WHATSAPP, wamid));
        List<FakeGraph.Sent> replies = graph.sentTo(number).subList(before, graph.sentTo(number).size());
        List<String> texts = replies.stream().map(FakeGraph.Sent::text).toList();
        // the note, then the consent question again, in one message (as for a photo where no file is asked)
        assertEquals(1, texts.size(), texts.toString());
        assertTrue(texts.get(0).startsWith(NOTE + "\n\n") && texts.get(0).endsWith("Kamu setuju dan mau lanjut?"), texts.get(0));
        ChatMessage line = chats.transcript(Channel.WHATSAPP, number).stream().filter(m -> m.direction == ChatMessage.Direction.IN)
                .reduce((a, b) -> b).orElseThrow();
        assertEquals("{\"type\":\"unsupported\",\"kind\":\"unknown\"}", line.body, "only the kind, never the content");
    }
}
