package id.ruangaman.channel.inbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import id.ruangaman.transcript.Channel;
import id.ruangaman.channel.ChannelsConfig;
import id.ruangaman.security.crypto.FieldCipher;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Applies stored updates to conversations: per contact strictly in platform order, different
 * contacts in parallel, and safely alongside other instances ({@code FOR UPDATE SKIP LOCKED}).
 * It reads only the database, so updates acknowledged before a crash are picked up after restart.
 */
@ApplicationScoped
public class InboundProcessor {

    private static final Logger LOG = Logger.getLogger(InboundProcessor.class);
    private static final int BATCH = 200;

    private final EntityManager em;
    private final FieldCipher cipher;
    private final InboundSignal signal;
    private final ChannelsConfig config;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final Map<Channel, InboundHandler> handlers = new EnumMap<>(Channel.class);
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean paused = new AtomicBoolean();
    private ExecutorService workers;
    private Thread poller;

    InboundProcessor(EntityManager em, FieldCipher cipher, InboundSignal signal, ChannelsConfig config,
            MeterRegistry metrics, Clock clock, Instance<InboundHandler> available) {
        this.em = em;
        this.cipher = cipher;
        this.signal = signal;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
        available.forEach(handler -> handlers.put(handler.channel(), handler));
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.processInbound()) {
            LOG.info("Inbound processing is off in this instance");
            return;
        }
        workers = Executors.newFixedThreadPool(config.inboundWorkers(), runnable -> {
            Thread thread = new Thread(runnable, "inbound-worker");
            thread.setDaemon(true);
            return thread;
        });
        running.set(true);
        poller = new Thread(this::loop, "inbound-poller");
        poller.setDaemon(true);
        poller.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running.set(false);
        signal.wake();
        if (workers != null) {
            workers.shutdown();
        }
    }

    /** Holds processing (updates keep being stored and acknowledged); for maintenance and tests. */
    public void pause() {
        paused.set(true);
    }

    public void resume() {
        paused.set(false);
        signal.wake();
    }

    private void loop() {
        while (running.get()) {
            try {
                int handled = paused.get() ? 0 : drainOnce();
                if (handled == 0) {
                    signal.await(config.pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Inbound polling failed (%s); retrying", e.getClass().getSimpleName());
                sleepQuietly(config.pollInterval());
            }
        }
    }

    /** Processes every update that is due now, at most one per contact; returns how many were looked at. */
    public int drainOnce() {
        List<Long> due = QuarkusTransaction.requiringNew().call(this::dueUpdates);
        if (due.isEmpty()) {
            return 0;
        }
        if (workers == null) {
            due.forEach(this::process); // processing is off in this instance: drained on demand only
            return due.size();
        }
        List<Future<?>> running = new ArrayList<>(due.size());
        for (Long id : due) {
            running.add(workers.submit(() -> process(id)));
        }
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                LOG.warnf("Inbound worker failed: %s", e.getCause().getClass().getSimpleName());
            }
        }
        return due.size();
    }

    @SuppressWarnings("unchecked")
    private List<Long> dueUpdates() {
        List<Number> ids = em.createNativeQuery("select u.id from inbound_update u where u.status = 'PENDING' "
                + "and (u.next_attempt_at is null or u.next_attempt_at <= ?1) "
                + "and not exists (select 1 from inbound_update e where e.status = 'PENDING' "
                + "and e.contact_hash = u.contact_hash and (e.sequence_no < u.sequence_no "
                + "or (e.sequence_no = u.sequence_no and e.id < u.id))) "
                + "order by u.id limit ?2")
                .setParameter(1, Instant.now(clock))
                .setParameter(2, BATCH)
                .getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    private void process(long id) {
        InboundUpdate update = QuarkusTransaction.requiringNew().call(() -> em.find(InboundUpdate.class, id));
        if (update == null || update.status != InboundUpdate.Status.PENDING) {
            return;
        }
        InboundHandler handler = handlers.get(update.channel);
        try {
            if (handler == null) {
                close(id, InboundUpdate.Status.IGNORED); // channel switched off since the update arrived
                return;
            }
            if (update.payload == null) {
                close(id, InboundUpdate.Status.IGNORED); // erased with the person's data before it was processed
                return;
            }
            InboundHandler.Prepared prepared = handler.prepare(update, cipher.decrypt(update.payload));
            finish(id, handler, prepared);
        } catch (RuntimeException e) {
            fail(id, e);
        }
    }

    private void finish(long id, InboundHandler handler, InboundHandler.Prepared prepared) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (!lock(id)) {
                return; // another instance has it, or it is already done
            }
            InboundUpdate.Status outcome = handler.apply(prepared);
            if (outcome == InboundUpdate.Status.PENDING) {
                // The conversation, under the contact's lock, wants this update's file: prepare again and fetch it.
                em.find(InboundUpdate.class, id).fetchFile = true;
                signal.wake();
                return;
            }
            markDone(id, outcome);
        });
    }

    private void close(long id, InboundUpdate.Status status) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (lock(id)) {
                markDone(id, status);
            }
        });
    }

    private boolean lock(long id) {
        return !em.createNativeQuery("select id from inbound_update where id = ?1 and status = 'PENDING' for update skip locked")
                .setParameter(1, id).getResultList().isEmpty();
    }

    private void markDone(long id, InboundUpdate.Status status) {
        InboundUpdate update = em.find(InboundUpdate.class, id);
        update.status = status;
        update.processedAt = Instant.now(clock);
        update.failureReason = null;
        metrics.counter("ruangaman.inbound.processed", "channel", update.channel.name().toLowerCase(),
                "kind", update.kind, "outcome", status.name().toLowerCase()).increment();
    }

    private void fail(long id, RuntimeException error) {
        QuarkusTransaction.requiringNew().run(() -> {
            InboundUpdate update = em.find(InboundUpdate.class, id);
            if (update == null || update.status != InboundUpdate.Status.PENDING) {
                return;
            }
            update.attempts++;
            update.failureReason = error.getClass().getSimpleName();
            if (update.attempts >= config.inboundMaxAttempts()) {
                update.status = InboundUpdate.Status.FAILED;
                update.processedAt = Instant.now(clock);
                LOG.errorf("Inbound update %d (%s %s) FAILED after %d attempts: %s", id, update.channel, update.kind,
                        update.attempts, update.failureReason);
            } else {
                Duration wait = Duration.ofSeconds(1L << Math.min(update.attempts, 8));
                update.nextAttemptAt = Instant.now(clock).plus(wait.compareTo(config.backoffCap()) > 0 ? config.backoffCap() : wait);
                LOG.warnf("Inbound update %d (%s %s) attempt %d failed: %s", id, update.channel, update.kind,
                        update.attempts, update.failureReason);
            }
        });
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
