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
 * decrypted in memory no longer than a conversation under load needs it. An erased person's state is dropped at once.
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

    private final Map<Long, Kept> kept = new LinkedHashMap<>(LIMIT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Kept> eldest) {
            return size() > LIMIT;
        }
    };

    @Inject
    SessionStates() {
        this(System::nanoTime);
    }

    SessionStates(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
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
        synchronized (kept) {
            kept.remove(erased.contactId());
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
