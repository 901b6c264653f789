package id.ruangaman.transcript;

import java.util.Iterator;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Interceptor;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;

/**
 * Writes a round's kept transcript lines ({@link RoundLines}) before every flush of the session, the automatic one
 * before a query included: a query in the round finds its lines as it found Hibernate's own inserts, and the commit
 * writes any line the round's end did not.
 */
@PersistenceUnitExtension
@ApplicationScoped
class RoundLinesFlush implements Interceptor {

    private final RoundLines lines;

    RoundLinesFlush(RoundLines lines) {
        this.lines = lines;
    }

    @Override
    public void preFlush(Iterator<Object> entities) {
        lines.write();
    }
}
