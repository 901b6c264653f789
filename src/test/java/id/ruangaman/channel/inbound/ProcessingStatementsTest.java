package id.ruangaman.channel.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.StatementCounter;
import id.ruangaman.testing.TelegramChats;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WhatsAppFixtures;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What a processed intake step costs the database, counted (issue 16): a backlog of mixed intake steps of ten people
 * (every fifth on WhatsApp, as in the benchmark's drain), a typed answer among the taps, is worked off through the real
 * path (claim, round, conversation step, replies queued, updates marked) and the SQL statements Hibernate sends on the
 * way are counted ({@link StatementCounter}; statements on a raw connection, a few per round, are not). A step that
 * starts querying the database again (each query also makes Hibernate check the whole round for writes to flush first,
 * and may send the round's earlier writes one step at a time) fails this.
 */
@QuarkusTest
class ProcessingStatementsTest {

    private static final int PEOPLE = 10;
    /** The steps before the measured ones: from the first message to the chronology's question. */
    private static final IntakeWalk OPENING = IntakeWalk.of("language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes",
            "reporter_role:victim", "send_now:details", "violence_type:sexual_assault", "violence_type:done",
            "incident_when:within_month", "victim_minor:no", "incident_place:campus");
    /** The measured steps: a typed chronology among taps (every step gets a reply). */
    private static final IntakeWalk MEASURED = IntakeWalk.of("Cerita sintetis untuk uji: kejadian di lorong, tanpa nama asli.",
            "chronology:done", "biodata_offer:yes", "name:skip", "age_range:25_34", "gender:skip");

    @Inject
    InboundProcessor processor;
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
    void aRoundOfIntakeStepsSendsFewStatements() {
        People people = People.walkedThrough(processor, OPENING); // the opening, and whatever else was due, out of the way
        List<String> measured = people.next(MEASURED);
        long repliesBefore = sql("select count(*) from chat_message where direction = 'OUT'");
        long pendingBefore = sql("select count(*) from inbound_update where status = 'PENDING'"); // other tests' retries, not due
        Drained drained = drainCounted(measured);
        int looked = drained.looked();
        StatementCounter.Recording recording = drained.recording();
        int steps = PEOPLE * MEASURED.steps().size();
        assertEquals(steps, looked, "every measured step was worked off, and nothing else");
        assertEquals(pendingBefore, sql("select count(*) from inbound_update where status = 'PENDING'"), "none of them is left");
        assertTrue(sql("select count(*) from chat_message where direction = 'OUT'") - repliesBefore >= steps,
                "every step was answered");
        System.out.printf("[statements] %d steps, %d statements:%s%n", steps, recording.count(), recording.summary());
        assertTrue(recording.statements().stream().noneMatch(sql -> sql.contains(" referral ")),
                "nobody in this round has reported, so nobody can have a referral to answer:" + recording.summary());
        assertTrue(recording.count() <= BUDGET, steps + " steps sent " + recording.count() + " statements, more than " + BUDGET
                + ":" + recording.summary());
    }

    /**
     * A round of a story's later lines, as the service runs them (each line's acknowledgement deferred, and withdrawn
     * by the next line: {@link id.ruangaman.intake.StoryAckDelay}): ten people, each at the chronology with its first
     * line taken, send two more lines. Counted as above; the figure is printed, and it fails above
     * {@link #STORY_BUDGET}.
     */
    @Test
    void aRoundOfStoryLinesSendsFewStatements() {
        QuarkusMock.installMockForType(new id.ruangaman.intake.StoryAckDelay(java.time.Duration.ofSeconds(30)),
                id.ruangaman.intake.StoryAckDelay.class);
        IntakeWalk firstLine = IntakeWalk.of("Baris pertama cerita sintetis untuk uji.");
        IntakeWalk laterLines = IntakeWalk.of("Baris kedua, tanpa nama asli.", "Baris ketiga, masih sintetis.");
        People people = People.walkedThrough(processor, OPENING, firstLine);
        List<String> measured = people.next(laterLines);
        long pendingBefore = sql("select count(*) from inbound_update where status = 'PENDING'");
        Drained drained = drainCounted(measured);
        int looked = drained.looked();
        StatementCounter.Recording recording = drained.recording();
        int steps = PEOPLE * laterLines.steps().size();
        assertEquals(steps, looked, "every measured line was worked off, and nothing else");
        assertEquals(pendingBefore, sql("select count(*) from inbound_update where status = 'PENDING'"), "none of them is left");
        System.out.printf("[statements] %d story lines, %d statements:%s%n", steps, recording.count(), recording.summary());
        assertTrue(recording.count() <= STORY_BUDGET, steps + " story lines sent " + recording.count() + " statements, more than "
                + STORY_BUDGET + ":" + recording.summary());
    }

    /**
     * Statements for the 20 later story lines, two claims of one round each: per line the withdrawal of the acknowledgement
     * its story's earlier line left waiting (one indexed delete, 20); per round the claim, reading and locking the
     * updates, the contacts and sessions, the sequence, and one batch each of lines, sessions and contacts (18 for
     * both); a third empty claim: 39, 40 when the lines' id pool runs out once more. Before the thirtieth round each
     * withdrawal first flushed the whole round, so every line, session and contact written before it went out one by
     * one: 95.
     */
    private static final int STORY_BUDGET = 40;

    /**
     * A round of first messages: ten people nobody knows yet write at once (the benchmark's drain starts so), each a new
     * contact, session and transcript line, all in one round. Counted as above; the figure is printed, and it fails
     * above {@link #FIRST_BUDGET}.
     */
    @Test
    void aRoundOfFirstMessagesSendsFewStatements() {
        List<String> first = new ArrayList<>();
        for (int person = 0; person < PEOPLE; person++) {
            first.add(person % 5 == 4 ? WhatsAppFixtures.text(WhatsAppFixtures.newNumber(), "halo")
                    : TelegramFixtures.render("start_command.json", TelegramFixtures.newChatId()));
        }
        processor.drainOnce(); // whatever an earlier test left due, out of the way
        long repliesBefore = sql("select count(*) from chat_message where direction = 'OUT'");
        long namedBefore = sql(NAMED_WHATSAPP_CONTACTS);
        Drained drained = drainCounted(first);
        int looked = drained.looked();
        StatementCounter.Recording recording = drained.recording();
        assertEquals(PEOPLE, looked, "every first message was worked off, and nothing else");
        assertTrue(sql("select count(*) from chat_message where direction = 'OUT'") - repliesBefore >= PEOPLE,
                "every one was answered");
        System.out.printf("[statements] %d first messages, %d statements:%s%n", PEOPLE, recording.count(), recording.summary());
        assertTrue(recording.count() <= FIRST_BUDGET, PEOPLE + " first messages sent " + recording.count()
                + " statements, more than " + FIRST_BUDGET + ":" + recording.summary());
        // A new WhatsApp person's profile name goes into the contact's insert, not into an UPDATE of its own.
        assertTrue(recording.statements().stream().noneMatch(sql -> sql.startsWith("update contact")),
                "a new contact is written by its insert alone:" + recording.summary());
        assertEquals(PEOPLE / 5, sql(NAMED_WHATSAPP_CONTACTS) - namedBefore, "each new WhatsApp person's profile name is kept");
    }

    /**
     * A round of submissions: ten people (every fifth on WhatsApp) confirm their summaries at once, each step creating
     * a case (the intake, its inbox event, its lines taken over by its conversation number). Counted as above; it fails
     * above {@link #SUBMIT_BUDGET}. In the benchmark's drain these steps come last, together (a claim takes 20 of a
     * person's updates, so the second pass over everyone holds all the confirmations), and cost a fifth of the
     * workers' time there.
     */
    @Test
    void aRoundOfSubmissionsSendsFewStatements() {
        People people = People.walkedThrough(processor, TO_SUMMARY);
        List<String> measured = people.next(CONFIRM);
        long casesBefore = sql("select count(*) from intake");
        long eventsBefore = sql("select count(*) from inbox_event where type = 'intake'");
        Drained drained = drainCounted(measured);
        int looked = drained.looked();
        StatementCounter.Recording recording = drained.recording();
        assertEquals(PEOPLE, looked, "every confirmation was worked off, and nothing else");
        assertEquals(PEOPLE, sql("select count(*) from intake") - casesBefore, "each confirmation made its case");
        assertEquals(PEOPLE, sql("select count(*) from inbox_event where type = 'intake'") - eventsBefore,
                "each new case is announced in the inbox once");
        System.out.printf("[statements] %d submissions, %d statements:%s%n", PEOPLE, recording.count(), recording.summary());
        assertTrue(recording.count() <= SUBMIT_BUDGET, PEOPLE + " submissions sent " + recording.count()
                + " statements, more than " + SUBMIT_BUDGET + ":" + recording.summary());
    }

    /** The whole intake of the benchmark's drain, up to its summary. */
    private static final IntakeWalk TO_SUMMARY = IntakeWalk.of("language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes",
            "reporter_role:victim", "send_now:details", "violence_type:sexual_assault", "violence_type:done", "incident_when:within_month",
            "victim_minor:no", "incident_place:campus",
            "Cerita sintetis untuk uji: kejadian di lorong, tanpa nama asli.", "chronology:done",
            "biodata_offer:yes", "name:skip", "age_range:25_34", "gender:skip", "campus_status:student", "Fakultas Sintetis",
            "disability:skip", "reported_offer:yes", "relation:stranger", "reported_person:skip", "evidence_consent:no", "services:legal",
            "services:done", "urgent_need:skip", "contact_offer:no", "stats_consent:yes");
    private static final IntakeWalk CONFIRM = IntakeWalk.of("summary:confirm");

    /**
     * Statements for the ten confirmations, two claims (eight people, then two) of one round each: per report its
     * reference code's check, its inbox event and the filing of its kept files (30); per round the claim, reading and
     * locking the updates, the contacts and sessions, and one batch each of lines, cases, sessions and contacts (about
     * 20 for both); the team chat's contact found, or created once (up to 5 more); a third empty claim and the id pools
     * (3). Before the eighteenth round each report also looked its reference code up twice and read it back for the
     * team's notice, and flushed the whole round first (a full flush to write the new case before the lines filed
     * under it), so every step's writes and every contact went out one by one: 156.
     */
    private static final int SUBMIT_BUDGET = 62;

    private static final String NAMED_WHATSAPP_CONTACTS =
            "select count(*) from contact where channel = 'WHATSAPP' and display_name is not null";

    /**
     * Statements for the ten first messages: 15 (per round: the claim, reading and locking the updates, and one batch
     * each of new contacts, sessions and transcript lines), up to 18 when the id pools of contacts, sessions and lines
     * run out in the round (a sequence call each), 19 with a third empty claim. Before the eighth round each new contact was written at once,
     * with everything the round had queued before it (a flush per new person, then an UPDATE of its per-step columns):
     * 52.
     */
    private static final int FIRST_BUDGET = 20;

    /**
     * Statements for the 60 steps: two claims of one round each. Per round: the claim, reading the claimed updates,
     * locking them, the senders' contacts and sessions, the sequence, the transcript lines, the sessions and the
     * contacts' per-step columns (one batch each): 19 in all, 20 when a third claim finds nothing or the transcript
     * lines' id pool runs out during the round (one more sequence call). Before the eighth round every contact of a round
     * cost its own UPDATE (written with only its changed columns, which Hibernate does not batch): 27. A statement per
     * step would add 60.
     */
    private static final int BUDGET = 21;

    /**
     * Ten people (every fifth on WhatsApp, as in the benchmark's drain), each walked through {@code walks} from their
     * first message, and those steps worked off with whatever else was due.
     */
    private record People(List<Long> chats, List<String> numbers) {

        static People walkedThrough(InboundProcessor processor, IntakeWalk... walks) {
            List<Long> chats = new ArrayList<>();
            List<String> numbers = new ArrayList<>();
            List<String> opening = new ArrayList<>();
            for (int person = 0; person < PEOPLE; person++) {
                if (person % 5 == 4) {
                    String number = WhatsAppFixtures.newNumber();
                    numbers.add(number);
                    opening.add(WhatsAppFixtures.text(number, "halo"));
                    for (IntakeWalk walk : walks) {
                        opening.addAll(walk.whatsApp(number));
                    }
                } else {
                    long chat = TelegramFixtures.newChatId();
                    chats.add(chat);
                    opening.add(TelegramFixtures.render("start_command.json", chat));
                    for (IntakeWalk walk : walks) {
                        opening.addAll(walk.telegram(chat));
                    }
                }
            }
            post(opening);
            processor.drainOnce();
            return new People(chats, numbers);
        }

        /** Their next steps, Telegram people's first, in order per person. */
        List<String> next(IntakeWalk walk) {
            List<String> updates = new ArrayList<>();
            chats.forEach(chat -> updates.addAll(walk.telegram(chat)));
            numbers.forEach(number -> updates.addAll(walk.whatsApp(number)));
            return updates;
        }
    }

    /** How many updates a counted drain looked at, and the statements it sent. */
    private record Drained(int looked, StatementCounter.Recording recording) {
    }

    /**
     * Posts {@code updates} and works them off in one drain, counting its statements. Whatever else still waits is
     * another (finished) test's retry: kept out of the counted claims, then due again.
     */
    private Drained drainCounted(List<String> updates) {
        update("update inbound_queue set due_at = now() + interval '1 hour'");
        post(updates);
        try (StatementCounter.Recording counting = StatementCounter.record()) {
            return new Drained(processor.drainOnce(), counting);
        } finally {
            update("update inbound_queue set due_at = now() where due_at > now() + interval '50 minutes'");
        }
    }

    /** Posts every update in order; each is stored (acknowledged) before the next leaves. */
    private static void post(List<String> updates) {
        for (String update : updates) {
            (update.contains("whatsapp_business_account") ? WhatsAppFixtures.post(update) : TelegramChats.post(update))
                    .then().statusCode(200);
        }
    }

    private void update(String statement) {
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            s.executeUpdate(statement);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long sql(String query) {
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var r = s.executeQuery(query)) {
            r.next();
            return r.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
