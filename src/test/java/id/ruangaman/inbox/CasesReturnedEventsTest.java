package id.ruangaman.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import id.ruangaman.security.Account;
import id.ruangaman.security.AccountService;
import id.ruangaman.security.Role;
import id.ruangaman.testing.StatementCounter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A deactivation that returns a counsellor's open cases to the queue tells open lists about each of them (a case event,
 * assignee none, in case order) with one insert, however many cases there were: one statement per case before.
 * Synthetic account and cases.
 */
@QuarkusTest
class CasesReturnedEventsTest {

    @Inject
    InboxFixtures fixtures;
    @Inject
    AccountService accounts;
    @Inject
    EntityManager em;

    @Test
    void shouldRecordEveryReturnedCasesEventInOneInsert() {
        Account counsellor = fixtures.account("returned-" + UUID.randomUUID().toString().substring(0, 8), Role.COUNSELLOR);
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String ref = fixtures.submittedCase(true);
            refs.add(ref);
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update intake set assignee_id = ?1 where reference_code = ?2")
                    .setParameter(1, counsellor.id).setParameter(2, ref).executeUpdate());
        }
        long before = fixtures.lastInboxEvent();

        List<String> inserts;
        try (StatementCounter.Recording recording = StatementCounter.record()) {
            assertEquals(4, accounts.setActive("returned-events-coordinator", counsellor.id, false).returnedCases());
            inserts = recording.statements().stream().filter(sql -> sql.contains("insert into inbox_event")).toList();
        }

        assertEquals(1, inserts.size(), "one insert for the returned cases' events: " + inserts);
        @SuppressWarnings("unchecked")
        List<Object[]> events = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select i.reference_code, "
                + "e.type, e.assignee_id from inbox_event e join intake i on i.id = e.intake_id where e.id > ?1 "
                + "and i.reference_code in (?2) order by e.id").setParameter(1, before).setParameter(2, refs).getResultList());
        assertEquals(refs, events.stream().map(e -> (String) e[0]).toList(), "one event for each case, in case order");
        for (Object[] event : events) {
            assertEquals("case", event[1]);
            assertEquals(null, event[2], "returned to nobody");
        }
    }
}
