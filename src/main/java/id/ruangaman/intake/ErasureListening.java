package id.ruangaman.intake;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Runs this replica's {@link ErasureListener} on a thread of its own from start-up to shutdown, on one connection of
 * its own to the service's database (the pool's credentials, outside the pool, so it never takes a connection a step
 * needs; the pool's JDBC URL unless {@link ErasureListenerConfig#jdbcUrl()} names another, for a pool that goes through
 * a pooler in transaction mode). In {@code pg_stat_activity} it is the session named {@value #APPLICATION_NAME}.
 */
@ApplicationScoped
class ErasureListening {

    static final String APPLICATION_NAME = "ruangaman-erasure-listener";
    /** Without notifications for this long, the connection is checked. */
    static final Duration CHECK_EVERY = Duration.ofSeconds(10);
    /** Pause before reconnecting after the connection failed. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private final SessionStates states;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private ErasureListener listener;
    private Thread thread;

    ErasureListening(SessionStates states, ErasureListenerConfig config,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.states = states;
        this.url = config.jdbcUrl().filter(own -> !own.isBlank()).orElse(url);
        this.username = username;
        this.password = password;
    }

    void onStart(@Observes StartupEvent event) {
        listener = new ErasureListener(this::open, states, CHECK_EVERY, RETRY_AFTER);
        thread = new Thread(listener, "erasure-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        if (listener != null) {
            listener.stop();
            thread.interrupt();
            thread.join(Duration.ofSeconds(5).toMillis());
        }
    }

    /** Whether this replica hears erasures now (tests). */
    boolean listening() {
        return listener != null && listener.listening();
    }

    /** A connection of the listener's own, opened by the driver directly. */
    Connection open() throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(user -> properties.setProperty("user", user));
        password.ifPresent(secret -> properties.setProperty("password", secret));
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("logServerErrorDetail", "false");
        properties.setProperty("tcpKeepAlive", "true");
        Connection connection = new org.postgresql.Driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL JDBC URL");
        }
        return connection;
    }
}
