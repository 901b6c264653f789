package id.ruangaman.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import id.ruangaman.conversation.Input;
import id.ruangaman.transcript.ChatMessageRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 16 (drain): a report takes over the conversation that led to it by its number, so submitting it rewrites no
 * transcript line; yet each case's transcript still holds exactly its own lines. One chat sends a report, writes to its
 * thread, starts a second report, abandons nothing: every line of the chat belongs to exactly one of the two cases.
 */
@QuarkusTest
class ConversationFilingTest {

    @Inject
    InboxFixtures fixtures;
    @Inject
    CaseFileRepository cases;
    @Inject
    ChatMessageRepository messages;
    @Inject
    EntityManager em;

    @Test
    void submissionRewritesNoLineAndEachCaseHasExactlyItsOwnLines() {
        String ref1 = fixtures.submittedCase(true);
        long contact = fixtures.contactOf(ref1);
        Set<Long> conversation1 = lineIds(contact);
        // The lines the submitting step did not write itself: a rewrite at submission would have given them that step's
        // transaction id (xmin) and set their intake_id.
        Set<Long> earlier = ids("select id from chat_message where contact_id = ?1 and not (xmin = (select xmin from "
                + "chat_message where contact_id = ?1 and direction = 'IN' order by id desc limit 1))", contact);
        assertTrue(earlier.size() > 10, "the conversation's earlier lines were left as written, not rewritten: " + earlier.size());
        assertTrue(unfiledLineIds(contact).containsAll(earlier), "and stay unfiled (the report took them over by number)");

        fixtures.survivorSends(ref1, new Input.Text("Pesan untuk laporan pertama"));
        String ref2 = fixtures.anotherReport(ref1);

        Set<Long> case1 = transcript(ref1);
        Set<Long> case2 = transcript(ref2);
        assertTrue(case1.containsAll(conversation1), "case 1 shows the conversation that led to it");
        assertTrue(case1.size() > conversation1.size(), "and its thread message");
        Set<Long> both = new HashSet<>(case1);
        both.retainAll(case2);
        assertEquals(Set.of(), both, "no line is in both cases");
        Set<Long> union = new HashSet<>(case1);
        union.addAll(case2);
        assertEquals(lineIds(contact), union, "every line of the chat is in one of its cases");
        assertTrue(case2.size() > 10, "case 2 shows its own conversation");
    }

    private Set<Long> transcript(String ref) {
        return QuarkusTransaction.requiringNew().call(() -> {
            CaseFile file = cases.find("referenceCode", ref).singleResult();
            return new HashSet<>(messages.transcriptOfCase(file.id, file.contactId, file.conversation).stream()
                    .map(m -> m.id).toList());
        });
    }

    private Set<Long> lineIds(long contact) {
        return ids("select id from chat_message where contact_id = ?1", contact);
    }

    private Set<Long> unfiledLineIds(long contact) {
        return ids("select id from chat_message where contact_id = ?1 and intake_id is null", contact);
    }

    private Set<Long> ids(String sql, long contact) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Number> rows = em.createNativeQuery(sql).setParameter(1, contact).getResultList();
            Set<Long> ids = new HashSet<>();
            rows.forEach(row -> ids.add(row.longValue()));
            return ids;
        });
    }
}
