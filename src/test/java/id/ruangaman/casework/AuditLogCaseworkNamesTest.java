package id.ruangaman.casework;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import id.ruangaman.audit.AuditAction;
import id.ruangaman.audit.AuditLog;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Inbox fixes, finding 3: the audit log shows a case's parties and interviews by what they are (the party's role and
 * when it was added; the interviewee's role and when the interview was held), in the reader's language, and a thing
 * that is gone since (erased) as gone: never "#12". The rows are those the SOP page's forms write; the parties are
 * synthetic and have no names (as after an erasure), so no name could show.
 */
@QuarkusTest
class AuditLogCaseworkNamesTest {

    private static final Pattern WIB = Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d WIB");

    @Inject
    InboxFixtures fixtures;
    @Inject
    AuditLog audit;
    @Inject
    EntityManager em;

    @Test
    void shouldNamePartiesAndInterviewsByRoleAndDateAndAGoneThingAsGone() {
        fixtures.account("names-coordinator", Role.COORDINATOR);
        String session = InboxFixtures.login("names-coordinator");
        String ref = fixtures.submittedCase(true);
        long[] ids = QuarkusTransaction.requiringNew().call(() -> {
            long intake = ((Number) em.createNativeQuery("select id from intake where reference_code = ?1").setParameter(1, ref)
                    .getSingleResult()).longValue();
            long party = ((Number) em.createNativeQuery("insert into case_party (intake_id, role, campus_status, created_by, created_at) "
                    + "values (?1, 'terlapor', 'student', 'names-coordinator', now()) returning id").setParameter(1, intake)
                    .getSingleResult()).longValue();
            long interview = ((Number) em.createNativeQuery("insert into case_interview (intake_id, party_id, held_at, channel, "
                    + "created_by, created_at) values (?1, ?2, now(), 'in_person', 'names-coordinator', now()) returning id")
                    .setParameter(1, intake).setParameter(2, party).getSingleResult()).longValue();
            long gone = ((Number) em.createNativeQuery("select coalesce(max(id), 0) + 1000 from chat_message").getSingleResult()).longValue();
            return new long[] { intake, party, interview, gone };
        });
        QuarkusTransaction.requiringNew().run(() -> {
            audit.record("names-coordinator", AuditAction.PARTY, ids[0], "add role:terlapor");
            audit.record("names-coordinator", AuditAction.INTERVIEW, ids[0], "add party:" + ids[1]);
            audit.record("names-coordinator", AuditAction.INTERVIEW, ids[0], "minutes interview:" + ids[2] + " consent");
            audit.record("names-coordinator", AuditAction.ATTACHMENT_VIEW, ids[0], "interview:" + ids[2]);
            audit.record("names-coordinator", AuditAction.REPLY, ids[0], "message:" + ids[3]);
        });

        String id = InboxFixtures.getAs(session).cookie("ruangaman-lang", "id").when().get("/inbox/audit?ref=" + ref).then()
                .statusCode(200).extract().asString();
        assertTrue(Pattern.compile("Pihak Terlapor, " + WIB.pattern()).matcher(id).find(), id);
        assertTrue(Pattern.compile("Berita acara · Pemeriksaan Terlapor, " + WIB.pattern()).matcher(id).find(), id);
        assertTrue(Pattern.compile("<td>Pemeriksaan Terlapor, " + WIB.pattern()).matcher(id).find(), id);
        assertTrue(id.contains("Pesan (sudah dihapus)"), id);

        String en = InboxFixtures.getAs(session).cookie("ruangaman-lang", "en").when().get("/inbox/audit?ref=" + ref).then()
                .statusCode(200).extract().asString();
        assertTrue(Pattern.compile("Party Reported party, " + WIB.pattern()).matcher(en).find(), en);
        assertTrue(Pattern.compile("Interview Reported party, " + WIB.pattern()).matcher(en).find(), en);
        assertTrue(en.contains("Message (deleted)"), en);

        for (String page : new String[] { id, en }) {
            assertFalse(Pattern.compile("(Pihak|Pemeriksaan|Pesan|Party|Interview|Message) #\\d").matcher(page).find(), "an id as a name: " + page);
        }
    }
}
