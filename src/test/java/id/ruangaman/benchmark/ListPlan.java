package id.ruangaman.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import id.ruangaman.inbox.CaseFilter;
import id.ruangaman.inbox.CaseListQuery;

/** EXPLAIN (ANALYZE, BUFFERS) of exactly the statement the service runs for one case-list page. */
final class ListPlan {

    private static final Pattern NAMED = Pattern.compile("(?<!:):([A-Za-z_][A-Za-z0-9_]*)");

    private ListPlan() {
    }

    static String explain(DataSource database, CaseFilter filter, Long viewerId, boolean seesAll, int pageSize) throws SQLException {
        CaseListQuery.Statement statement = CaseListQuery.statement(filter, viewerId, seesAll, Instant.now(), pageSize);
        List<Object> values = new ArrayList<>();
        Matcher m = NAMED.matcher(statement.sql());
        StringBuilder sql = new StringBuilder("explain (analyze, buffers) ");
        while (m.find()) {
            Object value = statement.params().get(m.group(1));
            if (!statement.params().containsKey(m.group(1))) {
                throw new IllegalStateException("no value for parameter " + m.group(1));
            }
            values.add(value);
            m.appendReplacement(sql, "?");
        }
        m.appendTail(sql);
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                s.setObject(i + 1, value instanceof Instant instant ? Timestamp.from(instant) : value);
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    plan.append(r.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }

    static long accountId(DataSource database, String username) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement("select id from account where username = ?")) {
            s.setString(1, username);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("no account " + username);
                }
                return r.getLong(1);
            }
        }
    }
}
