package id.ruangaman.intake;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import jakarta.inject.Inject;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import id.ruangaman.conversation.SessionState;
import id.ruangaman.conversation.SessionStateJson;

/**
 * Session states parsed once. A step's new state is kept with the JSON it was saved as, so the contact's next step,
 * which reads that same JSON back, takes the state without parsing it again (parsing was about a tenth of a step's
 * CPU). A state saved anywhere else meanwhile (another instance, the idle job, a rolled-back step) has other JSON and is
 * parsed. {@link SessionState} is immutable and comes out of a JSON round trip equal to itself (the golden
 * conversations check it at every step), so the kept state is the one parsing would give. Holds the states of the
 * {@value #LIMIT} contacts used last, each for at most {@link #KEPT_FOR}: what a person told the bot is held
 * decrypted in memory no longer than a conversation under load needs it. An erased person's state is dropped at once,
 * on every replica: on this one by {@link #onErased}, on the others when {@link ErasureListener} hears the erasure's
 * notification. While that listener cannot hear (not yet connected, or its connection lost), nothing is kept, and what
 * was kept is dropped, so a notification missed meanwhile leaves nothing behind.
 */
@ApplicationScoped
class SessionStates {

    /** Contacts whose last state is kept: several times the contacts the inbound workers hold at a time. */
    static final int LIMIT = 256;

    /** How long a state is kept after it was saved or parsed: a person's next step under load comes sooner. */
    static final Duration KEPT_FOR = Duration.ofMinutes(2);

    private record Kept(String json, SessionState state, long keptAtNanos) {
    }

    private final LongSupplier nanoTime;

    /** Whether states are kept: only while erasures elsewhere can be heard ({@link #hearing}). */
    private boolean hearing;

    private final Map<Long, Kept> kept = new LinkedHashMap<>(LIMIT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Kept> eldest) {
            return size() > LIMIT;
        }
    };

    /** The service's: keeps nothing until {@link ErasureListener} hears other replicas' erasures. */
    @Inject
    SessionStates() {
        this(System::nanoTime, false);
    }

    /** Keeps states from the start (tests, and a host with no other replica). */
    SessionStates(LongSupplier nanoTime) {
        this(nanoTime, true);
    }

    private SessionStates(LongSupplier nanoTime, boolean hearing) {
        this.nanoTime = nanoTime;
        this.hearing = hearing;
    }

    /** The state saved as {@code json} for this contact. */
    SessionState read(long contactId, String json) {
        synchronized (kept) {
            Kept last = kept.get(contactId);
            if (last != null && last.json().equals(json) && !expired(last, nanoTime.getAsLong())) {
                return last.state();
            }
        }
        SessionState state = SessionStateJson.read(json);
        keep(contactId, json, state);
        return state;
    }

    /** The JSON to save this contact's new state as; the state is kept for the contact's next step. */
    String write(long contactId, SessionState state) {
        String json = SessionStateJson.write(state);
        keep(contactId, json, state);
        return json;
    }

    void onErased(@Observes ReporterErased erased) {
        forget(erased.contactId());
    }

    /** Drops this contact's state: it was erased, here or on another replica. */
    void forget(long contactId) {
        synchronized (kept) {
            kept.remove(contactId);
        }
    }

    /**
     * Drops every kept state, and keeps states from now on only if {@code on}: the erasure listener says whether it
     * can hear other replicas' erasures (on when it starts listening, so whatever was erased before is gone too; off
     * when it lost its connection).
     */
    void hearing(boolean on) {
        synchronized (kept) {
            hearing = on;
            kept.clear();
        }
    }

    /** Whether a state is kept for this contact now (for tests). */
    boolean holds(long contactId) {
        synchronized (kept) {
            return kept.containsKey(contactId);
        }
    }

    /** How many states are kept now (for tests). */
    int size() {
        synchronized (kept) {
            return kept.size();
        }
    }

    private void keep(long contactId, String json, SessionState state) {
        long now = nanoTime.getAsLong();
        synchronized (kept) {
            if (!hearing) {
                return;
            }
            kept.put(contactId, new Kept(json, state, now));
            // Least recently used first: drop the expired ones from that end.
            for (Iterator<Kept> eldest = kept.values().iterator(); eldest.hasNext(); ) {
                if (!expired(eldest.next(), now)) {
                    break;
                }
                eldest.remove();
            }
        }
    }

    private static boolean expired(Kept kept, long now) {
        return now - kept.keptAtNanos() > KEPT_FOR.toNanos();
    }
}
