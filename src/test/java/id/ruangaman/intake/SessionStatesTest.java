package id.ruangaman.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import id.ruangaman.conversation.SessionState;
import id.ruangaman.conversation.SessionStateJson;

/** Session states kept between a contact's steps: only while the saved JSON matches, and not for long. */
class SessionStatesTest {

    private static final String SAVED = "{\"flowId\":\"intake\",\"revision\":\"sha256:abc\",\"nodeId\":\"consent\"}";
    private final AtomicLong nanos = new AtomicLong();
    private final SessionStates states = new SessionStates(nanos::get);

    @Test
    void shouldHandBackTheKeptStateForTheJsonItWasSavedAs() {
        SessionState state = SessionStateJson.read(SAVED);
        String json = states.write(1, state);
        assertSame(state, states.read(1, json));
    }

    @Test
    void shouldParseWhenTheDatabaseHoldsOtherJson() {
        String json = states.write(1, SessionStateJson.read(SAVED));
        String elsewhere = json.replace("consent", "anonymity"); // saved by another instance meanwhile
        assertEquals("anonymity", states.read(1, elsewhere).nodeId());
    }

    @Test
    void shouldForgetAStateAfterTwoMinutes() {
        SessionState state = SessionStateJson.read(SAVED);
        String json = states.write(1, state);
        states.write(2, SessionStateJson.read(SAVED));
        nanos.addAndGet(SessionStates.KEPT_FOR.toNanos() + 1);
        assertNotSame(state, states.read(1, json), "an expired state is parsed again, not handed out");
        states.write(3, SessionStateJson.read(SAVED));
        assertEquals(2, states.size(), "contact 2's expired state is dropped when the next one is kept");
    }

    @Test
    void shouldDropAnErasedPersonsStateAtOnce() {
        SessionState state = SessionStateJson.read(SAVED);
        String json = states.write(1, state);
        states.onErased(new ReporterErased(1));
        assertNotSame(state, states.read(1, json));
    }

    @Test
    void shouldKeepNothingWhileErasuresElsewhereCannotBeHeard() {
        states.write(1, SessionStateJson.read(SAVED));
        states.hearing(false);
        assertEquals(0, states.size(), "what was kept is dropped when erasures can no longer be heard");
        String json = states.write(2, SessionStateJson.read(SAVED));
        states.read(2, json);
        assertEquals(0, states.size(), "nothing is kept meanwhile");
        states.hearing(true);
        states.write(3, SessionStateJson.read(SAVED));
        assertEquals(1, states.size(), "kept again once erasures are heard");
    }

    @Test
    void shouldDropEverythingWhenTheListenerStartsHearing() {
        states.write(1, SessionStateJson.read(SAVED));
        states.hearing(true);
        assertEquals(0, states.size(), "an erasure before the listener listened may have been missed");
    }
}
