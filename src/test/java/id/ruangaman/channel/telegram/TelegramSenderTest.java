package id.ruangaman.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import id.ruangaman.channel.outbound.Outgoing;
import id.ruangaman.channel.outbound.SendOutcome;
import id.ruangaman.conversation.Choice;
import id.ruangaman.conversation.Output;
import id.ruangaman.transcript.DeliveryFailure;
import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.ChatMessage;
import id.ruangaman.transcript.ChatMessageRepository;
import id.ruangaman.transcript.Contact;
import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.transcript.Outbox;
import id.ruangaman.transcript.TranscriptBody;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.FakePlatforms;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.LogLines;
import id.ruangaman.testing.TelegramFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** How the outbox sender copes with Telegram's answers, asserted against the fake Bot API. */
@QuarkusTest
@TestProfile(TelegramSenderTest.RealPace.class)
class TelegramSenderTest {

    /** Telegram's own pace per chat, the defaults in code, which the other tests lift to walk a chat quickly. */
    public static class RealPace implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("telegram.per-chat-burst", "3", "telegram.per-chat-window", "3S");
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(30);
    private final FakeTelegram telegram = FakePlatforms.telegram();

    @Inject
    ContactRepository contacts;
    @Inject
    Outbox outbox;
    @Inject
    ChatMessageRepository messages;
    @Inject
    EntityManager em;
    @Inject
    TelegramSender telegramSender;

