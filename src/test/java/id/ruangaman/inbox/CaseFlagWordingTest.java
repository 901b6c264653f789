package id.ruangaman.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.intake.ConversationConfig;
import id.ruangaman.intake.ConversationService;
import id.ruangaman.intake.DevConversation;
import id.ruangaman.intake.FlowRegistry;
import id.ruangaman.intake.IntakeRecord;
import id.ruangaman.security.Role;
import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.transcript.MediaRepository;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What the case page says about a case, worded by what holds (session 7, "Noticed, not fixed"): the note beside
 * MEDIS MENDESAK says which of its two reasons applies (within 72 hours, or the time not yet known), in both
 * languages; and "Belum diisi" names exactly what is missing (a skipped story is "Cerita", not the whole
 * "Kronologi" component, whose other answers were given).
 */
@QuarkusTest
class CaseFlagWordingTest {

    @Inject
    InboxFixtures fixtures;
    @Inject
    ContactRepository contacts;
    @Inject
    ConversationService conversations;
    @Inject
    MediaRepository media;
    @Inject
    FlowRegistry flows;
    @Inject
    ConversationConfig conversationConfig;

    private String session;

    @BeforeEach
    void login() {
        fixtures.account("wording-coordinator", Role.COORDINATOR);
        session = InboxFixtures.login("wording-coordinator");
    }

    /** Rape, with the time question answered {@code when} (an option id, or "skip"). Synthetic. */
    private String rapeCase(String when) {
        DevConversation person = new DevConversation(contacts, conversations, media);
        person.button("language:id").button("consent:yes").button("in_danger:no").button("safe_to_reply:yes")
                .button("reporter_role:victim").button("send_now:details").button("violence_type:rape").button("violence_type:done")
                .button("incident_when:" + when).button("victim_minor:no").button("incident_place:campus").text("Cerita sintetis.")
                .restToSubmission(true);
        return referenceOf(person);
    }

    private String referenceOf(DevConversation person) {
        return fixtures.referenceOf(person.contactId);
    }

    @Test
    void shouldSayWhichReasonMakesACaseUrgentMedical() {
        String within = rapeCase("within_72h");
        String unknown = rapeCase("skip");
        String id72 = note(within, "id");
        assertTrue(id72.contains("dalam 72 jam terakhir:"), id72);
        assertFalse(id72.contains("belum diketahui"), id72);
        String en72 = note(within, "en");
        assertTrue(en72.contains("within the last 72 hours:"), en72);
        assertFalse(en72.contains("not yet known"), en72);

        String idUnknown = note(unknown, "id");
        assertTrue(idUnknown.contains("waktunya belum diketahui"), idUnknown);
        assertFalse(idUnknown.contains("dalam 72 jam terakhir"), idUnknown);
        String enUnknown = note(unknown, "en");
        assertTrue(enUnknown.contains("at a time not yet known"), enUnknown);
        assertFalse(enUnknown.contains("within the last 72 hours"), enUnknown);
        // Both keep what to do: medical care at once, as the survivor was told.
        for (String note : List.of(id72, idUnknown)) {
            assertTrue(note.contains("PEP dan kontrasepsi darurat") && note.contains("Penyintas sudah diberi tahu di chat."), note);
        }
    }

    /**
     * Walkthrough 9, finding 11 (fixture: a witness reports the rape of someone under 18 in the last 3 days; the victim
     * does not know they wrote): the chat told the witness, not the victim, and the note says so.
     */
    @Test
    void shouldSayTheWitnessAndNotTheVictimWasToldAboutUrgentMedicalCare() {
        DevConversation person = new DevConversation(contacts, conversations, media);
        person.button("language:id").button("consent:yes").button("in_danger:no").button("safe_to_reply:yes")
                .button("reporter_role:witness").button("victim_knows:no").button("send_now:details").button("violence_type:rape")
                .button("violence_type:done").button("incident_when:within_72h").button("victim_minor:yes")
                .button("incident_place:campus").text("Cerita sintetis saksi.").restToSubmission(true);
        String ref = referenceOf(person);
        String id = note(ref, "id");
        assertFalse(id.contains("Penyintas sudah diberi tahu"), id);
        assertTrue(id.contains("pelapor (saksi), bukan korban") && id.contains("Korban tidak tahu pelapor menghubungi Satgas"), id);
        String en = note(ref, "en");
        assertFalse(en.contains("The survivor was told"), en);
        assertTrue(en.contains("the reporter (a witness), not the victim") && en.contains("The victim does not know"), en);
        // The report (not the transcript, which keeps what the chat said to the witness).
        String page = element(page("/inbox/cases/" + ref, "id"), "<section class=\"intake\".*?</section>");
        assertFalse(page.contains("Orang itu tahu kamu menghubungi kami"), "the survivor's words as an inbox label");
        assertTrue(page.contains("Korban tahu pelapor menghubungi Satgas"), "the counsellor's label of victim_knows");
    }

