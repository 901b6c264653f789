package id.ruangaman.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import id.ruangaman.conversation.Input;
import id.ruangaman.conversation.MediaKind;
import id.ruangaman.intake.ConversationService;
import id.ruangaman.transcript.MediaStaging;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Walkthrough 13, item 1: a case list that hides a case tells the counsellor when the person wrote on it (the live
 * event {@code person_wrote}). An edit of the person's earlier message and files the person sent that are filed under
 * the case later (a "yes, keep them" after the files) are the person writing too; they were plain {@code message}
 * events before, which the list's notice does not count. Synthetic case, texts and bytes.
 */
@QuarkusTest
class PersonWroteEventTest {

    @Inject
    InboxFixtures fixtures;
    @Inject
    ConversationService conversations;
    @Inject
    MediaStaging staging;
    @Inject
    EntityManager em;

    @Test
    void shouldCountAnEditOfThePersonsMessageAsThePersonWriting() {
        String ref = fixtures.submittedCase(true);
        long contact = fixtures.contactOf(ref);
        String providerId = "edit-" + UUID.randomUUID();
        conversations.receive(contact, new Input.Text("Pesan sintetis pertama"), null, providerId);
        long after = fixtures.lastInboxEvent();

        conversations.recordEdit(contact, providerId, new Input.Text("Pesan sintetis, diubah"));

        assertEquals(List.of(InboxEventRecorder.PERSON_WROTE), fixtures.inboxEventTypesAfter(after, ref));
    }

    @Test
    void shouldCountFilesFiledUnderTheCaseLaterAsThePersonWriting() {
        String ref = fixtures.submittedCase(true);
        long contact = fixtures.contactOf(ref);
        conversations.receive(contact, new Input.Text("Ada bukti sintetis"), null); // the case's thread
        long photo = staging.stage(contact, "test:" + UUID.randomUUID(), MediaKind.PHOTO, "image/png", new byte[] { 1, 2, 3 }, false);
        conversations.receive(contact, new Input.Media(String.valueOf(photo), MediaKind.PHOTO, null), null); // "may we keep it?"
        long after = fixtures.lastInboxEvent();

        conversations.receive(contact, Input.ButtonPress.fromCallbackData("_keep:yes"), null);

        assertEquals(ref, QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select i.reference_code from media m join intake i on i.id = m.intake_id where m.id = ?1").setParameter(1, photo)
                .getSingleResult()), "the file is filed under the case");
        assertEquals(List.of(InboxEventRecorder.PERSON_WROTE), fixtures.inboxEventTypesAfter(after, ref));
    }
}
