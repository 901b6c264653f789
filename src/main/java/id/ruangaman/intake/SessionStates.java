package id.ruangaman.intake;

import java.util.LinkedHashMap;
import java.util.Map;

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
 * {@value #LIMIT} contacts used last; an erased person's state is dropped at once.
 */
@ApplicationScoped
class SessionStates {

    /** Contacts whose last state is kept: several times the contacts the inbound workers hold at a time. */
    static final int LIMIT = 256;

    private record Kept(String json, SessionState state) {
    }

    private final Map<Long, Kept> kept = new LinkedHashMap<>(LIMIT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Kept> eldest) {
            return size() > LIMIT;
        }
    };

    /** The state saved as {@code json} for this contact. */
    SessionState read(long contactId, String json) {
        synchronized (kept) {
            Kept last = kept.get(contactId);
            if (last != null && last.json().equals(json)) {
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

    private void keep(long contactId, String json, SessionState state) {
        synchronized (kept) {
            kept.put(contactId, new Kept(json, state));
        }
    }
}
