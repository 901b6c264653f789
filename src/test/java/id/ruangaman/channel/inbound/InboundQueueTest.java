package id.ruangaman.channel.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.channel.ChannelsConfig;
import id.ruangaman.security.crypto.FieldCipher;
import id.ruangaman.conversation.Input;
import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.ChatMessage;
import id.ruangaman.transcript.ChatMessageRepository;
import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.transcript.TranscriptBody;
import id.ruangaman.testing.Eventually;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The per-contact work queue: kept by the insert trigger (one multi-row insert, as the webhooks' group commit
 * does), claimed by one worker at a time, in order per contact, and never stuck behind an update that keeps failing.
 * Updates of the dev channel (no webhook stores any) are handled by {@link ScriptedDevUpdates}.
 */
@QuarkusTest
class InboundQueueTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    InboundQueue queue;
    @Inject
    InboundProcessor processor;
    @Inject
    ScriptedDevUpdates handler;
    @Inject
    FieldCipher cipher;
    @Inject
    ChannelsConfig config;
    @Inject
    EntityManager em;
    @Inject
    ContactRepository contacts;
    @Inject
    ChatMessageRepository messages;
    @Inject
    javax.sql.DataSource dataSource;

    @BeforeEach
    void holdTheWorkers() {
        processor.pause();
    }

    @AfterEach
    void letThemGo() {
        processor.resume();
    }

    record Row(byte[] contact, long sequenceNo, String text, Instant due, String kind) {
        Row(byte[] contact, long sequenceNo, String text, Instant due) {
            this(contact, sequenceNo, text, due, "text");
        }
    }

    @Test
    void shouldCountPerContactAndNeverGiveOneContactToTwoClaimers() throws Exception {
        List<byte[]> contacts = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            byte[] contact = newHash();
            contacts.add(contact);
            rows.add(new Row(contact, 1, "a", null));
            rows.add(new Row(contact, 2, "b", null));
        }
        store(rows);
        for (byte[] contact : contacts) {
            assertEquals(2, pendingOf(contact), "the trigger counts both updates of the one statement");
        }
        Set<String> mine = contacts.stream().map(HexFormat.of()::formatHex).collect(Collectors.toSet());
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<List<InboundQueue.Claimed>> claimer = () -> {
            start.await();
            List<InboundQueue.Claimed> all = new ArrayList<>();
            while (true) {
                List<InboundQueue.Claimed> claimed = queue.claim(3, 20, Instant.now().plusSeconds(60));
                if (claimed.isEmpty()) {
                    return all;
                }
                all.addAll(claimed);
            }
        };
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<InboundQueue.Claimed> first;
        List<InboundQueue.Claimed> second;
        try {
            Future<List<InboundQueue.Claimed>> a = threads.submit(claimer);
            Future<List<InboundQueue.Claimed>> b = threads.submit(claimer);
            first = a.get();
            second = b.get();
        } finally {
            threads.shutdown();
        }
        // whatever else was waiting in the shared test database goes back as it was
        List<InboundQueue.Outcome> back = new ArrayList<>();
        first.forEach(claimed -> back.add(new InboundQueue.Outcome(claimed, 0, null)));
        second.forEach(claimed -> back.add(new InboundQueue.Outcome(claimed, 0, null)));
        queue.release(back);

        Set<String> byFirst = first.stream().map(c -> HexFormat.of().formatHex(c.contactHash())).filter(mine::contains)
                .collect(Collectors.toSet());
        Set<String> bySecond = second.stream().map(c -> HexFormat.of().formatHex(c.contactHash())).filter(mine::contains)
                .collect(Collectors.toSet());
        assertTrue(byFirst.stream().noneMatch(bySecond::contains), "a contact was claimed twice: " + byFirst + " " + bySecond);
        assertEquals(mine, union(byFirst, bySecond), "every contact was claimed once");
        for (InboundQueue.Claimed claimed : first) {
            if (mine.contains(HexFormat.of().formatHex(claimed.contactHash()))) {
                assertEquals(List.of(1L, 2L), claimed.updates().stream().map(u -> u.sequenceNo).toList(), "in platform order");
                assertEquals(2, claimed.pending());
            }
        }
        assertEquals(2, pendingOf(contacts.get(0)), "released untouched");
    }

    @Test
    void shouldClaimAContactsFirstUpdatesInOrderAndKeepCountingTheRest() {
        byte[] contact = newHash();
        // two statements, the later sequence numbers first, so neither the id nor the insert order is the platform's
        store(List.of(new Row(contact, 7, "g", null), new Row(contact, 5, "e", null), new Row(contact, 6, "f", null)));
        store(List.of(new Row(contact, 3, "c", null), new Row(contact, 1, "a", null), new Row(contact, 4, "d", null),
                new Row(contact, 2, "b", null)));
        assertEquals(7, pendingOf(contact));

        InboundQueue.Claimed first = claimOnly(contact, 3);
        assertEquals(List.of(1L, 2L, 3L), sequences(first), "the first three, in platform order");
        assertEquals(7, first.pending(), "the queue row's count of all seven, not of the three read");
        assertEquals(7, pendingOf(contact));
        finish(first, 3);
        assertEquals(4, pendingOf(contact));

        // a count that fell behind (here set by hand) is raised to what the claim saw, so the row cannot leave early
        setPending(contact, 1);
        InboundQueue.Claimed second = claimOnly(contact, 3);
        assertEquals(List.of(4L, 5L, 6L), sequences(second));
        assertEquals(4, second.pending(), "more than the three taken wait: at least the four seen");
        finish(second, 3);
        assertEquals(1, pendingOf(contact), "the seventh still waits");

        // the tail is read whole, so the count is exact again, also when it was too high
        setPending(contact, 9);
        InboundQueue.Claimed third = claimOnly(contact, 3);
        assertEquals(List.of(7L), sequences(third));
        assertEquals(1, third.pending(), "all of the contact's updates were seen: the count is exact");
        finish(third, 1);
        assertEquals(0, queueRows(contact), "nothing left: the contact leaves the queue");
    }

    @Test
    void shouldNeverLetTheCountFallBelowWhatAClaimSaw() {
        assertEquals(2, InboundQueue.pendingAfterClaim(5, 2, 3), "all seen: exact, even below the stored count");
        assertEquals(3, InboundQueue.pendingAfterClaim(0, 3, 3), "all seen: exact, even above the stored count");
        assertEquals(4, InboundQueue.pendingAfterClaim(1, 4, 3), "more than taken: never below what was seen");
        assertEquals(40, InboundQueue.pendingAfterClaim(40, 4, 3), "more than taken: the stored count when it is higher");
    }

    /** Claims until the contact is among the claimed; everything else claimed goes back untouched. */
    private InboundQueue.Claimed claimOnly(byte[] contact, int perContact) {
        InboundQueue.Claimed mine = null;
        List<InboundQueue.Outcome> back = new ArrayList<>();
        for (int attempt = 0; attempt < 50 && mine == null; attempt++) {
            List<InboundQueue.Claimed> claimed = queue.claim(20, perContact, Instant.now().plusSeconds(60));
            for (InboundQueue.Claimed one : claimed) {
                if (java.util.Arrays.equals(one.contactHash(), contact)) {
                    mine = one;
                } else {
                    back.add(new InboundQueue.Outcome(one, 0, null));
                }
            }
            if (claimed.isEmpty()) {
                break;
            }
        }
        queue.release(back);
        assertTrue(mine != null, "the contact was not claimed");
        return mine;
    }

    /** As a worker does: the claimed updates are closed, then the lease is released with how many were. */
    private void finish(InboundQueue.Claimed claimed, int closed) {
        List<Long> ids = claimed.updates().stream().map(u -> u.id).toList();
        QuarkusTransaction.requiringNew().run(() -> em.unwrap(org.hibernate.Session.class).doWork(connection ->
                InboundProcessor.markProcessed(connection, InboundUpdate.Status.DONE, new java.sql.Timestamp(System.currentTimeMillis()), ids)));
        queue.release(List.of(new InboundQueue.Outcome(claimed, closed, null)));
    }

    private void setPending(byte[] contact, int pending) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update inbound_queue set pending = ?2 "
                + "where channel = 'DEV' and contact_hash = ?1").setParameter(1, contact).setParameter(2, pending).executeUpdate());
    }

    private static List<Long> sequences(InboundQueue.Claimed claimed) {
        return claimed.updates().stream().map(u -> u.sequenceNo).toList();
    }

    @Test
    void shouldKeepAContactsSecondUpdateBehindItsFirst() {
        byte[] contact = newHash();
        Instant settling = Instant.now().plus(Duration.ofHours(1));
        store(List.of(new Row(contact, 1, "album " + HexFormat.of().formatHex(contact), settling),
                new Row(contact, 2, "text " + HexFormat.of().formatHex(contact), null)));
        assertTrue(dueOf(contact).isBefore(Instant.now().plusSeconds(1)), "the second update made the contact look due");

        processor.drainOnce();
        assertFalse(handler.attempts().contains("text " + HexFormat.of().formatHex(contact)), "the second update overtook the first");
        assertEquals(settling.toEpochMilli(), dueOf(contact).toEpochMilli(), 1, "due when the first update is");
        assertEquals(2, pendingOf(contact));

        makeDue(contact);
        processor.drainOnce();
        List<String> applied = handler.attempts().stream().filter(text -> text.endsWith(HexFormat.of().formatHex(contact))).toList();
        assertEquals(List.of("album " + HexFormat.of().formatHex(contact), "text " + HexFormat.of().formatHex(contact)), applied);
        assertEquals(0, queueRows(contact), "a contact with nothing left leaves the queue");
    }

    /**
     * Stopping the service (Ctrl+C in dev mode, SIGTERM to a replica) while a worker is in the middle of a round: the stop
     * waits for that round to commit, the worker takes no further round, and the contact's next update stays PENDING,
     * uncharged, with the claim released so it is taken at once on the next start (or by another instance).
     */
    @Test
    void shouldFinishTheRunningRoundAndLeaveTheRestPendingWhenStopped() {
        processor.drainOnce(); // nothing else due takes a place in the claim
        byte[] contact = newHash();
        String tag = HexFormat.of().formatHex(contact);
        store(List.of(new Row(contact, 1, "slow " + tag, null), new Row(contact, 2, "after " + tag, null)));
        processor.resume();
        try {
            Eventually.await("a worker is in the slow step", Duration.ofSeconds(60), () -> handler.attempts().contains("slow " + tag));
            processor.onStop(null);
            assertEquals("DONE", statusOf(contact, 1), "the running round was committed before the stop returned");
            assertEquals("PENDING", statusOf(contact, 2), "no round was started after the stop");
            assertEquals(0, attemptsOf(contact, 2), "nor was one charged");
            assertFalse(handler.attempts().contains("after " + tag));
            assertEquals(1, pendingOf(contact));
            assertTrue(QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                    "select leased_until is null from inbound_queue where channel = 'DEV' and contact_hash = ?1")
                    .setParameter(1, contact).getSingleResult()).equals(Boolean.TRUE), "the claim was released");
        } finally {
            processor.onStart(null);
        }
        // the restarted workers (or this drain) take it
        Eventually.await("taken again after the start", Duration.ofSeconds(60), () -> processor.drainOnce() >= 0
                && "DONE".equals(statusOf(contact, 2)));
    }

    /**
     * The release of a claim takes the queue rows in the order the insert trigger does (channel, then contact hash),
     * whatever order the claim gave them in (by due time). Forced interleaving: a webhook's transaction has queued an
     * update for contact A (holding A's row) when a release of [B, A] starts; the webhook then queues one for B. Taken in
     * the claim's order the release would hold B and wait for A while the webhook waits for B: a deadlock (40P01).
     */
    @Test
    void shouldReleaseInTheTriggersLockOrderSoAWebhooksInsertNeverDeadlocksWithIt() throws Exception {
        processor.drainOnce(); // nothing else due takes a place in the claim
        byte[] first = newHash();
        byte[] second = newHash();
        if (Arrays.compareUnsigned(first, second) > 0) {
            byte[] swap = first;
            first = second;
            second = swap;
        }
        byte[] a = first;
        byte[] b = second;
        store(List.of(new Row(a, 1, "a", null), new Row(b, 1, "b", null)));
        List<InboundQueue.Claimed> claimed = new ArrayList<>(queue.claim(10, 20, Instant.now().plusSeconds(60)));
        claimed.removeIf(c -> !Arrays.equals(c.contactHash(), a) && !Arrays.equals(c.contactHash(), b));
        assertEquals(2, claimed.size());
        claimed.sort((x, y) -> Arrays.equals(x.contactHash(), b) ? -1 : 1); // B first, as a claim by due time may give
        ExecutorService threads = Executors.newFixedThreadPool(1);
        try (java.sql.Connection webhook = dataSource.getConnection()) {
            webhook.setAutoCommit(false);
            insertPending(webhook, a);
            Future<?> release = threads.submit(() -> queue.release(claimed.stream().map(c -> new InboundQueue.Outcome(c, 1, null)).toList()));
            Thread.sleep(300); // the release is under way: it waits for A's row
            insertPending(webhook, b);
            webhook.commit();
            release.get(30, java.util.concurrent.TimeUnit.SECONDS); // throws when the database broke a deadlock with it
        } finally {
            threads.shutdownNow();
        }
        assertEquals(1, pendingOf(a), "the webhook's new update still counts");
        assertEquals(1, pendingOf(b));
    }

    private void insertPending(java.sql.Connection connection, byte[] contact) throws java.sql.SQLException {
        try (java.sql.PreparedStatement insert = connection.prepareStatement("insert into inbound_update (id, channel, provider_id, "
                + "sequence_no, contact_hash, kind, payload, status, received_at) values (nextval('inbound_update_seq'), 'DEV', ?, 2, ?, "
                + "'text', ?, 'PENDING', now())")) {
            insert.setString(1, "test:" + HexFormat.of().formatHex(newHash()));
            insert.setBytes(2, contact);
            insert.setBytes(3, cipher.encrypt("late".getBytes(StandardCharsets.UTF_8)));
            insert.executeUpdate();
        }
    }

    /**
     * A round rolled back by PostgreSQL to break a deadlock (SQLSTATE 40P01, forced: two transactions taking two locks
     * in opposite order) is applied again at once: the update is DONE in the same drain, no failed attempt is charged
     * to it, and its contact waits out no back-off.
     */
    @Test
    void shouldApplyARoundAgainAtOnceWhenTheDatabaseBrokeADeadlockWithIt() {
        processor.drainOnce(); // nothing else due takes a place in the claim
        byte[] contact = newHash();
        String tag = HexFormat.of().formatHex(contact);
        store(List.of(new Row(contact, 1, "deadlock " + tag, null), new Row(contact, 2, "after " + tag, null)));
        processor.drainOnce();
        assertEquals(2, handler.attempts().stream().filter(text -> text.equals("deadlock " + tag)).count(),
                "the step met the deadlock, then ran again: " + handler.attempts());
        assertEquals("DONE", statusOf(contact, 1));
        assertEquals(0, attemptsOf(contact, 1), "a deadlock is not the update's failure");
        assertEquals("DONE", statusOf(contact, 2), "the contact went on in the same drain");
    }

    @Test
    void shouldRetryAFailingUpdateThenMarkItFailedAndGoOnWithTheContact() {
        byte[] contact = newHash();
        String tag = HexFormat.of().formatHex(contact);
        byte[] other = newHash();
        store(List.of(new Row(contact, 1, "fail " + tag, null), new Row(contact, 2, "after " + tag, null),
                new Row(other, 1, "other " + tag, null)));
        for (int attempt = 1; attempt < config.inboundMaxAttempts(); attempt++) {
            processor.drainOnce();
            assertEquals(attempt, attemptsOf(contact, 1), "one failed attempt counted per drain");
            assertFalse(handler.attempts().contains("after " + tag), "the contact's next update ran before the failing one was settled");
            assertEquals("PENDING", statusOf(contact, 1));
            makeDue(contact); // the back-off has passed
        }
        assertTrue(handler.attempts().contains("other " + tag), "another contact in the same round was held back by the failure");
        processor.drainOnce();
        assertEquals("FAILED", statusOf(contact, 1));
        assertEquals(config.inboundMaxAttempts(), attemptsOf(contact, 1));
        assertEquals("DONE", statusOf(contact, 2), "the contact is not blocked forever by a FAILED update");
        assertEquals(0, queueRows(contact));
    }

    @Test
    void shouldApplyARoundOfSeveralContactsInOneTransactionAndReapplyEachAloneWhenOneFails() {
        processor.drainOnce(); // nothing else due takes a place in the claim
        String tag = HexFormat.of().formatHex(newHash()).substring(0, 12);
        List<String> people = List.of("round-a-" + tag, "round-b-" + tag, "round-c-" + tag);
        List<Row> rows = new ArrayList<>();
        for (String person : people) {
            byte[] sender = contacts.hash(Channel.DEV, person);
            String second = person.startsWith("round-b") ? "flaky two " : "two ";
            rows.add(new Row(sender, 1, "say " + person + " one " + person, null));
            rows.add(new Row(sender, 2, "say " + person + " " + second + person, null));
            rows.add(new Row(sender, 3, "say " + person + " three " + person, null));
        }
        store(rows);

        processor.drainOnce();
        List<ScriptedDevUpdates.Attempt> attempts = handler.attemptsWithTransactions().stream()
                .filter(attempt -> attempt.text().endsWith(tag)).toList();
        assertEquals(1, attempts.stream().filter(attempt -> attempt.text().startsWith("one ")).map(ScriptedDevUpdates.Attempt::transaction)
                .distinct().count(), "the three first steps were one round, one transaction: " + attempts);
        List<Object> failing = attempts.stream().filter(attempt -> attempt.text().equals("flaky two " + people.get(1)))
                .map(ScriptedDevUpdates.Attempt::transaction).toList();
        assertEquals(2, failing.size(), "the failing step ran in its round, then again alone");
        assertNotEquals(failing.get(0), failing.get(1), "alone means in a transaction of its own");
        assertEquals(List.of("one", "two", "three"), transcript(people.get(0)), "each step once, in order");
        assertEquals(List.of("one", "two", "three"), transcript(people.get(2)), "each step once, in order");
        assertEquals(List.of("one"), transcript(people.get(1)), "the failed step's writes were rolled back, and it holds up its contact");
        assertEquals(2, attempts.stream().filter(attempt -> attempt.text().startsWith("three ")).count(), "the others went on");
        assertEquals("PENDING", statusOf(contacts.hash(Channel.DEV, people.get(1)), 2));
        assertEquals(1, attemptsOf(contacts.hash(Channel.DEV, people.get(1)), 2));

        makeDue(contacts.hash(Channel.DEV, people.get(1)));
        processor.drainOnce();
        assertEquals(List.of("one", "flaky two", "three"), transcript(people.get(1)), "retried once, then the contact went on in order");
        long replies = replied(people.get(0));
        assertTrue(replies >= 3, "every step was answered");
        assertEquals(replies, replied(people.get(1)), "the same answers as for the same steps without a failure: none doubled");
        assertEquals(replies, replied(people.get(2)));
    }

    @Test
    void shouldApplyAContactsConsecutiveStepsInOneRoundInOrderEachOnce() {
        processor.drainOnce(); // nothing else due takes a place in the claim
        String tag = HexFormat.of().formatHex(newHash()).substring(0, 12);
        List<String> people = List.of("steps-a-" + tag, "steps-b-" + tag);
        List<Row> rows = new ArrayList<>();
        for (String person : people) {
            byte[] sender = contacts.hash(Channel.DEV, person);
            List<String> texts = List.of("one", "two", "three", "four");
            for (int i = 0; i < texts.size(); i++) {
                rows.add(say(sender, i + 1, person, texts.get(i), ScriptedDevUpdates.NO_FILE));
            }
        }
        store(rows);

        processor.drainOnce();
        List<ScriptedDevUpdates.Attempt> attempts = handler.attemptsWithTransactions().stream()
                .filter(attempt -> attempt.text().endsWith(tag)).toList();
        assertEquals(8, attempts.size(), "each step ran once: " + attempts);
        assertEquals(1, attempts.stream().map(ScriptedDevUpdates.Attempt::transaction).distinct().count(),
                "both contacts' four steps were one round, one transaction: " + attempts);
        for (String person : people) {
            assertEquals(List.of("one", "two", "three", "four"), transcript(person), "each step once, in order");
            for (int sequenceNo = 1; sequenceNo <= 4; sequenceNo++) {
                assertEquals("DONE", statusOf(contacts.hash(Channel.DEV, person), sequenceNo));
            }
            assertEquals(0, queueRows(contacts.hash(Channel.DEV, person)));
        }
        long replies = replied(people.get(0));
        assertTrue(replies >= 4, "every step was answered");
        assertEquals(replies, replied(people.get(1)));
    }

    @Test
    void shouldNotTakeAnUpdateThatMayFetchAFileBehindAnotherStepOfTheRound() {
        String person = freshPerson("file-");
        byte[] sender = contacts.hash(Channel.DEV, person);
        store(List.of(say(sender, 1, person, "one", ScriptedDevUpdates.NO_FILE), say(sender, 2, person, "two", "text"),
                say(sender, 3, person, "three", ScriptedDevUpdates.NO_FILE)));

        processor.drainOnce();
        List<ScriptedDevUpdates.Attempt> attempts = handler.attemptsWithTransactions().stream()
                .filter(attempt -> attempt.text().endsWith(person)).toList();
        assertEquals(List.of("one " + person, "two " + person, "three " + person),
                attempts.stream().map(ScriptedDevUpdates.Attempt::text).toList());
        assertNotEquals(attempts.get(0).transaction(), attempts.get(1).transaction(),
                "an update that may fetch a file is prepared after the steps before it were committed, so it starts a round");
        assertEquals(attempts.get(1).transaction(), attempts.get(2).transaction(), "the update after it joined its round");
        assertEquals(List.of("one", "two", "three"), transcript(person));
    }

    @Test
    void shouldChargeAFailureToTheStepThatFailedWhenItWasNotTheFirstOfItsRound() {
        String person = freshPerson("charge-");
        String other = "other-" + person;
        byte[] sender = contacts.hash(Channel.DEV, person);
        byte[] otherSender = contacts.hash(Channel.DEV, other);
        store(List.of(say(sender, 1, person, "one", ScriptedDevUpdates.NO_FILE),
                new Row(sender, 2, "fail " + person, null, ScriptedDevUpdates.NO_FILE), say(sender, 3, person, "three", ScriptedDevUpdates.NO_FILE),
                say(otherSender, 1, other, "one", ScriptedDevUpdates.NO_FILE), say(otherSender, 2, other, "two", ScriptedDevUpdates.NO_FILE)));

        processor.drainOnce();
        assertEquals("DONE", statusOf(sender, 1));
        assertEquals(0, attemptsOf(sender, 1), "the step before the failing one was not charged with its failure");
        assertEquals("PENDING", statusOf(sender, 2));
        assertEquals(1, attemptsOf(sender, 2), "one failed attempt, counted on the update that failed");
        assertEquals("PENDING", statusOf(sender, 3), "the contact's next update waits behind the failing one");
        assertFalse(handler.attempts().contains("three " + person), "the update after the failing one ran before it");
        assertEquals(List.of("one"), transcript(person), "each step's writes once: the rolled back round left nothing doubled");
        assertEquals(List.of("one", "two"), transcript(other), "the other contact of the round went on, each step once");
    }

    @Test
    void shouldStopAContactsRoundAtAnErasureAndNeverRunWhatTheErasureEmptied() {
        String person = freshPerson("erase-");
        byte[] sender = contacts.hash(Channel.DEV, person);
        List<String> texts = List.of("halo", "/hapus", "ya", "setelah");
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            rows.add(new Row(sender, i + 1, "say " + person + " " + texts.get(i) + (i == 3 ? " " + person : ""), null,
                    ScriptedDevUpdates.NO_FILE));
        }
        // made up front so its id is known: erasure unlinks it (no platform id, a random lookup hash), as for any channel
        long contactId = QuarkusTransaction.requiringNew().call(() -> contacts.findOrCreate(Channel.DEV, person).id);
        store(rows);
        // by id: closing them takes the erased person's hashes off the rows (ReporterErasure, InboundProcessor.MARK_PROCESSED)
        @SuppressWarnings("unchecked")
        List<Number> ids = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select id from inbound_update where contact_hash = ?1 order by sequence_no").setParameter(1, sender).getResultList());

        processor.drainOnce();
        List<Object[]> closed = ids.stream().map(id -> QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select status, contact_hash is null from inbound_update where id = ?1").setParameter(1, id.longValue())
                .getSingleResult())).toList();
        assertEquals(List.of("DONE", "DONE", "DONE", "IGNORED"), closed.stream().map(row -> (String) row[0]).toList(),
                "the update the erasure emptied is closed unrun");
        assertEquals(List.of(true, true, true, true), closed.stream().map(row -> (Boolean) row[1]).toList(),
                "no update of the erased person keeps the hash of their id");
        assertFalse(handler.attempts().contains("setelah " + person), "an update of an erased person ran after the erasure");
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> messages.count("contactId = ?1 and direction = ?2 "
                + "and body is not null", contactId, ChatMessage.Direction.IN)),
                "nothing the person wrote is left in the transcript");
    }

    /**
     * A new dev person's id: the prefix and a fresh tag. Whatever else was due is worked off first, so it takes no place in
     * the claim.
     */
    private String freshPerson(String prefix) {
        processor.drainOnce();
        return prefix + HexFormat.of().formatHex(newHash()).substring(0, 12);
    }

    /** A conversation step of the dev contact {@code person}, stored with that kind; its text ends with the person's id. */
    private static Row say(byte[] sender, long sequenceNo, String person, String text, String kind) {
        return new Row(sender, sequenceNo, "say " + person + " " + text + " " + person, null, kind);
    }

    /** The person's own lines in the transcript, in order, without the tag. */
    private List<String> transcript(String person) {
        return QuarkusTransaction.requiringNew().call(() -> contacts.findByExternalId(Channel.DEV, person)
                .map(contact -> messages.list("contactId = ?1 and direction = ?2 order by id", contact.id, ChatMessage.Direction.IN)
                        .stream().map(line -> ((Input.Text) TranscriptBody.input(line).orElseThrow()).text().replace(" " + person, ""))
                        .toList())
                .orElse(List.of()));
    }

    private long replied(String person) {
        return QuarkusTransaction.requiringNew().call(() -> messages.count("contactId = ?1 and direction = ?2",
                contacts.findByExternalId(Channel.DEV, person).orElseThrow().id, ChatMessage.Direction.OUT));
    }

    private void store(List<Row> rows) {
        // one multi-row statement, as a group commit stores a batch of webhook calls
        StringBuilder sql = new StringBuilder("insert into inbound_update (id, channel, provider_id, sequence_no, contact_hash, kind, "
                + "payload, status, received_at, next_attempt_at, subject_hash) values ");
        for (int i = 0; i < rows.size(); i++) {
            int p = i * 5;
            sql.append(i == 0 ? "" : ", ").append("(nextval('inbound_update_seq'), 'DEV', ?").append(p + 1).append(", ?")
                    .append(p + 2).append(", ?").append(p + 3).append(", '").append(rows.get(i).kind()).append("', ?").append(p + 4)
                    .append(", 'PENDING', now(), ?").append(p + 5).append(", null)");
        }
        QuarkusTransaction.requiringNew().run(() -> {
            var query = em.createNativeQuery(sql.toString());
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                int p = i * 5;
                query.setParameter(p + 1, "test:" + HexFormat.of().formatHex(newHash()));
                query.setParameter(p + 2, row.sequenceNo());
                query.setParameter(p + 3, row.contact());
                query.setParameter(p + 4, cipher.encrypt(row.text().getBytes(StandardCharsets.UTF_8)));
                query.setParameter(p + 5, row.due());
            }
            query.executeUpdate();
        });
    }

    /** As if the time the contact waits for had passed. */
    private void makeDue(byte[] contact) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update inbound_update set next_attempt_at = now() - interval '1 second' "
                    + "where contact_hash = ?1 and status = 'PENDING'").setParameter(1, contact).executeUpdate();
            em.createNativeQuery("update inbound_queue set due_at = now() - interval '1 second' where contact_hash = ?1")
                    .setParameter(1, contact).executeUpdate();
        });
    }

    private int pendingOf(byte[] contact) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select pending from inbound_queue where channel = 'DEV' and contact_hash = ?1").setParameter(1, contact)
                .getSingleResult()).intValue());
    }

    private Instant dueOf(byte[] contact) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object due = em.createNativeQuery("select due_at from inbound_queue where channel = 'DEV' and contact_hash = ?1")
                    .setParameter(1, contact).getSingleResult();
            return due instanceof Instant instant ? instant : ((java.time.OffsetDateTime) due).toInstant();
        });
    }

    private long queueRows(byte[] contact) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from inbound_queue where contact_hash = ?1").setParameter(1, contact).getSingleResult()).longValue());
    }

    private String statusOf(byte[] contact, long sequenceNo) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select status from inbound_update where contact_hash = ?1 and sequence_no = ?2")
                .setParameter(1, contact).setParameter(2, sequenceNo).getSingleResult());
    }

    private int attemptsOf(byte[] contact, long sequenceNo) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select attempts from inbound_update where contact_hash = ?1 and sequence_no = ?2")
                .setParameter(1, contact).setParameter(2, sequenceNo).getSingleResult()).intValue());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static byte[] newHash() {
        byte[] hash = new byte[32];
        RANDOM.nextBytes(hash);
        return hash;
    }
}
