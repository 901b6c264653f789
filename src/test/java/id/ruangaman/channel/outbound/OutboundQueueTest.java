package id.ruangaman.channel.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import id.ruangaman.conversation.Output;
import id.ruangaman.intake.ReporterErasure;
import id.ruangaman.security.crypto.FieldCipher;
import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.ChatMessage;
import id.ruangaman.transcript.Contact;
import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.transcript.Outbox;
import id.ruangaman.transcript.TranscriptBody;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The per-contact outbound queue (V97): kept by the triggers for every way a message becomes unsent or is erased,
 * claimed by one sender at a time, in order per contact, within the per-contact rate. The messages here are of the dev
 * channel, which no sender delivers, so only this test claims them.
 */
@QuarkusTest
class OutboundQueueTest {

    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final OutboundQueue.Pace PACE = new OutboundQueue.Pace(3, Duration.ofSeconds(30));

    @Inject
    OutboundQueue queue;
    @Inject
    ContactRepository contacts;
    @Inject
    Outbox outbox;
    @Inject
    ReporterErasure erasure;
    @Inject
    EntityManager em;
    @Inject
    FieldCipher cipher;

    @Test
    void shouldNeverGiveOneContactToTwoClaimersAndSendEachContactsMessagesInOrder() throws Exception {
        List<Long> mine = new ArrayList<>();
        Map<Long, List<Long>> messagesOf = new java.util.HashMap<>();
        for (int i = 0; i < 12; i++) {
            long contact = newContact();
            mine.add(contact);
            messagesOf.put(contact, List.of(queue(contact, "PENDING"), queue(contact, "PENDING")));
        }
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<List<OutboundQueue.Claimed>> claimer = () -> {
            start.await();
            return claimAll(3);
        };
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<OutboundQueue.Claimed> first;
        List<OutboundQueue.Claimed> second;
        try {
            Future<List<OutboundQueue.Claimed>> a = threads.submit(claimer);
            Future<List<OutboundQueue.Claimed>> b = threads.submit(claimer);
            first = a.get(60, TimeUnit.SECONDS);
            second = b.get(60, TimeUnit.SECONDS);
        } finally {
            threads.shutdown();
        }
        Set<Long> byFirst = first.stream().map(OutboundQueue.Claimed::contactId).filter(mine::contains).collect(Collectors.toSet());
        Set<Long> bySecond = second.stream().map(OutboundQueue.Claimed::contactId).filter(mine::contains).collect(Collectors.toSet());
        assertTrue(byFirst.stream().noneMatch(bySecond::contains), "a contact was claimed twice: " + byFirst + " " + bySecond);
        Set<Long> all = new HashSet<>(byFirst);
        all.addAll(bySecond);
        assertEquals(new HashSet<>(mine), all, "every contact was claimed once, one message each while it is leased");
        List<OutboundQueue.Claimed> claimed = new ArrayList<>(first);
        claimed.addAll(second);
        for (OutboundQueue.Claimed one : claimed) {
            if (mine.contains(one.contactId())) {
                assertEquals(messagesOf.get(one.contactId()).get(0), one.messageId(), "a contact's first message goes first");
                assertEquals("SENDING", statusOf(one.messageId()));
                assertFalse(one.resumed());
            }
        }

        // the first messages sent: each contact's second message is next
        for (long contact : mine) {
            settle(messagesOf.get(contact).get(0), "SENT");
            queue.release(contact, PACE);
        }
        Set<Long> next = claimAll().stream().filter(c -> mine.contains(c.contactId())).map(OutboundQueue.Claimed::messageId)
                .collect(Collectors.toSet());
        assertEquals(mine.stream().map(c -> messagesOf.get(c).get(1)).collect(Collectors.toSet()), next);
        for (long contact : mine) {
            settle(messagesOf.get(contact).get(1), "SENT");
            queue.release(contact, PACE);
            assertFalse(queued(contact), "a contact with nothing unsent leaves the queue");
        }
    }

