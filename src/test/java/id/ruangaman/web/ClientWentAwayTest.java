package id.ruangaman.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;

import jakarta.ws.rs.ProcessingException;

import org.junit.jupiter.api.Test;

import io.vertx.core.VertxException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.StreamResetException;

/**
 * What a client that went away raises in Quarkus REST and Vert.x is told from a fault of the service: the first is
 * logged at DEBUG without a stack trace, the second at ERROR with a reference. Exceptions built as the libraries
 * build them (messages as Vert.x and Netty write them).
 */
class ClientWentAwayTest {

    @Test
    void shouldTellEveryWayAClientGoesAway() {
        assertTrue(ErrorPages.clientWentAway(new ClosedChannelException()));
        assertTrue(ErrorPages.clientWentAway(new HttpClosedException("Connection was closed")), "a form post the browser cancelled");
        assertTrue(ErrorPages.clientWentAway(new VertxException("Connection was closed", true)), "Vert.x's CLOSED_EXCEPTION");
        assertTrue(ErrorPages.clientWentAway(new StreamResetException(8)), "an HTTP/2 stream the browser reset");
        assertTrue(ErrorPages.clientWentAway(new IOException(new HttpClosedException("Connection was closed"))),
                "the blocking body reader's wrapping");
        assertTrue(ErrorPages.clientWentAway(new IOException("recvAddress(..) failed: Connection reset by peer")));
        assertTrue(ErrorPages.clientWentAway(new SocketException("Broken pipe")));
        assertTrue(ErrorPages.clientWentAway(new ProcessingException(new UncheckedIOException(new IOException("Connection reset by peer")))));
    }

    @Test
    void shouldNotTakeTheServicesOwnFaultsForAClientThatWentAway() {
        assertFalse(ErrorPages.clientWentAway(new IllegalStateException("boom")));
        assertFalse(ErrorPages.clientWentAway(new IOException("Request too large")));
        assertFalse(ErrorPages.clientWentAway(new VertxException("Connection refused")));
        assertFalse(ErrorPages.clientWentAway(new RuntimeException(new SQLException("I/O error", new SocketException("Connection reset")))),
                "the database's connection reset is the service's problem");
    }
}
