package id.ruangaman.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.conversation.Output;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A discreet chat gets the neutral line ("Ruang Aman") first in every message and every part of a long one, once: a
 * message that already begins with it (the line alone, the line over a single line break, the engine's own prefix, a
 * part of a long text that starts with it) is left as it is. It was doubled: "Ruang Aman\n\nRuang Aman".
 */
@QuarkusTest
class NeutralLineOnceTest {

    private static final String LINE = "Ruang Aman";

    @Inject
    ContactRepository contacts;
    @Inject
    Outbox outbox;
    @Inject
    ChatMessageRepository messages;

    @Test
    void aMessageThatAlreadyBeginsNeutralGetsNoSecondLine() {
        assertEquals(List.of(LINE), queued(true, LINE));
        assertEquals(List.of(LINE + "\nHalo, ada yang bisa dibantu? (sintetis)"), queued(true, LINE + "\nHalo, ada yang bisa dibantu? (sintetis)"));
        assertEquals(List.of(LINE + "\n\nPesan sintetis."), queued(true, LINE + "\n\nPesan sintetis."));
        assertEquals(List.of("  " + LINE + "  \nPesan sintetis."), queued(true, "  " + LINE + "  \nPesan sintetis."));
    }

    @Test
    void everyOtherMessageStillBeginsWithTheLine() {
        assertEquals(List.of(LINE + "\n\nHalo, ini Ruang Aman (sintetis)."), queued(true, "Halo, ini Ruang Aman (sintetis)."));
        assertEquals(List.of(LINE + "\n\nRuang Amanah (sintetis)"), queued(true, "Ruang Amanah (sintetis)"));
        assertEquals(List.of("Pesan sintetis."), queued(false, "Pesan sintetis."), "a safe chat gets no neutral line");
    }

    @Test
    void eachPartOfALongMessageBeginsWithTheLineOnce() {
        String first = "a".repeat(3000);
        String second = LINE + "\n" + "b ".repeat(1000).strip();
        String third = "c ".repeat(1500).strip();
        List<String> parts = queued(true, first + "\n\n" + second + "\n\n" + third);
        assertTrue(parts.size() >= 3, "split into parts: " + parts.size());
        for (String part : parts) {
            assertTrue(part.startsWith(LINE + "\n"), "a part without the neutral line first: " + part.substring(0, 20));
            assertTrue(!part.startsWith(LINE + "\n\n" + LINE), "a part with the line twice: " + part.substring(0, 30));
        }
        assertTrue(parts.stream().anyMatch(part -> part.startsWith(LINE + "\nb b")), "the part that began neutral is kept as written");
    }

    /** Queues {@code text} to a new (synthetic) WhatsApp contact and returns the texts of the rows it became. */
    private List<String> queued(boolean discreet, String text) {
        String number = "62812" + (System.nanoTime() % 1_000_000_000L);
        return QuarkusTransaction.requiringNew().call(() -> {
            Contact contact = contacts.findOrCreateWhatsAppLocked(number, null);
            contact.discreet = discreet;
            contact.unreachableAt = Instant.now(); // queued as failed: no sender picks these rows up
            outbox.queue(contact, Output.Message.plain(text));
            return messages.list("contactId = ?1 and direction = ?2 order by id", contact.id, ChatMessage.Direction.OUT).stream()
                    .map(row -> TranscriptBody.message(row).orElseThrow().text()).toList();
        });
    }
}
