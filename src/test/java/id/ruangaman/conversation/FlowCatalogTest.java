package id.ruangaman.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FlowCatalogTest {

    @Test
    void shouldMakeTheNewestRevisionCurrentAndKeepOlderOnes() throws IOException {
        Flow v1 = FlowLoaderTest.load(FlowLoaderTest.TINY_V1);
        Flow v2 = FlowLoaderTest.load(FlowLoaderTest.TINY_V2);
        FlowCatalog catalog = new FlowCatalog();
        catalog.add(v1);
        catalog.add(v2);
        assertSame(v2, catalog.current("tiny"));
        assertEquals(Optional.of(v1), catalog.revision("tiny", v1.revision()));
        assertEquals(Optional.empty(), catalog.revision("tiny", "sha256:unknown"));
    }

    @Test
    void shouldReadAStoredRevisionOnlyWhenFirstAskedAndOnlyOnce() throws IOException {
        Flow v1 = FlowLoaderTest.load(FlowLoaderTest.TINY_V1);
        Flow v2 = FlowLoaderTest.load(FlowLoaderTest.TINY_V2);
        FlowCatalog catalog = new FlowCatalog();
        catalog.add(v2);
        AtomicInteger reads = new AtomicInteger();
        catalog.addStored("tiny", v1.revision(), () -> {
            reads.incrementAndGet();
            return Optional.of(v1);
        });
        assertEquals(0, reads.get(), "registering must not read the revision");
        assertSame(v2, catalog.current("tiny"), "a stored revision never becomes current");
        assertEquals(Optional.of(v1), catalog.revision("tiny", v1.revision()));
        assertEquals(Optional.of(v1), catalog.revision("tiny", v1.revision()));
        assertEquals(1, reads.get());
        assertSame(v2, catalog.current("tiny"));
    }

    @Test
    void shouldKeepTheEmptyAnswerOfARevisionThatNoLongerLoads() {
        FlowCatalog catalog = new FlowCatalog();
        AtomicInteger reads = new AtomicInteger();
        catalog.addStored("tiny", "sha256:old", () -> {
            reads.incrementAndGet();
            return Optional.empty();
        });
        assertEquals(Optional.empty(), catalog.revision("tiny", "sha256:old"));
        assertEquals(Optional.empty(), catalog.revision("tiny", "sha256:old"));
        assertEquals(1, reads.get(), "a revision that does not load is not read again at every message");
        assertThrows(IllegalArgumentException.class, () -> catalog.current("tiny"), "a stored revision is not a current flow");
    }

    @Test
    void shouldLetTheReadRevisionWinOverTheSameOneStoredUnread() throws IOException {
        Flow v1 = FlowLoaderTest.load(FlowLoaderTest.TINY_V1);
        FlowCatalog catalog = new FlowCatalog();
        catalog.add(v1);
        catalog.addStored("tiny", v1.revision(), () -> {
            throw new AssertionError("a revision already read must not be replaced by an unread one");
        });
        assertSame(v1, catalog.revision("tiny", v1.revision()).orElseThrow());
    }

    @Test
    void shouldReadOnceWhenSeveralSessionsAskAtTheSameTime() throws Exception {
        Flow v1 = FlowLoaderTest.load(FlowLoaderTest.TINY_V1);
        FlowCatalog catalog = new FlowCatalog();
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        catalog.addStored("tiny", v1.revision(), () -> {
            reads.incrementAndGet();
            reading.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.of(v1);
        });
        List<Optional<Flow>> answers = Collections.synchronizedList(new ArrayList<>());
        List<Thread> sessions = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread session = new Thread(() -> answers.add(catalog.revision("tiny", v1.revision())));
            sessions.add(session);
            session.start();
        }
        assertTrue(reading.await(10, TimeUnit.SECONDS));
        release.countDown();
        for (Thread session : sessions) {
            session.join(10_000);
        }
        assertEquals(1, reads.get());
        assertEquals(List.of(Optional.of(v1), Optional.of(v1), Optional.of(v1), Optional.of(v1)), answers);
    }

    @Test
    void shouldRefuseAnUnknownFlow() {
        assertThrows(IllegalArgumentException.class, () -> new FlowCatalog().current("nope"));
    }
}
