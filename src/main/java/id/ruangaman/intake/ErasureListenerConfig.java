package id.ruangaman.intake;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * Where each replica's erasure listener connects ({@link ErasureListening}). Override with RUANGAMAN_ERASURE_LISTENER_*.
 *
 * <p>The listener holds a {@code LISTEN} on one connection for as long as the replica runs, so it needs a session of its
 * own on PostgreSQL. A pooler in transaction mode (PgBouncer's {@code pool_mode = transaction}) cannot give it one:
 * PgBouncer's documentation lists {@code LISTEN} among the features transaction pooling does not support, and the
 * listener would look connected while hearing nothing.
 */
@ConfigMapping(prefix = "ruangaman.erasure-listener")
public interface ErasureListenerConfig {

    /**
     * JDBC URL of PostgreSQL itself (or of a pooler in session mode) for the listener's own connection, with the
     * datasource's user and password. Empty: the datasource's URL ({@code quarkus.datasource.jdbc.url}), which is right
     * unless that URL points at a pooler in transaction mode.
     */
    Optional<String> jdbcUrl();
}
