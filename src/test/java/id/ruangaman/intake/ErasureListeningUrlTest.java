package id.ruangaman.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The listener connects to RUANGAMAN_ERASURE_LISTENER_JDBC_URL when it is set, else to the datasource's URL. */
class ErasureListeningUrlTest {

    private static final String POOL_URL = "jdbc:not-postgresql://pgbouncer:6432/ruangaman";
    private static final String DIRECT_URL = "jdbc:postgresql://127.0.0.1:1/ruangaman";

    private static ErasureListening listening(Optional<String> own) {
        ErasureListenerConfig config = () -> own;
        return new ErasureListening(new SessionStates(), config, POOL_URL, Optional.of("ruangaman"), Optional.empty());
    }

    @Test
    void shouldConnectToItsOwnUrlWhenSet() {
        SQLException refused = assertThrows(SQLException.class, () -> listening(Optional.of(DIRECT_URL)).open());
        // the driver tried 127.0.0.1:1 (nothing listens there), not the pool's URL
        assertTrue(refused.getClass().getName().startsWith("org.postgresql"), refused.toString());
    }

    @Test
    void shouldUseTheDatasourceUrlWhenUnsetOrBlank() {
        for (Optional<String> own : java.util.List.of(Optional.<String>empty(), Optional.of(" "))) {
            SQLException notOurs = assertThrows(SQLException.class, () -> listening(own).open());
            assertEquals("not a PostgreSQL JDBC URL", notOurs.getMessage());
        }
    }
}
