package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.conversation.Input;
import id.ruangaman.conversation.MediaKind;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.intake.ConversationService;
import id.ruangaman.intake.DevConversation;
import id.ruangaman.security.Role;
import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.transcript.MediaRepository;
import id.ruangaman.transcript.MediaStaging;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An evidence file has one number in a case, "Bukti 1", "Bukti 2" in the order the files came, never the file's internal
 * id: the same on the case page, in its transcript, on the printed intake form and on the printed verified report.
 * Synthetic files only.
 */
@QuarkusTest
class EvidenceNumbersTest {

    @Inject
    InboxFixtures fixtures;
    @Inject
    ContactRepository contacts;
    @Inject
    ConversationService conversations;
    @Inject
    MediaRepository media;
    @Inject
    MediaStaging staging;

    @Test
    void shouldNumberTheEvidenceAlikeOnTheCasePageAndEveryPrint() {
        DevConversation person = new DevConversation(contacts, conversations, media);
        person.upToChronology().text("Cerita sintetis dengan bukti.").button("chronology:done").button("biodata_offer:no")
                .button("reported_offer:no").button("evidence_consent:yes");
        // a file of another person first, so that this case's files' ids are not 1 and 2
        staging.stage(new DevConversation(contacts, conversations, media).contactId, "test:" + UUID.randomUUID(), MediaKind.DOCUMENT,
                "application/pdf", new byte[] { '%', 'P' }, false);
        long photo = send(person, MediaKind.PHOTO, "image/png");
        long document = send(person, MediaKind.DOCUMENT, "application/pdf");
        person.button("evidence:done").button("witnesses:skip").button("services:skip").button("urgent_need:skip")
                .button("contact_offer:no").button("stats_consent:skip").button("summary:confirm");
        String ref = fixtures.referenceOf(person.contactId);
        fixtures.account("evidence-numbers-counsellor", Role.COUNSELLOR);
        String session = InboxFixtures.login("evidence-numbers-counsellor");
        CaseworkSteps steps = new CaseworkSteps(session, ref);
        assertEquals(303, steps.status("in_verification"));
        steps.verify(); // the verified report prints once the report is verified

        String casePage = page(session, "/inbox/cases/" + ref);
        assertTrue(link(casePage, "id=\"evidence-" + photo + "\"").startsWith("Bukti 1 · "), link(casePage, "id=\"evidence-" + photo + "\""));
        assertTrue(link(casePage, "id=\"evidence-" + document + "\"").startsWith("Bukti 2 · "), link(casePage, "id=\"evidence-" + document + "\""));
        for (long file : new long[] { photo, document }) { // apart from the answer's words before it ("... uji Bukti 1", not "ujiBukti 1")
            int at = casePage.indexOf("<a href=\"/inbox/cases/" + ref + "/media/" + file + "\" class=\"evidence-open");
            assertTrue(at > 0 && Character.isWhitespace(casePage.charAt(at - 1)),
                    "a space before the file's link: " + casePage.substring(Math.max(0, at - 80), Math.max(0, at)));
        }
        String transcript = page(session, "/inbox/cases/" + ref + "/transcript");
        assertEquals("Bukti 1", link(transcript, "href=\"/inbox/cases/" + ref + "/media/" + photo + "\""));
        assertEquals("Bukti 2", link(transcript, "href=\"/inbox/cases/" + ref + "/media/" + document + "\""));
        for (String print : new String[] { "/print/intake-form", "/print/verified-report" }) {
            String text = CaseworkPrintTest.visibleText(page(session, "/inbox/cases/" + ref + print));
            assertTrue(text.contains("[Bukti 1] [Bukti 2]"), print + ": " + text);
        }

        // the audit log names an opened file as the case page does, never by its id
        getAs(session).when().get("/inbox/cases/" + ref + "/media/" + document).then().statusCode(200);
        fixtures.account("evidence-numbers-coordinator", Role.COORDINATOR);
        String log = CaseworkPrintTest.visibleText(page(InboxFixtures.login("evidence-numbers-coordinator"), "/inbox/audit?ref=" + ref));
        assertTrue(log.contains("Bukti 2 · Dokumen, "), log);
    }

