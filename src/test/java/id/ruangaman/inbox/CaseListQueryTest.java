package id.ruangaman.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Urgency order: immediate danger, then overdue, then by time left; replied cases after; closed cases hidden. */
@QuarkusTest
class CaseListQueryTest {

    @Inject
    CaseListQuery query;
    @Inject
    DataSource dataSource;

    @Test
    void shouldOrderOpenCasesByUrgency() throws Exception {
        Instant now = Instant.now();
        String tag = UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        long contact;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("insert into contact (channel, external_id_hash, external_id) values ('DEV', ?, ?) returning id")) {
                s.setBytes(1, UUID.randomUUID().toString().getBytes());
                s.setBytes(2, new byte[] { 1 });
                var r = s.executeQuery();
                r.next();
                contact = r.getLong(1);
            }
            insert(c, "Q" + tag + "LATER", contact, false, now.plus(Duration.ofHours(60)), null, "new");
            insert(c, "Q" + tag + "SOON", contact, false, now.plus(Duration.ofHours(2)), null, "new");
            insert(c, "Q" + tag + "LATE", contact, false, now.minus(Duration.ofHours(5)), null, "new");
            insert(c, "Q" + tag + "DANGER", contact, true, now.plus(Duration.ofHours(70)), null, "new");
            insert(c, "Q" + tag + "ANSWERED", contact, false, now.minus(Duration.ofHours(30)), now, "in_verification");
            insert(c, "Q" + tag + "CLOSED", contact, true, now.minus(Duration.ofHours(90)), null, "closed");
        }
        CaseFilter filter = CaseFilter.of(null, null, null, null, null, "Q" + tag, null);
        List<String> refs = QuarkusTransaction.requiringNew().call(() -> query.page(filter, null, true, now, 50)).stream()
                .map(CaseRow::referenceCode).map(r -> r.substring(5)).toList();
        assertEquals(List.of("DANGER", "LATE", "SOON", "LATER", "ANSWERED"), refs);

        List<String> overdue = QuarkusTransaction.requiringNew()
                .call(() -> query.page(CaseFilter.of("overdue", null, null, null, null, "Q" + tag, null), null, true, now, 50))
                .stream().map(CaseRow::referenceCode).toList();
        assertEquals(List.of("Q" + tag + "LATE"), overdue);

        List<CaseRow> firstPage = QuarkusTransaction.requiringNew().call(() -> query.page(filter, null, true, now, 2));
        assertEquals(3, firstPage.size(), "a page returns one extra row to tell that a next page exists");
    }

    private static void insert(Connection c, String ref, long contact, boolean danger, Instant due, Instant replied, String status)
            throws Exception {
        try (PreparedStatement s = c.prepareStatement("insert into intake (reference_code, contact_id, channel, flow_id, flow_revision, "
                + "in_danger, status, received_at, first_response_due_at, first_response_at) values (?, ?, 'DEV', 'intake', 'r', ?, ?, ?, ?, ?)")) {
            s.setString(1, ref);
            s.setLong(2, contact);
            s.setBoolean(3, danger);
            s.setString(4, status);
            s.setTimestamp(5, Timestamp.from(due.minus(Duration.ofHours(72))));
            s.setTimestamp(6, Timestamp.from(due));
            s.setTimestamp(7, replied == null ? null : Timestamp.from(replied));
            s.executeUpdate();
        }
    }
}