    @Test
    void shouldPushAContactAtItsBurstToWhenItsWindowFrees() {
        long contact = newContact();
        Instant oldest = Instant.now().minusSeconds(5);
        sent(contact, oldest);
        sent(contact, oldest.plusSeconds(1));
        sent(contact, oldest.plusSeconds(2));
        long waiting = queue(contact, "PENDING");

        assertTrue(claimAll().stream().noneMatch(c -> c.contactId() == contact), "a fourth message within the window");
        assertEquals(oldest.plus(PACE.window()).toEpochMilli(), dueOf(contact).toEpochMilli(), 1,
                "due when the oldest of its last 3 sends leaves the window");
        assertNull(leasedUntil(contact));
        assertEquals("PENDING", statusOf(waiting));

        // the window has passed
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update chat_message set sent_at = sent_at - interval '1 minute' "
                + "where contact_id = ?1 and status = 'SENT'").setParameter(1, contact).executeUpdate());
        makeDue(contact);
        assertEquals(List.of(waiting), claimedOf(contact));
    }

    @Test
    void shouldWaitForARetryThenClaimTheSameMessage() {
        long contact = newContact();
        long message = queue(contact, "PENDING");
        long later = queue(contact, "PENDING");
        assertEquals(List.of(message), claimedOf(contact));

        // as the sender records "retry later": PENDING again, with its next attempt in an hour
        Instant retryAt = Instant.now().plus(Duration.ofHours(1));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update chat_message set status = 'PENDING', "
                + "next_attempt_at = ?2, lease_until = null where id = ?1").setParameter(1, message).setParameter(2, retryAt).executeUpdate());
        queue.release(contact, PACE);
        assertEquals(retryAt.toEpochMilli(), dueOf(contact).toEpochMilli(), 1);
        assertNull(leasedUntil(contact));
        assertEquals(List.of(), claimedOf(contact), "neither the message nor the one behind it goes before its retry");

        makeDue(contact);
        assertEquals(List.of(message), claimedOf(contact), "the retried message, still before the one behind it");
        assertEquals("PENDING", statusOf(later));
    }

    @Test
    void shouldQueueAReleasedHeldReplyFirst() {
        long contact = newContact();
        long held = queue(contact, "HELD");
        assertFalse(queued(contact), "a held reply waits for the person, not in the queue");
        long backingOff = queue(contact, "PENDING");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update chat_message set next_attempt_at = now() + interval '1 hour' "
                + "where id = ?1").setParameter(1, backingOff).executeUpdate());
        makeQueueDueAt(contact, Instant.now().plus(Duration.ofHours(1)));

        int released = QuarkusTransaction.requiringNew().call(() -> outbox.releaseHeld(em.find(Contact.class, contact)));
        assertEquals(1, released);
        assertTrue(queued(contact));
        assertFalse(dueOf(contact).isAfter(Instant.now()), "the released reply is due at once");
        assertEquals(List.of(held), claimedOf(contact));
    }

    @Test
    void shouldLeaveNoQueueRowWhenAPersonIsErased() {
        long contact = newContact();
        long first = queue(contact, "PENDING");
        queue(contact, "PENDING");
        assertTrue(queued(contact));

        QuarkusTransaction.requiringNew().run(() -> erasure.eraseOnRequest(contact));
        assertFalse(queued(contact), "an erased person's undelivered messages never go out");
        assertEquals("ERASED", statusOf(first));
        assertTrue(claimAll().stream().noneMatch(c -> c.contactId() == contact));
    }

    @Test
    void shouldClaimAgainAfterALeaseRanOutAndFlagAPossibleDuplicate() {
        long contact = newContact();
        long message = queue(contact, "PENDING");
        queue(contact, "PENDING");
        assertEquals(List.of(message), claimedOf(contact));
        assertNotNull(leasedUntil(contact));
        assertEquals(List.of(), claimedOf(contact), "one message in flight per contact");

        // the sender died: its lease runs out
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update chat_message set lease_until = now() - interval '1 second' where id = ?1")
                    .setParameter(1, message).executeUpdate();
            em.createNativeQuery("update outbound_queue set leased_until = now() - interval '1 second', "
                    + "due_at = now() - interval '1 second' where contact_id = ?1").setParameter(1, contact).executeUpdate();
        });
        List<OutboundQueue.Claimed> again = claimAll().stream().filter(c -> c.contactId() == contact).toList();
        assertEquals(1, again.size());
        assertEquals(message, again.get(0).messageId());
        assertTrue(again.get(0).resumed());
        assertTrue(QuarkusTransaction.requiringNew().call(() -> em.find(ChatMessage.class, message).possibleDuplicate));
        assertEquals(2, QuarkusTransaction.requiringNew().call(() -> em.find(ChatMessage.class, message).attempts));
    }

    /**
     * A claim that finds nothing unsent removes the contact, unless another transaction is queuing to it right then:
     * that message, not committed yet, would otherwise be left with no queue row and never sent.
     */
    @Test
    void shouldKeepTheRowForAMessageQueuedWhileTheClaimFindsNothing() throws Exception {
        long contact = newContact();
        long sent = queue(contact, "PENDING");
        assertEquals(List.of(sent), claimedOf(contact));
        settle(sent, "SENT");
        makeQueueDueAt(contact, Instant.now().minusSeconds(1)); // as if released before the removal, nothing unsent

        CountDownLatch queued = new CountDownLatch(1);
        CountDownLatch claimDone = new CountDownLatch(1);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        Future<Long> writer = thread.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
            long id = persist(contact, "PENDING", null);
            queued.countDown();
            assertTrue(claimDone.await(30, TimeUnit.SECONDS));
            return id;
        }));
        try {
            assertTrue(queued.await(30, TimeUnit.SECONDS));
            assertEquals(List.of(), claimedOf(contact), "the uncommitted message is not visible yet");
            assertTrue(queued(contact), "the row was removed under a message being queued");
            claimDone.countDown();
            long id = writer.get(30, TimeUnit.SECONDS);
            makeQueueDueAt(contact, Instant.now().minusSeconds(1));
            assertEquals(List.of(id), claimedOf(contact));
        } finally {
            claimDone.countDown();
            thread.shutdown();
        }
    }

    /**
     * Queuing a reply to a person whose queue row a sender is updating right then (its claim, or the recording of a
     * delivered message, not committed yet) does not wait for that sender (V268): it held up the whole round of
     * processing that queued the reply. The queuing transaction may wait at most a moment for a lock here.
     */
    @Test
    void shouldQueueAReplyWithoutWaitingForASenderOfTheSamePerson() throws Exception {
        long contact = newContact();
        queue(contact, "PENDING");
        CountDownLatch updating = new CountDownLatch(1);
        CountDownLatch senderDone = new CountDownLatch(1);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        Future<?> sender = thread.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update outbound_queue set due_at = now(), leased_until = now() + interval '1 minute' "
                    + "where contact_id = ?1").setParameter(1, contact).executeUpdate();
            updating.countDown();
            try {
                assertTrue(senderDone.await(30, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            assertTrue(updating.await(30, TimeUnit.SECONDS));
            long reply = QuarkusTransaction.requiringNew().call(() -> {
                waitForLocksAtMost("1s");
                return persist(contact, "PENDING", null);
            });
            senderDone.countDown();
            sender.get(30, TimeUnit.SECONDS);
            assertTrue(queued(contact), "the person left the queue with a reply unsent");
            assertEquals("PENDING", statusOf(reply));
        } finally {
            senderDone.countDown();
            thread.shutdown();
        }
    }

    /**
     * A reply queued while a claim that found nothing unsent is removing the person's row (locked FOR UPDATE and deleted,
     * not committed yet) waits for that claim, then puts the person back in the queue, so the reply is sent.
     */
    @Test
    void shouldQueueTheRowAgainWhenItIsRemovedWhileAReplyIsQueued() throws Exception {
        long contact = newContact();
        long sent = queue(contact, "PENDING");
        assertEquals(List.of(sent), claimedOf(contact));
        settle(sent, "SENT");

        CountDownLatch removing = new CountDownLatch(1);
        CountDownLatch removalDone = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        Future<?> claim = threads.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from outbound_queue where contact_id = ?1").setParameter(1, contact).executeUpdate();
            removing.countDown();
            try {
                assertTrue(removalDone.await(30, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            assertTrue(removing.await(30, TimeUnit.SECONDS));
            Future<Long> writer = threads.submit(() -> QuarkusTransaction.requiringNew().call(() -> persist(contact, "PENDING", null)));
            Thread.sleep(200); // the writer reaches the removed row and waits for the removal's end
            removalDone.countDown();
            claim.get(30, TimeUnit.SECONDS);
            long reply = writer.get(30, TimeUnit.SECONDS);
            assertTrue(queued(contact), "a reply was queued with no queue row, so it would never be sent");
            makeQueueDueAt(contact, Instant.now().minusSeconds(1));
            assertEquals(List.of(reply), claimedOf(contact));
        } finally {
            removalDone.countDown();
            threads.shutdown();
        }
    }

    /** In the current transaction: a statement that waits longer than {@code timeout} for a lock fails. */
    private void waitForLocksAtMost(String timeout) {
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.execute("set local lock_timeout = '" + timeout + "'");
            }
        });
    }

    /**
     * A claim brings what its send reads of the message and of its contact (issue 16: nothing is read after the claim),
     * still encrypted where the columns are, so that only the send decrypts; a message queued as its contact was erased
     * carries its own recipient, and its contact none.
     */
    @Test
    void shouldBringTheMessageAndItsContactAsStoredWithTheClaim() {
        String chat = "outq-" + UUID.randomUUID();
        Instant wrote = Instant.parse("2026-11-30T08:15:30.123456Z");
        long contact = QuarkusTransaction.requiringNew().call(() -> {
            Contact created = contacts.findOrCreate(Channel.DEV, chat);
            created.language = "en";
            created.lastInboundAt = wrote;
            return created.id;
        });
        long erased = newContact();
        long message = QuarkusTransaction.requiringNew().call(() -> persistText(contact, "halo", null));
        long farewell = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("update contact set external_id = null where id = ?1").setParameter(1, erased).executeUpdate();
            return persistText(erased, "sampai jumpa", "outq-farewell");
        });

        Map<Long, OutboundQueue.Claimed> claimed = claimAll().stream().filter(c -> c.contactId() == contact || c.contactId() == erased)
                .collect(Collectors.toMap(OutboundQueue.Claimed::contactId, c -> c));

        assertEquals(message, claimed.get(contact).messageId());
        OutboundQueue.Stored stored = claimed.get(contact).stored();
        assertEquals("text", stored.kind());
        assertEquals(QuarkusTransaction.requiringNew().call(() -> em.find(ChatMessage.class, message).createdAt), stored.createdAt());
        assertTrue(stored.contactFound());
        assertEquals("halo", TranscriptBody.outgoing(cipher.decryptString(stored.body())).orElseThrow().text());
        assertEquals(chat, cipher.decryptString(stored.externalId()));
        assertNull(stored.recipient());
        assertEquals("en", stored.language());
        assertEquals(wrote, stored.lastInboundAt());
        assertNull(stored.unreachableAt());

        assertEquals(farewell, claimed.get(erased).messageId());
        OutboundQueue.Stored last = claimed.get(erased).stored();
        assertTrue(last.contactFound());
        assertNull(last.externalId());
        assertEquals("outq-farewell", cipher.decryptString(last.recipient()));
        assertEquals("sampai jumpa", TranscriptBody.outgoing(cipher.decryptString(last.body())).orElseThrow().text());
    }

    private long persistText(long contact, String text, String recipient) {
        long row = persist(contact, "PENDING", null);
        ChatMessage message = em.find(ChatMessage.class, row);
        message.body = TranscriptBody.of(new Output.Message(text, null, List.of(), false));
        message.recipient = recipient;
        em.flush();
        return row;
    }

    private List<OutboundQueue.Claimed> claimAll() {
        return claimAll(50);
    }

    /** Claims until nothing is due, {@code limit} contacts at a time. */
    private List<OutboundQueue.Claimed> claimAll(int limit) {
        List<OutboundQueue.Claimed> all = new ArrayList<>();
        while (true) {
            List<OutboundQueue.Claimed> claimed = queue.claim(Channel.DEV, limit, PACE, LEASE);
            if (claimed.isEmpty()) {
                return all;
            }
            all.addAll(claimed);
        }
    }

    private List<Long> claimedOf(long contact) {
        return claimAll().stream().filter(c -> c.contactId() == contact).map(OutboundQueue.Claimed::messageId).toList();
    }

    private long newContact() {
        return QuarkusTransaction.requiringNew().call(() -> contacts.findOrCreate(Channel.DEV, "outq-" + UUID.randomUUID()).id);
    }

    /** An outbound dev-channel row in its own transaction; the dev outbox itself marks its rows SENT at once. */
    private long queue(long contact, String status) {
        return QuarkusTransaction.requiringNew().call(() -> persist(contact, status, null));
    }

    private void sent(long contact, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> persist(contact, "SENT", at));
    }

    private long persist(long contact, String status, Instant sentAt) {
        ChatMessage message = new ChatMessage();
        message.contactId = contact;
        message.channel = Channel.DEV;
        message.direction = ChatMessage.Direction.OUT;
        message.kind = "text";
        message.status = ChatMessage.Status.valueOf(status);
        message.createdAt = Instant.now();
        message.nextAttemptAt = "PENDING".equals(status) ? Instant.now() : null;
        message.sentAt = sentAt;
        em.persist(message);
        em.flush();
        return message.id;
    }

    private void settle(long message, String status) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update chat_message set status = ?2, lease_until = null, "
                + "sent_at = case when ?2 = 'SENT' then now() else sent_at end where id = ?1")
                .setParameter(1, message).setParameter(2, status).executeUpdate());
    }

    /** As if the time the contact waits for had passed. */
    private void makeDue(long contact) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update chat_message set next_attempt_at = now() - interval '1 second' "
                + "where contact_id = ?1 and status = 'PENDING'").setParameter(1, contact).executeUpdate());
        makeQueueDueAt(contact, Instant.now().minusSeconds(1));
    }

    private void makeQueueDueAt(long contact, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update outbound_queue set due_at = ?2, leased_until = null where contact_id = ?1")
                .setParameter(1, contact).setParameter(2, at).executeUpdate());
    }

    private boolean queued(long contact) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbound_queue where contact_id = ?1").setParameter(1, contact).getSingleResult()).longValue()) == 1;
    }

    private Instant dueOf(long contact) {
        return time("select due_at from outbound_queue where contact_id = ?1", contact);
    }

    private Instant leasedUntil(long contact) {
        return time("select leased_until from outbound_queue where contact_id = ?1", contact);
    }

    private Instant time(String sql, long contact) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object value = em.createNativeQuery(sql).setParameter(1, contact).getSingleResult();
            return value == null ? null : value instanceof Instant instant ? instant : ((OffsetDateTime) value).toInstant();
        });
    }

    private String statusOf(long message) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery("select status from chat_message where id = ?1")
                .setParameter(1, message).getSingleResult());
    }
}