    @Test
    void shouldNumberAFileNamedInAReferralLetterAsTheCasePageDoes() {
        var letter = new id.ruangaman.referral.ReferralLetter(null, java.util.List.of(), java.util.List.of(), null, false,
                java.util.Map.of(5031L, 3, 5040L, 4));
        assertEquals("3", letter.evidenceNo("5031"), "the case's number, not the answer's own count");
        assertEquals("4", letter.evidenceNo(5040L));
        assertNull(letter.evidenceNo("77"), "a file not kept for the case has no number");
        assertNull(letter.evidenceNo("not-a-number"));
    }

    @Test
    void shouldSayPlainlyThatAFileAnAnswerNamesIsNotKeptWithTheCase() {
        // An answer can name a file the case does not keep: a report whose files were filed under the person's other case
        // when cases got their own files (V20 filed older uploads by time). The pages and prints said "[Bukti ?]"; they now
        // say what it is, and the case page has no link that would only answer 404.
        DevConversation person = new DevConversation(contacts, conversations, media);
        person.upToChronology().text("Cerita sintetis dengan bukti.").button("chronology:done").button("biodata_offer:no")
                .button("reported_offer:no").button("evidence_consent:yes");
        long photo = send(person, MediaKind.PHOTO, "image/png");
        long document = send(person, MediaKind.DOCUMENT, "application/pdf");
        person.button("evidence:done").button("witnesses:skip").button("services:skip").button("urgent_need:skip")
                .button("contact_offer:no").button("stats_consent:skip").button("summary:confirm");
        String ref = fixtures.referenceOf(person.contactId);
        QuarkusTransaction.requiringNew().run(() -> media.getEntityManager().createNativeQuery("update media set intake_id = null where id = ?1")
                .setParameter(1, photo).executeUpdate());
        fixtures.account("evidence-unkept-counsellor", Role.COUNSELLOR);
        String session = InboxFixtures.login("evidence-unkept-counsellor");
        CaseworkSteps steps = new CaseworkSteps(session, ref);
        assertEquals(303, steps.status("in_verification"));
        steps.verify();

        String casePage = page(session, "/inbox/cases/" + ref);
        assertTrue(casePage.contains("<span class=\"evidence-not-kept\" id=\"evidence-" + photo + "\">berkas yang tidak disimpan di kasus ini</span>"),
                casePage);
        assertFalse(casePage.contains("/media/" + photo + "\""), "no link to a file the case does not serve");
        assertTrue(link(casePage, "id=\"evidence-" + document + "\"").startsWith("Bukti 1 · "), "the kept file is the case's first");
        for (String print : new String[] { "/print/intake-form", "/print/verified-report" }) {
            String text = CaseworkPrintTest.visibleText(page(session, "/inbox/cases/" + ref + print));
            assertTrue(text.contains("[berkas yang tidak disimpan di kasus ini] [Bukti 1]"), print + ": " + text);
            assertFalse(text.contains("Bukti ?"), print + ": " + text);
        }
    }

    private long send(DevConversation person, MediaKind kind, String mimeType) {
        long id = staging.stage(person.contactId, "test:" + UUID.randomUUID(), kind, mimeType, new byte[] { 1, 2, 3 }, false);
        conversations.receive(person.contactId, new Input.Media(String.valueOf(id), kind, null), null);
        return id;
    }

    private static String page(String session, String path) {
        return getAs(session).cookie("ruangaman-lang", "id").when().get(path).then().statusCode(200).extract().asString();
    }

    /** The text of the first link on {@code html} with this attribute. */
    private static String link(String html, String attribute) {
        Matcher m = Pattern.compile("(?s)<a [^>]*" + Pattern.quote(attribute) + "[^>]*>(.*?)</a>").matcher(html);
        assertTrue(m.find(), "no link " + attribute);
        return m.group(1).trim();
    }
}
