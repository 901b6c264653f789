package id.ruangaman.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.testing.Eventually;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Button-press answers by call (answerCallbackQuery, with long polling) step aside for a congested webhook (issue 16, tenth round): while the
 * webhook is congested no answer is sent; an answer that has waited its bound is dropped without a call and counted;
 * with the webhook calm answers go at once; the answers waiting are bounded. A settable congestion signal and clock, a
 * recording fake of the call; synthetic query ids.
 */
class PressAnswersCongestionTest {

    private static final Duration MAX_AGE = Duration.ofSeconds(5);

    private final AtomicBoolean congested = new AtomicBoolean();
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<String> called = new CopyOnWriteArrayList<>();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private TelegramCallbackAnswers answers;

    private TelegramCallbackAnswers answers(int capacity) {
        answers = new TelegramCallbackAnswers(query -> {
            called.add(query.getCallbackQueryId());
            return new TelegramApi.Answer(true, null, 0, null, null);
        }, metrics, congested::get, now::get, MAX_AGE, capacity);
        return answers;
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (answers != null) {
            congested.set(false);
            answers.stop();
            answers.awaitStopped(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldAnswerAtOnceWhileTheWebhookIsCalm() {
        answers(100).answer("cbq-sintetis-calm");

        Eventually.await("the answer was sent", Duration.ofSeconds(60), () -> called.size() == 1);
        assertEquals(List.of("cbq-sintetis-calm"), called);
        assertEquals(0.0, dropped("stale"));
    }

    @Test
    void shouldNotCallWhileCongestedAndSendOnceCalmWithinTheBound() throws InterruptedException {
        congested.set(true);
        answers(100).answer("cbq-sintetis-waits");
        now.addAndGet(MAX_AGE.minusSeconds(1).toNanos()); // four seconds old: still inside its bound

        Thread.sleep(300); // the answerer looks again every few milliseconds
        assertEquals(List.of(), called, "no call while the webhook is congested");

        congested.set(false);
        Eventually.await("the answer went once the webhook was calm", Duration.ofSeconds(60), () -> called.size() == 1);
        assertEquals(0.0, dropped("stale"));
    }

    @Test
    void shouldDropAnAnswerThatWaitedItsBoundWithoutACall() throws InterruptedException {
        congested.set(true);
        answers(100);
        answers.answer("cbq-sintetis-stale-1");
        answers.answer("cbq-sintetis-stale-2");
        Thread.sleep(100);
        now.addAndGet(MAX_AGE.toNanos()); // both have waited their bound while the webhook stayed congested

        Eventually.await("both stale answers dropped", Duration.ofSeconds(60), () -> dropped("stale") == 2.0);
        congested.set(false);
        answers.answer("cbq-sintetis-fresh");
        Eventually.await("a fresh answer goes", Duration.ofSeconds(60), () -> called.size() == 1);
        assertEquals(List.of("cbq-sintetis-fresh"), called, "the stale answers were never sent");
        assertEquals(0.0, metrics.counter("ruangaman.telegram.callback_answers.failed").count(), "a drop is not a failure");
    }

    @Test
    void shouldDropAnAnswerThatArrivesStaleWithTheWebhookCalm() throws InterruptedException {
        // the answerer is slow (a long call before it): an answer already past its bound is not sent late
        answers(100);
        congested.set(true);
        answers.answer("cbq-sintetis-late");
        now.addAndGet(MAX_AGE.toNanos() + 1);
        congested.set(false);

        Eventually.await("the late answer dropped", Duration.ofSeconds(60), () -> dropped("stale") == 1.0);
        assertEquals(List.of(), called);
    }

    @Test
    void shouldBoundTheAnswersWaiting() throws InterruptedException {
        congested.set(true);
        answers(3);
        for (int i = 0; i < 10; i++) {
            answers.answer("cbq-sintetis-many-" + i);
        }
        // one is held by the answerer while it waits, three wait in the queue: the other six are dropped at once
        Eventually.await("the answers beyond the bound dropped", Duration.ofSeconds(60), () -> dropped("full") >= 6.0);
        assertTrue(dropped("full") <= 7.0, "at most the queue's overflow dropped: " + dropped("full"));
        assertEquals(List.of(), called);
    }

    private double dropped(String reason) {
        return metrics.counter("ruangaman.telegram.callback_answers.dropped", "reason", reason).count();
    }
}
