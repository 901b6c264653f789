package id.ruangaman.database;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The one conversion between an instant and a {@code timestamptz} column where a native query or a JDBC statement
 * reads or writes it by hand. A native query returns such a column as an {@link Instant}, an {@link OffsetDateTime} or
 * a {@link Timestamp} depending on the driver and Hibernate version; a statement takes it as an {@link OffsetDateTime}
 * at UTC. Plain static methods, no state.
 */
public final class DbTimes {

    private DbTimes() {
    }

    /**
     * A {@code timestamptz} value as a native query returns it, as an instant; null for null (SQL null).
     *
     * @throws IllegalStateException for a value of any other type (a column that is not a timestamp)
     */
    public static Instant instant(Object column) {
        if (column == null) {
            return null;
        } else if (column instanceof Instant i) {
            return i;
        } else if (column instanceof OffsetDateTime o) {
            return o.toInstant();
        } else if (column instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected time type " + column.getClass().getSimpleName());
    }

    /** An instant as a JDBC parameter for a {@code timestamptz} column: the same instant at UTC; null for null. */
    public static OffsetDateTime parameter(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
