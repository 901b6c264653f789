package id.ruangaman.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Optional;
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
    void shouldRefuseAnUnknownFlow() {
        assertThrows(IllegalArgumentException.class, () -> new FlowCatalog().current("nope"));
    }
}
