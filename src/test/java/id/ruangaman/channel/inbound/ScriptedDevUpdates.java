package id.ruangaman.channel.inbound;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import id.ruangaman.conversation.Input;
import id.ruangaman.intake.ConversationService;
import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.ContactRepository;

/**
 * A handler for stored updates of the dev channel (which has no webhook, so only {@link InboundQueueTest} stores
 * any): the payload is plain text; one starting with "fail" throws in the processing transaction, anything else is
 * DONE. "say ID TEXT" is a real conversation step of the dev contact ID (it is the update's sender: the round reads
 * it up front); "say ID flaky ..." writes its step, then throws, on its first two attempts. Every attempt is recorded
 * in order, with its transaction. An update of the kind {@value #NO_FILE} fetches no file, so it can join a round
 * behind its contact's first step; any other counts as one that may. One starting with "deadlock" meets a real deadlock
 * on its first attempt: its transaction and another one take two advisory locks in opposite order, and PostgreSQL
 * rolls back the step's transaction (SQLSTATE 40P01); later attempts are DONE. One starting with "slow" takes 1.5 s.
 */
@ApplicationScoped
public class ScriptedDevUpdates implements InboundHandler {

    /** The kind of a stored update that fetches no file. */
    static final String NO_FILE = "no_file";

    record Text(long updateId, String text) implements Prepared {
    }

    record Say(long updateId, String contact, String text) implements Prepared {
    }

    /** One attempt: the payload's text, and the key of the transaction it ran in. */
    record Attempt(String text, Object transaction) {
    }

    private final List<Attempt> attempts = new ArrayList<>();
    private final Map<Long, Integer> failures = new HashMap<>();
    private final ContactRepository contacts;
    private final ConversationService conversations;
    @Inject
    EntityManager em;
    @Inject
    DataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;

    ScriptedDevUpdates(ContactRepository contacts, ConversationService conversations, TransactionSynchronizationRegistry transactions) {
        this.contacts = contacts;
        this.conversations = conversations;
        this.transactions = transactions;
    }

    @Override
    public Channel channel() {
        return Channel.DEV;
    }

    @Override
    public Prepared prepare(InboundUpdate update, byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8);
        if (text.startsWith("say ")) {
            String[] parts = text.split(" ", 3);
            return new Say(update.id, parts[1], parts[2]);
        }
        return new Text(update.id, text);
    }

    /** Updates stored with the kind {@value #NO_FILE} fetch no file (they may join a round after its first step); the rest may. */
    @Override
    public boolean mayFetchFile(InboundUpdate update) {
        return !NO_FILE.equals(update.kind);
    }

    @Override
    public boolean stepsSender(Prepared prepared) {
        return prepared instanceof Say;
    }

    @Override
    public InboundUpdate.Status apply(Prepared prepared) {
        if (prepared instanceof Say say) {
            record(say.text());
            conversations.receive(contacts.findOrCreateLocked(Channel.DEV, say.contact()).id, new Input.Text(say.text()), null);
            synchronized (attempts) {
                if (say.text().startsWith("flaky") && failures.merge(say.updateId(), 1, Integer::sum) <= 2) {
                    throw new IllegalStateException("scripted failure after the step's writes");
                }
            }
            return InboundUpdate.Status.DONE;
        }
        Text text = (Text) prepared;
        record(text.text());
        boolean first;
        synchronized (attempts) {
            first = failures.merge(text.updateId(), 1, Integer::sum) == 1;
        }
        if (text.text().startsWith("deadlock") && first) {
            deadlock();
        }
        if (text.text().startsWith("slow")) {
            try {
                Thread.sleep(1500); // a step still running when the service is told to stop
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted mid-step");
            }
        }
        if (text.text().startsWith("fail")) {
            throw new IllegalStateException("scripted failure");
        }
        return InboundUpdate.Status.DONE;
    }

    /**
     * In the step's transaction: takes lock A, then waits for lock B, which another transaction holds while it waits for
     * A. The step's transaction waits first, so its deadlock check (after deadlock_timeout, 1 s) finds the cycle first,
     * and PostgreSQL rolls it back; the other transaction then gets A and commits.
     */
    private void deadlock() {
        long a = ThreadLocalRandom.current().nextLong();
        long b = a + 1;
        CountDownLatch holdsB = new CountDownLatch(1);
        CountDownLatch holdsA = new CountDownLatch(1);
        Thread other = new Thread(() -> {
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                connection.setAutoCommit(false);
                sql.execute("select pg_advisory_xact_lock(" + b + ")");
                holdsB.countDown();
                holdsA.await(10, TimeUnit.SECONDS);
                Thread.sleep(300); // the step waits for B first
                sql.execute("select pg_advisory_xact_lock(" + a + ")");
                connection.commit();
            } catch (Exception e) {
                holdsB.countDown();
            }
        }, "scripted-deadlock");
        other.start();
        try {
            holdsB.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, a).getSingleResult();
        holdsA.countDown();
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, b).getSingleResult();
    }

    private void record(String text) {
        synchronized (attempts) {
            attempts.add(new Attempt(text, transactions.getTransactionKey()));
        }
    }

    /** The texts applied so far (failed attempts included), in order. */
    List<String> attempts() {
        return attemptsWithTransactions().stream().map(Attempt::text).toList();
    }

    /** The attempts so far, in order, with the transaction of each. */
    List<Attempt> attemptsWithTransactions() {
        synchronized (attempts) {
            return new ArrayList<>(attempts);
        }
    }
}
