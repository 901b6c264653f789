package id.ruangaman.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import id.ruangaman.conversation.Input;

/** A shared contact card read back from the line an answer quotes it with: its name and how many numbers, never them. */
class SharedCardTest {

    @Test
    void shouldReadTheNameAndHowManyNumbersFromTheLinesACardIsQuotedWith() {
        assertEquals(Optional.of(new SharedCard("Saksi Sintetis", 1)), SharedCard.inAnswer(line("Saksi Sintetis", "+62 800 1111 2222")));
        assertEquals(Optional.of(new SharedCard("A · B", 2)), SharedCard.inAnswer(line("A · B", "0812-0000-3333", "(021) 555 01")));
        assertEquals(Optional.of(new SharedCard(null, 1)), SharedCard.inAnswer(line(null, "+620000000000")));
        assertEquals(Optional.of(new SharedCard("Hanya Nama", 0)), SharedCard.inAnswer(line("Hanya Nama")));
        assertEquals(Optional.of(new SharedCard(null, 0)), SharedCard.inAnswer(new Input.SharedContact().describe()));
    }

    @Test
    void shouldLeaveWhatAPersonTypedAlone() {
        assertEquals(Optional.empty(), SharedCard.inAnswer("Saksi: teman sekelas, 0812 0000 3333"));
        assertEquals(Optional.empty(), SharedCard.inAnswer(null));
    }

    private static String line(String name, String... phones) {
        return new Input.SharedContact(name, List.of(phones)).describe();
    }
}