    private List<Long> queue(long chat, String... texts) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Contact contact = contacts.findOrCreate(Channel.TELEGRAM, String.valueOf(chat));
            List<Long> ids = new ArrayList<>();
            for (String text : texts) {
                ids.add(outbox.queueText(contact, text).id);
            }
            return ids;
        });
    }

    private ChatMessage row(long id) {
        return QuarkusTransaction.requiringNew().call(() -> em.find(ChatMessage.class, id));
    }

    private void awaitStatus(long id, ChatMessage.Status status) {
        Eventually.await("message " + id + " " + status, WAIT, () -> row(id).status == status);
    }

    private static long gapMillis(List<FakeTelegram.Call> calls, int i) {
        return Duration.between(calls.get(i - 1).at(), calls.get(i).at()).toMillis();
    }

    @Test
    void shouldKeepAMessageErasedWhenThePersonErasesWhileItIsOnItsWay() {
        long chat = TelegramFixtures.newChatId();
        telegram.slow("sendMessage", chat, Duration.ofSeconds(2));
        long id = queue(chat, "pesan yang sedang dikirim").get(0);
        Eventually.await("the send reached Telegram", WAIT, () -> telegram.sentTo(chat).size() == 1);
        long contactId = row(id).contactId;
        QuarkusTransaction.requiringNew().run(() -> messages.eraseContent(contactId)); // /hapus while Telegram answers
        Eventually.await("the answer recorded", WAIT, () -> row(id).leaseUntil == null && row(id).status != ChatMessage.Status.ERASED);
        ChatMessage settled = row(id);
        assertEquals(ChatMessage.Status.SENT, settled.status, "it did go out");
        assertNull(settled.providerMessage, "the platform's id of an erased person's message is not kept");
        assertNull(settled.body, "nor its words");
        assertNull(settled.providerMessageKey, "nor the lookup key of that id, as erasure keeps none for a delivered message");
    }

    @Test
    void shouldNotDeadlockWhenThePersonErasesAsTheBlockedAnswerComesBack() throws Exception {
        long chat = TelegramFixtures.newChatId();
        telegram.blocked("sendMessage", chat, Duration.ofSeconds(2));
        long id = queue(chat, "pesan ke orang yang memblokir").get(0);
        Eventually.await("the send reached Telegram", WAIT, () -> telegram.sentTo(chat).size() == 1);
        long contactId = row(id).contactId;
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch answerWaits = new CountDownLatch(1);
        ExecutorService erasure = Executors.newSingleThreadExecutor();
        try {
            // /hapus as erasure runs it: the contact locked first, then its messages, in one transaction.
            Future<?> erased = erasure.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                contacts.lock(contactId);
                locked.countDown();
                await(answerWaits);
                messages.eraseContent(contactId);
            }));
            assertTrue(locked.await(30, TimeUnit.SECONDS));
            // Telegram's 403 now comes back and its outcome must wait for the erasure, not lock a message under it.
            Eventually.await("the answer's transaction waits for a lock", WAIT, () -> waitingLocks() > 0);
            answerWaits.countDown();
            erased.get(30, TimeUnit.SECONDS); // a deadlock would abort one of the two transactions
        } finally {
            answerWaits.countDown();
            erasure.shutdownNow();
        }
        Eventually.await("the answer recorded", WAIT, () -> row(id).leaseUntil == null);
        ChatMessage settled = row(id);
        assertEquals(ChatMessage.Status.ERASED, settled.status, "it did not go out, and the person erased it");
        assertNull(settled.body);
        assertNull(settled.recipient);
    }

    private long waitingLocks() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from pg_locks where not granted").getSingleResult()).longValue());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldWaitForRetryAfterOn429() {
        long chat = TelegramFixtures.newChatId();
        telegram.tooManyRequests("sendMessage", chat, 2);
        long id = queue(chat, "pesan satu").get(0);
        awaitStatus(id, ChatMessage.Status.SENT);
        List<FakeTelegram.Call> calls = telegram.sentTo(chat);
        assertEquals(2, calls.size());
        assertTrue(gapMillis(calls, 1) >= 1900, "retried before retry_after: " + gapMillis(calls, 1) + " ms");
        assertEquals(2, row(id).attempts);
    }

    @Test
    void shouldBackOffExponentiallyOnServerErrors() {
        long chat = TelegramFixtures.newChatId();
        telegram.serverError("sendMessage", chat);
        telegram.serverError("sendMessage", chat);
        long id = queue(chat, "pesan dua").get(0);
        awaitStatus(id, ChatMessage.Status.SENT);
        List<FakeTelegram.Call> calls = telegram.sentTo(chat);
        assertEquals(3, calls.size());
        assertTrue(gapMillis(calls, 1) >= 900, "first backoff too short: " + gapMillis(calls, 1));
        assertTrue(gapMillis(calls, 2) > gapMillis(calls, 1), "backoff did not grow");
        assertEquals(3, row(id).attempts);
    }

    /**
     * A volunteer with a wrong bot token saw nothing in the console while no reply reached anyone: refused sends are
     * said at WARN once (not once a send), with Telegram's code and reason but no chat id, text or token, and the
     * channel working again is said too.
     */
    @Test
    void shouldSayRefusedSendsOnceInTheLogWithoutChatIdTextOrTokenAndThatTheyWorkAgain() {
        LogLines log = LogLines.everything();
        log.start();
        try {
            long chat = TelegramFixtures.newChatId();
            String refused = "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}";
            telegram.script("sendMessage", chat, new FakeTelegram.Scripted(401, refused, Duration.ZERO));
            telegram.script("sendMessage", chat, new FakeTelegram.Scripted(401, refused, Duration.ZERO));
            List<Long> ids = queue(chat, "pesan rahasia satu", "pesan rahasia dua", "pesan rahasia tiga");
            awaitStatus(ids.get(0), ChatMessage.Status.FAILED);
            awaitStatus(ids.get(1), ChatMessage.Status.FAILED);
            awaitStatus(ids.get(2), ChatMessage.Status.SENT);
            Eventually.await("the channel said to work again", WAIT,
                    () -> log.lines().stream().anyMatch(line -> line.startsWith("Telegram: sends work again")));
            List<String> refusals = log.lines().stream()
                    .filter(line -> line.startsWith("Telegram: sends are failing (Telegram 401: Unauthorized)")).toList();
            assertEquals(1, refusals.size(), "one line for the two refused sends: " + refusals);
            String all = String.join("\n", log.lines());
            for (String secret : List.of(String.valueOf(chat), "pesan rahasia", FakePlatforms.TELEGRAM_TOKEN, "TEST-token")) {
                assertTrue(!all.contains(secret), secret + " in the log");
            }
        } finally {
            log.stop();
        }
    }

    @Test
    void shouldStopSendingToAContactWhoBlockedTheBot() throws Exception {
        long chat = TelegramFixtures.newChatId();
        telegram.blocked("sendMessage", chat);
        long first = queue(chat, "pesan tiga").get(0);
        awaitStatus(first, ChatMessage.Status.FAILED);
        assertTrue(row(first).failureReason.contains("403"), row(first).failureReason);
        assertEquals(DeliveryFailure.UNREACHABLE, DeliveryFailure.of(row(first).failureReason), "shown as its label in the inbox");
        Contact contact = QuarkusTransaction.requiringNew().call(() -> contacts.findByExternalId(Channel.TELEGRAM, String.valueOf(chat)).orElseThrow());
        assertNotNull(contact.unreachableAt);

        long second = queue(chat, "pesan empat").get(0);
        assertEquals(ChatMessage.Status.FAILED, row(second).status);
        assertEquals("contact unreachable", row(second).failureReason);
        assertEquals(DeliveryFailure.UNREACHABLE, DeliveryFailure.of(row(second).failureReason));
        Thread.sleep(500);
        assertEquals(1, telegram.sentTo(chat).size(), "nothing more may be sent to a contact who blocked the bot");
    }

    @Test
    void shouldPaceMessagesToOneChatAndKeepTheirOrder() {
        long chat = TelegramFixtures.newChatId();
        List<Long> ids = queue(chat, "1", "2", "3", "4", "5", "6");
        ids.forEach(id -> awaitStatus(id, ChatMessage.Status.SENT));
        List<FakeTelegram.Call> calls = telegram.sentTo(chat);
        assertEquals(List.of("1", "2", "3", "4", "5", "6"), calls.stream().map(FakeTelegram.Call::text).toList());
        for (int i = 3; i < calls.size(); i++) {
            long window = Duration.between(calls.get(i - 3).at(), calls.get(i).at()).toMillis();
            assertTrue(window >= 2900, "more than 3 messages within 3 s to one chat: " + window + " ms");
        }
    }

    /**
     * Issue 16: with a backlog over many chats, the channel sends at its configured limit (TELEGRAM_MAX_PER_SECOND,
     * 30 by default) within 6%, never more in any second, and never more than 3 in 3 s to one chat.
     */
    @Test
    void shouldSendABacklogAtTheChannelsLimitAndNeverAbove() {
        int limit = 30;
        Instant started = Instant.now();
        List<Long> chats = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 70; i++) {
                long chat = TelegramFixtures.newChatId();
                chats.add(chat);
                Contact contact = contacts.findOrCreate(Channel.TELEGRAM, String.valueOf(chat));
                for (int n = 1; n <= 4; n++) {
                    outbox.queueText(contact, "antrian " + n);
                }
            }
        });
        java.util.Set<String> backlog = chats.stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet());
        Eventually.await("the backlog sent", Duration.ofSeconds(60),
                () -> telegram.calls(call -> "sendMessage".equals(call.method()) && backlog.contains(call.chatId())).size() == 280);
        // every send of the channel in the meantime, the backlog's and any other test's
        List<Instant> sends = telegram.calls(call -> "sendMessage".equals(call.method()) && !call.at().isBefore(started)).stream()
                .map(FakeTelegram.Call::at).sorted().toList();
        long shortest = Long.MAX_VALUE;
        // From the very first send: a permit's slot is free a second after its request was answered, so however long
        // a request stalls on its way (the first ones while connections are set up), the one 30 permits later reaches
        // the platform at least a second after it.
        for (int i = 0; i + limit < sends.size(); i++) {
            shortest = Math.min(shortest, Duration.between(sends.get(i), sends.get(i + limit)).toMillis());
        }
        System.out.printf("[outbound] shortest span of %d sends: %d ms%n", limit + 1, shortest);
        assertTrue(shortest >= 1000, (limit + 1) + " sends within one second: " + shortest + " ms");
        // The rate over whole rounds of the limit (the first send of the second round to the first of the ninth) is
        // printed, not asserted: how close to the limit a backlog goes depends on how fast the fake answers, and on a
        // loaded machine that is the machine's speed, not the service's (27 a second in one CI run beside other
        // builds). Goal 3's rate is measured by the benchmark, and RateLimiterTest checks it on a hand-moved clock.
        int rounds = 7;
        double seconds = Duration.between(sends.get(limit), sends.get((rounds + 1) * limit)).toNanos() / 1e9;
        System.out.printf("[outbound] backlog of 280 to 70 chats: %.2f messages/s (limit %d)%n", rounds * limit / seconds, limit);
        for (long chat : chats) {
            List<FakeTelegram.Call> calls = telegram.sentTo(chat);
            assertEquals(List.of("antrian 1", "antrian 2", "antrian 3", "antrian 4"), calls.stream().map(FakeTelegram.Call::text).toList());
            assertTrue(Duration.between(calls.get(0).at(), calls.get(3).at()).toMillis() >= 2900, "4 messages within 3 s to one chat");
        }
    }

    /**
     * Telegram counts every call of the bot, and the removal of the old buttons after a report is up to five
     * editMessageReplyMarkup calls: each takes its own rate permit. (Until issue 16's forty-third round a removal took
     * one permit for all its calls, and removals for many chats at once went out at several times the limit.)
     */
    @Test
    void shouldCountEveryCallOfAButtonRemovalTowardsTheChannelsLimit() {
        int limit = 30;
        int chatCount = 24;
        Instant started = Instant.now();
        java.util.Set<String> chats = new java.util.HashSet<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < chatCount; i++) {
                long chat = TelegramFixtures.newChatId();
                chats.add(String.valueOf(chat));
                Contact contact = contacts.findOrCreate(Channel.TELEGRAM, String.valueOf(chat));
                for (int n = 1; n <= TelegramSender.BUTTONS_REMOVED; n++) {
                    outbox.queue(contact, new Output.Message("Pertanyaan sintetis " + n, "q" + n,
                            List.of(new Choice("ya", "Ya"), new Choice("tidak", "Tidak")), false));
                }
                outbox.queueButtonRemoval(contact, null);
            }
        });
        Eventually.await("every chat's buttons taken off", Duration.ofSeconds(60), () -> telegram.calls(
                call -> "editMessageReplyMarkup".equals(call.method()) && chats.contains(call.chatId())).size()
                == chatCount * TelegramSender.BUTTONS_REMOVED);
        // every call of the channel's outbox in the meantime, this test's and any other's
        List<Instant> calls = telegram.calls(call -> java.util.Set.of("sendMessage", "editMessageReplyMarkup", "deleteMessages")
                .contains(call.method()) && !call.at().isBefore(started)).stream().map(FakeTelegram.Call::at).sorted().toList();
        long shortest = Long.MAX_VALUE;
        for (int i = 0; i + limit < calls.size(); i++) {
            shortest = Math.min(shortest, Duration.between(calls.get(i), calls.get(i + limit)).toMillis());
        }
        assertTrue(shortest >= 1000, (limit + 1) + " Bot API calls within one second: " + shortest + " ms");
    }

    /** Queues a message with buttons, the removal of old buttons that follows a report, and a text after it. */
    private List<Long> queueRemovalBetween(long chat) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Contact contact = contacts.findOrCreate(Channel.TELEGRAM, String.valueOf(chat));
            long prompt = outbox.queue(contact, new Output.Message("Pertanyaan sintetis", "q1",
                    List.of(new Choice("ya", "Ya"), new Choice("tidak", "Tidak")), false)).id;
            long removal = outbox.queueButtonRemoval(contact, null).id;
            long after = outbox.queueText(contact, "pesan sesudah laporan").id;
            return List.of(prompt, removal, after);
        });
    }

    private List<FakeTelegram.Call> edits(long chat) {
        return telegram.calls(call -> "editMessageReplyMarkup".equals(call.method()) && String.valueOf(chat).equals(call.chatId()));
    }

    /**
     * A 429 on the buttons' removal is Telegram's rate limit, which the chat's next message would meet too: the removal
     * waits {@code retry_after} and is tried again, and the message after it follows.
     */
    @Test
    void shouldTryAButtonRemovalAgainAfterTelegramsRetryAfter() {
        long chat = TelegramFixtures.newChatId();
        telegram.tooManyRequests("editMessageReplyMarkup", chat, 1);
        List<Long> ids = queueRemovalBetween(chat);
        awaitStatus(ids.get(2), ChatMessage.Status.SENT);
        List<FakeTelegram.Call> edits = edits(chat);
        assertEquals(2, edits.size(), "refused once with 429, then taken off: " + edits);
        assertTrue(Duration.between(edits.get(0).at(), edits.get(1).at()).toMillis() >= 1000, "tried again after retry_after");
        assertEquals(ChatMessage.Status.SENT, row(ids.get(1)).status);
        FakeTelegram.Call after = telegram.sentTo(chat).get(1);
        assertEquals("pesan sesudah laporan", after.text());
        assertTrue(!after.at().isBefore(edits.get(1).at()), "the next message waits for the removal, in order");
    }

    /** A 403 on the buttons' removal means the person blocked the bot: nothing more goes to the chat. */
    @Test
    void shouldStopSendingWhenTheBotIsBlockedAtAButtonRemoval() throws Exception {
        long chat = TelegramFixtures.newChatId();
        telegram.blocked("editMessageReplyMarkup", chat);
        List<Long> ids = queueRemovalBetween(chat);
        awaitStatus(ids.get(1), ChatMessage.Status.FAILED);
        assertEquals(DeliveryFailure.UNREACHABLE, DeliveryFailure.of(row(ids.get(1)).failureReason), row(ids.get(1)).failureReason);
        awaitStatus(ids.get(2), ChatMessage.Status.FAILED);
        assertEquals("contact unreachable", row(ids.get(2)).failureReason);
        Contact contact = QuarkusTransaction.requiringNew().call(() -> contacts.findByExternalId(Channel.TELEGRAM, String.valueOf(chat)).orElseThrow());
        assertNotNull(contact.unreachableAt);
        assertEquals(1, edits(chat).size());
        assertEquals(1, telegram.sentTo(chat).size(), "only the prompt before the removal was sent");
    }

    /**
     * A removal whose call is cut short because the service stops (the dispatcher interrupts the sends still under way
     * after its stop wait) is tried again after the restart, not failed: before, OkHttp's {@code InterruptedIOException}
     * was taken for a network failure and the buttons stayed.
     */
    @Test
    void shouldTryAButtonRemovalAgainWhenTheServiceStopsDuringItsCall() throws Exception {
        long chat = TelegramFixtures.newChatId();
        List<Long> ids = queueRemovalBetween(chat);
        awaitStatus(ids.get(2), ChatMessage.Status.SENT);
        ChatMessage prompt = row(ids.get(0));
        int editsBefore = edits(chat).size();
        Outgoing removal = new Outgoing(Long.MAX_VALUE, prompt.contactId, Outbox.KIND_REMOVE_BUTTONS, Instant.now(),
                String.valueOf(chat), null, null, new Output.Message("", null, List.of(), false));
        java.util.concurrent.atomic.AtomicReference<Object> outcome = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean stillInterrupted = new java.util.concurrent.atomic.AtomicBoolean();
        Thread sending = new Thread(() -> {
            try {
                // the stop's interrupt arrives as the call takes its permit, before its request is written
                outcome.set(telegramSender.send(removal, () -> {
                    Thread.currentThread().interrupt();
                    return () -> { };
                }));
            } catch (InterruptedException e) {
                outcome.set(e);
            }
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        sending.start();
        sending.join(WAIT.toMillis());
        SendOutcome.RetryLater retry = assertInstanceOf(SendOutcome.RetryLater.class, outcome.get());
        assertFalse(retry.outcomeUnknown(), "an edit done twice is harmless (400, skipped)");
        assertTrue(stillInterrupted.get(), "the stop is still seen by the dispatcher");
        assertEquals(editsBefore, edits(chat).size(), "nothing reached Telegram");
    }

    /**
     * A message whose send the service's stop cuts short is tried again after the restart, flagged as possibly delivered
     * (the request may have left), and its reason is the service's own stop, which the inbox labels a technical
     * failure, not Telegram's or the network's.
     */
    @Test
    void shouldTryAMessageAgainFlaggedWhenTheServiceStopsDuringItsSend() throws Exception {
        long chat = TelegramFixtures.newChatId();
        int before = telegram.sentTo(chat).size();
        Outgoing message = new Outgoing(Long.MAX_VALUE, 0, null, Instant.now(), String.valueOf(chat), null, null,
                new Output.Message("pesan sintetis", null, List.of(), false));
        java.util.concurrent.atomic.AtomicReference<Object> outcome = new java.util.concurrent.atomic.AtomicReference<>();
        Thread sending = new Thread(() -> {
            try {
                outcome.set(telegramSender.send(message, () -> {
                    Thread.currentThread().interrupt(); // the stop's interrupt, as the call takes its permit
                    return () -> { };
                }));
            } catch (InterruptedException e) {
                outcome.set(e);
            }
        });
        sending.start();
        sending.join(WAIT.toMillis());
        SendOutcome.RetryLater retry = assertInstanceOf(SendOutcome.RetryLater.class, outcome.get());
        assertTrue(retry.outcomeUnknown(), "a request cut short may have reached Telegram");
        assertEquals(DeliveryFailure.TECHNICAL, DeliveryFailure.of(retry.reason()), retry.reason());
        assertEquals(before, telegram.sentTo(chat).size(), "nothing reached Telegram here");
    }

    @Test
    void shouldSplitATextLongerThanTelegramAllows() {
        long chat = TelegramFixtures.newChatId();
        String paragraph = "Kalimat sintetis yang cukup panjang untuk diuji. ".repeat(40) + "\n\n";
        String text = paragraph.repeat(5);
        List<Long> ids = queue(chat, text);
        ids.forEach(id -> awaitStatus(id, ChatMessage.Status.SENT));
        Eventually.await("all parts sent", WAIT, () -> telegram.sentTo(chat).size() >= 3);
        List<FakeTelegram.Call> calls = telegram.sentTo(chat);
        assertTrue(calls.stream().allMatch(call -> call.text().length() <= 4096));
        assertEquals(text.replaceAll("\\s+", ""), calls.stream().map(FakeTelegram.Call::text).reduce("", String::concat).replaceAll("\\s+", ""));
    }

    @Test
    void shouldRetryATimedOutSendAndFlagItAsAPossibleDuplicate() {
        long chat = TelegramFixtures.newChatId();
        telegram.slow("sendMessage", chat, Duration.ofSeconds(5));
        long id = queue(chat, "pesan lima").get(0);
        awaitStatus(id, ChatMessage.Status.SENT);
        assertTrue(row(id).possibleDuplicate, "a send whose outcome was unknown must be flagged");
        assertEquals(2, telegram.sentTo(chat).size());
    }

    /**
     * A message that cannot be decrypted (written under another data key, or damaged) fails on its own; it never stops
     * the channel's other messages. Before, the claim loaded each row, so one unreadable row failed every claim.
     */
    @Test
    void shouldFailAnUnreadableMessageAloneAndDeliverTheRest() {
        long damagedChat = TelegramFixtures.newChatId();
        long damaged = QuarkusTransaction.requiringNew().call(() -> {
            long id = outbox.queueText(contacts.findOrCreate(Channel.TELEGRAM, String.valueOf(damagedChat)), "pesan rusak").id;
            em.flush();
            em.createNativeQuery("update chat_message set body = decode('00ff00ff00ff00ff00ff00ff00ff00ff', 'hex') where id = ?1")
                    .setParameter(1, id).executeUpdate();
            return id;
        });
        long chat = TelegramFixtures.newChatId();
        long readable = queue(chat, "pesan utuh").get(0);
        awaitStatus(readable, ChatMessage.Status.SENT);
        // read through the plain column: the entity itself cannot be loaded
        Eventually.await("damaged message FAILED", WAIT, () -> "FAILED".equals(QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery("select status from chat_message where id = ?1").setParameter(1, damaged).getSingleResult())));
        assertEquals(0, telegram.sentTo(damagedChat).size());
    }

    /**
     * Recording a delivery writes only what changed: the body's ciphertext is the one written when the message was
     * queued (before, the whole row was written back and the body encrypted again under a new nonce), and the row holds
     * Telegram's message id, the time and no lease.
     */
    @Test
    void shouldRecordADeliveryWithoutWritingTheBodyAgain() {
        long chat = TelegramFixtures.newChatId();
        Object[] queued = QuarkusTransaction.requiringNew().call(() -> {
            long id = outbox.queueText(contacts.findOrCreate(Channel.TELEGRAM, String.valueOf(chat)), "pesan yang dicatat").id;
            em.flush();
            return new Object[] { id, em.createNativeQuery("select body from chat_message where id = ?1").setParameter(1, id).getSingleResult() };
        });
        long id = (Long) queued[0];
        awaitStatus(id, ChatMessage.Status.SENT);
        byte[] after = (byte[]) QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery("select body from chat_message where id = ?1").setParameter(1, id).getSingleResult());
        org.junit.jupiter.api.Assertions.assertArrayEquals((byte[]) queued[1], after, "the body was written again");
        ChatMessage sent = row(id);
        assertEquals(String.valueOf(telegram.lastMessageId(chat)), sent.providerMessage);
        assertEquals(sent.providerMessage, sent.providerMessageKey, "a Telegram id is its own lookup key");
        assertNotNull(sent.sentAt);
        assertNull(sent.leaseUntil);
        assertNull(sent.failureReason);
        assertEquals("pesan yang dicatat", TranscriptBody.message(sent).orElseThrow().text());
    }
}
