package id.ruangaman.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.conversation.SessionState;
import id.ruangaman.conversation.SessionStateJson;
import id.ruangaman.testing.Eventually;
import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.transcript.MediaRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A second replica beside the service, on the same database: its own {@link SessionStates} and {@link ErasureListener}
 * (what another JVM would run). A person the service erases is dropped from that replica's memory, not only from the
 * service's own; an erasure rolled back drops nothing; and a replica whose listener lost its connection keeps nothing
 * until it listens again, so a notification it missed meanwhile leaves nothing behind.
 */
@QuarkusTest
class ErasureAcrossReplicasTest {

    private static final String SAVED = "{\"flowId\":\"intake\",\"revision\":\"sha256:abc\",\"nodeId\":\"consent\"}";
    private static final String OTHER_REPLICA = "ruangaman-test-other-replica";
    private static final Duration SOON = Duration.ofSeconds(60);

    @Inject
    ContactRepository contacts;
    @Inject
    ConversationService conversations;
    @Inject
    MediaRepository media;
    @Inject
    ReporterErasure erasure;
    @Inject
    ErasureListening listening;
    @Inject
    SessionStates here;
    @Inject
    DataSource dataSource;

    private final SessionStates other = new SessionStates(System::nanoTime);
    private ErasureListener listener;

    private void startOtherReplica(Duration retry) {
        listener = new ErasureListener(() -> {
            Connection connection = listening.open();
            connection.setClientInfo("ApplicationName", OTHER_REPLICA);
            return connection;
        }, other, Duration.ofMillis(200), retry);
        Thread thread = new Thread(listener, "other-replica-erasure-listener");
        thread.setDaemon(true);
        thread.start();
        Eventually.await("the other replica listens", SOON, listener::listening);
    }

    @AfterEach
    void stopOtherReplica() {
        if (listener != null) {
            listener.stop();
        }
    }

    private long person() {
        return new DevConversation(contacts, conversations, media).button("language:id").contactId;
    }

    private void keepOnOtherReplica(long contactId) {
        SessionState state = SessionStateJson.read(SAVED);
        other.write(contactId, state);
        assertTrue(other.holds(contactId));
    }

    @Test
    void shouldDropAPersonErasedOnAnotherReplicaFromThisReplicasMemory() {
        startOtherReplica(Duration.ofMillis(100));
        long erased = person();
        long untouched = person();
        keepOnOtherReplica(erased);
        keepOnOtherReplica(untouched);

        QuarkusTransaction.requiringNew().run(() -> erasure.eraseOnRequest(erased));

        Eventually.await("the other replica drops the erased person's state", SOON, () -> !other.holds(erased));
        assertTrue(other.holds(untouched), "only the erased person's state is dropped");
        assertFalse(here.holds(erased), "the erasing replica dropped it too");
    }

    @Test
    void shouldDropAPersonWhoErasedThemselvesWithHapusOnAnotherReplica() {
        startOtherReplica(Duration.ofMillis(100));
        DevConversation person = new DevConversation(contacts, conversations, media).button("language:id");
        long untouched = person();
        keepOnOtherReplica(person.contactId);
        keepOnOtherReplica(untouched);

        person.text("/hapus").text("ya");

        Eventually.await("the other replica drops the state of the person who typed /hapus", SOON,
                () -> !other.holds(person.contactId));
        assertTrue(other.holds(untouched), "only the erased person's state is dropped");
    }

    @Test
    void shouldKeepAStateWhenTheErasureIsRolledBack() {
        startOtherReplica(Duration.ofMillis(100));
        long notErased = person();
        long erasedAfter = person();
        keepOnOtherReplica(notErased);
        keepOnOtherReplica(erasedAfter);

        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            erasure.eraseOnRequest(notErased);
            QuarkusTransaction.setRollbackOnly();
        }), "the erasing transaction is rolled back");
        QuarkusTransaction.requiringNew().run(() -> erasure.eraseOnRequest(erasedAfter));

        // notifications arrive in commit order: once the later erasure is heard, a rolled-back one would have been
        Eventually.await("the committed erasure is heard", SOON, () -> !other.holds(erasedAfter));
        assertTrue(other.holds(notErased), "an erasure rolled back drops nothing");
    }

    @Test
    void shouldKeepNothingWhileTheListenerIsDisconnectedAndHearErasuresAgainAfter() throws Exception {
        startOtherReplica(Duration.ofSeconds(3));
        long keptBefore = person();
        long meanwhile = person();
        keepOnOtherReplica(keptBefore);

        try (Connection connection = dataSource.getConnection(); PreparedStatement kill = connection.prepareStatement(
                "select pg_terminate_backend(pid) from pg_stat_activity where application_name = ?")) {
            kill.setString(1, OTHER_REPLICA);
            kill.execute();
        }
        Eventually.await("the other replica notices its lost connection", SOON, () -> !listener.listening());
        assertEquals(0, other.size(), "what was kept is dropped when erasures can no longer be heard");
        other.write(meanwhile, SessionStateJson.read(SAVED));
        assertFalse(other.holds(meanwhile), "nothing is kept while erasures cannot be heard");

        Eventually.await("the other replica listens again", SOON, listener::listening);
        long erased = person();
        keepOnOtherReplica(erased);
        QuarkusTransaction.requiringNew().run(() -> erasure.eraseOnRequest(erased));
        Eventually.await("an erasure after the reconnection is heard", SOON, () -> !other.holds(erased));
    }

    @Test
    void shouldListenOnTheServiceFromStartUp() {
        Eventually.await("the service's own listener listens", SOON, listening::listening);
        long kept = person();
        assertTrue(here.holds(kept), "the service keeps states while it hears erasures");
    }
}
