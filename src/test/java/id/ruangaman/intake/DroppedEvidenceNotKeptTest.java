package id.ruangaman.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.conversation.MediaKind;
import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.transcript.MediaRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Walkthrough finding (session 53): a file whose answer was dropped before the report was sent was still filed under
 * the case. A survivor sent a photo as evidence, then at the summary changed "may we keep evidence?" to "Tidak": the
 * report said no evidence, but the photo was kept with the case all the same, without consent. Likewise a survivor who
 * typed an age under 18 at the summary after sending images: the flow then takes the child-safety step, which takes no
 * images, but the images already sent were kept. Now only the files the submitted report's answers name are filed
 * under the case; the others are deleted. Through the real conversation service and database; synthetic files.
 */
@QuarkusTest
class DroppedEvidenceNotKeptTest {

    @Inject
    ContactRepository contacts;
    @Inject
    ConversationService conversations;
    @Inject
    MediaRepository media;

    @Test
    void aPhotoWhoseConsentIsWithdrawnAtTheSummaryIsNotKept() {
        DevConversation person = new DevConversation(contacts, conversations, media);
        long photo = adultWithAPhoto(person);
        person.button("summary:edit").button("summary:evidence_consent").button("evidence_consent:no").button("summary:confirm");
        assertEquals(0, rows(person.contactId, photo), "the photo is gone, not filed under the case");
        assertEquals(0, filed(person.contactId), "no file under the case");
    }

    @Test
    void imagesSentBeforeAnAgeUnder18IsTypedAreNotKept() {
        DevConversation person = new DevConversation(contacts, conversations, media);
        long photo = adultWithAPhoto(person);
        person.button("summary:edit").button("summary:age_range").text("15").button("evidence_links:done").button("summary:confirm");
        assertEquals(0, rows(person.contactId, photo), "a child's image is not kept");
        assertEquals(0, filed(person.contactId));
    }

    @Test
    void aPhotoTheReportNamesIsKept() {
        DevConversation person = new DevConversation(contacts, conversations, media);
        long photo = adultWithAPhoto(person);
        person.button("summary:confirm");
        assertEquals(1, rows(person.contactId, photo));
        assertEquals(1, filed(person.contactId), "the photo is filed under the case");
    }

    /** An adult survivor of sextortion who sends one photo as evidence, up to the summary; the photo's id. */
    private static long adultWithAPhoto(DevConversation person) {
        person.button("language:id").button("consent:yes").button("in_danger:no").button("safe_to_reply:yes")
                .button("reporter_role:victim").button("send_now:details").button("violence_type:sextortion")
                .button("violence_type:done").button("incident_when:within_month").button("victim_minor:no")
                .button("incident_place:online").text("Ada akun sintetis yang mengancam menyebarkan foto.").button("chronology:done")
                .button("biodata_offer:yes").button("name:skip").text("20").button("gender:skip").button("campus_status:skip")
                .button("unit:skip").button("disability:skip").button("reported_offer:no").button("evidence_consent:yes");
        long photo = person.upload(MediaKind.PHOTO, new byte[] { 9, 8, 7 });
        person.button("evidence:done").button("witnesses:skip").button("services:skip").button("urgent_need:skip")
                .button("contact_offer:no").button("stats_consent:no");
        return photo;
    }

    private long rows(long contactId, long mediaId) {
        return QuarkusTransaction.requiringNew().call(() -> media.count("contactId = ?1 and id = ?2", contactId, mediaId));
    }

    private long filed(long contactId) {
        return QuarkusTransaction.requiringNew().call(() -> media.count("contactId = ?1 and intakeId is not null", contactId));
    }
}