    /** The kind (finding 11): no answer is labelled in the inbox in words addressed to the survivor ("kamu", "you"). */
    @Test
    void shouldLabelNoAnswerInWordsAddressedToTheSurvivor() {
        Pattern toSurvivor = Pattern.compile("(?iu)\\b(kamu|kau|anda|dirimu|you|your|yours|yourself)\\b|\\b\\p{L}+mu\\b");
        id.ruangaman.conversation.Flow flow = flows.current(conversationConfig.defaultFlow());
        List<String> wrong = new java.util.ArrayList<>();
        for (String lang : List.of("id", "en")) {
            Labels labels = Labels.in(flows, conversationConfig, lang);
            for (id.ruangaman.conversation.definition.NodeDefinition node : flow.nodes()) {
                if (node.key() != null && toSurvivor.matcher(labels.key(node.key())).find()) {
                    wrong.add(lang + " " + node.key() + ": " + labels.key(node.key()));
                }
            }
        }
        assertEquals(List.of(), wrong, "inbox labels phrased to the survivor");
    }

    @Test
    void shouldNameTheSkippedStoryAndNotTheWholeChronology() {
        DevConversation person = new DevConversation(contacts, conversations, media);
        person.button("language:id").button("consent:yes").button("in_danger:no").button("safe_to_reply:yes")
                .button("reporter_role:victim").button("send_now:details").button("violence_type:psychological_abuse")
                .button("violence_type:done").button("incident_when:longer").button("victim_minor:no").button("incident_place:campus")
                .button("chronology:skip").button("biodata_offer:no").button("reported_offer:no").button("evidence_consent:no")
                .button("services:legal").button("services:done").button("urgent_need:skip").button("contact_offer:no")
                .button("stats_consent:skip").button("summary:confirm");
        String ref = referenceOf(person);
        String id = missing(ref, "id");
        assertTrue(id.contains("Cerita"), id);
        assertFalse(id.contains("Kronologi") || id.contains("Jenis") || id.contains("Waktu") || id.contains("Kebutuhan"), id);
        String en = missing(ref, "en");
        assertTrue(en.contains("What happened"), en);
        assertFalse(en.contains("Chronology") || en.contains("When") || en.contains("Needs"), en);
    }

    /** The kind: no missing part is named by a whole component's heading; a one-answer part by that answer's label. */
    @Test
    void shouldNameEveryMissingPartByWhatItHolds() {
        for (String lang : List.of("id", "en")) {
            Labels labels = Labels.in(flows, conversationConfig, lang);
            for (Map.Entry<String, List<String>> part : IntakeRecord.PARTS.entrySet()) {
                String label = labels.part(part.getKey());
                assertNotEquals(labels.component("unknown-part-probe"), label, lang + " " + part.getKey() + " has no label");
                for (String component : IntakeRecord.COMPONENTS.keySet()) {
                    assertNotEquals(labels.component(component), label, lang + " part " + part.getKey() + " reads as component " + component);
                }
                if (part.getValue().size() == 1) {
                    assertEquals(labels.key(part.getValue().get(0)), label, lang + " " + part.getKey());
                }
            }
        }
    }

    private String note(String ref, String lang) {
        return element(page("/inbox/cases/" + ref, lang), "<p class=\"urgent-medical-note\"[^>]*>.*?</p>");
    }

    private String missing(String ref, String lang) {
        return element(page("/inbox/cases/" + ref, lang), "<p class=\"missing-parts\">.*?</p>");
    }

    private String page(String path, String lang) {
        return InboxFixtures.getAs(session).cookie("ruangaman-lang", lang).when().get(path).then().statusCode(200).extract().asString();
    }

    private static String element(String html, String regex) {
        Matcher m = Pattern.compile("(?s)" + regex).matcher(html);
        assertTrue(m.find(), "no " + regex);
        return m.group();
    }
}
