package id.ruangaman.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.resource.jdbc.spi.StatementInspector;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;

/**
 * Counts the SQL statements Hibernate prepares on one thread while a {@link Recording} is open (tests only). A JDBC
 * batch is prepared once however many rows it carries (one round trip with the driver's rewritten inserts), so the
 * count is the round trips Hibernate makes. Statements run on a raw connection ({@code Session.doWork}) are not seen.
 * Other threads (senders, jobs) are never counted.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class StatementCounter implements StatementInspector {

    private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

    @Override
    public String inspect(String sql) {
        List<String> recording = RECORDING.get();
        if (recording != null) {
            recording.add(sql);
        }
        return sql;
    }

    /** Starts counting this thread's statements. */
    public static Recording record() {
        List<String> statements = new ArrayList<>();
        RECORDING.set(statements);
        return new Recording(statements);
    }

    /** The statements of one thread since {@link #record()}; closing it stops counting. */
    public static final class Recording implements AutoCloseable {

        private final List<String> statements;

        private Recording(List<String> statements) {
            this.statements = statements;
        }

        public int count() {
            return statements.size();
        }

        public List<String> statements() {
            return List.copyOf(statements);
        }

        /** How often each statement ran (its text shortened), for a failure message. */
        public String summary() {
            Map<String, Integer> counts = new TreeMap<>();
            statements.forEach(sql -> {
                String flat = sql.replaceAll("\\s+", " ");
                counts.merge(flat.substring(0, Math.min(flat.length(), 140)), 1, Integer::sum);
            });
            StringBuilder out = new StringBuilder();
            counts.forEach((sql, n) -> out.append(String.format("%n%5d  %s", n, sql)));
            return out.toString();
        }

        @Override
        public void close() {
            RECORDING.remove();
        }
    }
}
