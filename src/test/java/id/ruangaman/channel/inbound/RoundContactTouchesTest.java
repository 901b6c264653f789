package id.ruangaman.channel.inbound;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.TelegramChats;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.ContactRepository;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What a round of steps writes on its contacts (issue 16, eighth round): the per-step columns (when the person last
 * wrote, the flood count, whether files are asked for) go out for the whole round in one batch and Hibernate is told
 * they are written. These check that nothing of it is lost: the row holds every step's count and the last write time,
 * a column the batch does not write (the chosen language) is still written by Hibernate in the same round, and the
 * encrypted platform id is not written again (the same ciphertext before and after).
 */
@QuarkusTest
class RoundContactTouchesTest {

    @Inject
    InboundProcessor processor;
    @Inject
    ContactRepository contacts;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void holdTheWorkers() {
        processor.pause();
    }

    @AfterEach
    void letThemGo() {
        processor.resume();
    }

    @Test
    void aRoundWritesEveryStepsTouchesAndLeavesTheEncryptedIdAlone() {
        long chat = TelegramFixtures.newChatId();
        long otherChat = TelegramFixtures.newChatId();
        // First round: both contacts are created (each flushed on creation) and pick their language in the same round.
        List<String> opening = new ArrayList<>();
        for (long each : new long[] {chat, otherChat}) {
            opening.add(TelegramFixtures.render("start_command.json", each));
            opening.addAll(IntakeWalk.of("language:en", "consent:yes").telegram(each));
        }
        post(opening);
        processor.drainOnce();
        Row first = row(chat);
        assertEquals("en", first.language, "a column the touches do not write is still written in the same round");
        assertEquals(3, first.floodCount, "the start and both answers counted");
        assertNotNull(first.lastInboundAt);
        assertEquals("en", row(otherChat).language);
        assertEquals(3, row(otherChat).floodCount);

        // Second round: five more steps of the first person, one of the other.
        List<String> more = new ArrayList<>(IntakeWalk.of("in_danger:no", "safe_to_reply:yes", "reporter_role:victim",
                "send_now:details", "violence_type:sexual_assault").telegram(chat));
        more.addAll(IntakeWalk.of("in_danger:no").telegram(otherChat));
        post(more);
        // At least this round's six: a drain also takes whatever else is due in the shared test database (another
        // test's update on its retries), so an exact count would depend on the order the tests ran in.
        assertTrue(processor.drainOnce() >= 6, "the round's six updates were looked at");
        Row after = row(chat);
        assertEquals(8, after.floodCount, "every step of the round counted on the row");
        assertTrue(after.lastInboundAt.isAfter(first.lastInboundAt), "the last write time moved on");
        assertFalse(after.expectsFiles, "no question here asks for files");
        assertArrayEquals(first.externalId, after.externalId, "the encrypted platform id was not written again");
        assertEquals(4, row(otherChat).floodCount);
    }

    private record Row(String language, int floodCount, OffsetDateTime lastInboundAt, boolean expectsFiles, byte[] externalId) {
    }

    private Row row(long chat) {
        long id = contacts.findByExternalId(Channel.TELEGRAM, String.valueOf(chat)).orElseThrow().id;
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement("select language, flood_count, last_inbound_at, expects_files, external_id from contact where id = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                return new Row(r.getString(1), r.getInt(2), r.getObject(3, OffsetDateTime.class), r.getBoolean(4), r.getBytes(5));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void post(List<String> updates) {
        updates.forEach(update -> TelegramChats.post(update).then().statusCode(200));
    }
}
