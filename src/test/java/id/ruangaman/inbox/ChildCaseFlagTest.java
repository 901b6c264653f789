package id.ruangaman.inbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.intake.ConversationService;
import id.ruangaman.intake.DevConversation;
import id.ruangaman.security.Role;
import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.transcript.MediaRepository;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Walkthrough 9, finding 10: a case whose victim is a child shows ANAK where a counsellor looks first (the case list's
 * row and the case page's heading, with a note saying what it changes), and the list's own filter form keeps only
 * those cases. Labelled fixtures, one per way the intake says a victim is under 18, and the answers that must not
 * raise it (a witness's own age says nothing about the victim's). All synthetic, through the real conversation.
 */
@QuarkusTest
class ChildCaseFlagTest {

    private static final Pattern CHILD_FILTER = Pattern.compile(
            "<form method=\"get\" action=\"(/inbox)\" class=\"filters\"[^>]*>.*?<input type=\"checkbox\" name=\"(child)\" value=\"([^\"]+)\"",
            Pattern.DOTALL);

    @Inject
    InboxFixtures fixtures;
    @Inject
    ContactRepository contacts;
    @Inject
    ConversationService conversations;
    @Inject
    MediaRepository media;

    private String session;

    @BeforeEach
    void login() {
        fixtures.account("child-coordinator", Role.COORDINATOR);
        session = InboxFixtures.login("child-coordinator");
    }

    /**
     * A report by {@code role} (victim, witness) with the under-18 question answered {@code minor} (yes, no, skip) and,
     * when {@code age} is not null, the biodata's age question answered with that option.
     */
    private String report(String role, String minor, String age) {
        DevConversation person = new DevConversation(contacts, conversations, media);
        person.button("language:id").button("consent:yes").button("in_danger:no").button("safe_to_reply:yes")
                .button("reporter_role:" + role);
        if (!"victim".equals(role)) {
            person.button("victim_knows:no");
        }
        person.button("send_now:details").button("violence_type:psychological_abuse").button("violence_type:done")
                .button("incident_when:longer").button("victim_minor:" + minor);
        person.button("incident_place:campus").text("Cerita sintetis.").button("chronology:done");
        if (age == null) {
            person.button("biodata_offer:no");
        } else {
            person.button("biodata_offer:yes").button("name:skip").button("age_range:" + age).button("gender:skip")
                    .button("campus_status:skip").button("unit:skip").button("disability:skip");
        }
        person.button("reported_offer:no").button("evidence_consent:no").button("services:skip").button("urgent_need:skip")
                .button("contact_offer:no").button("stats_consent:skip").button("summary:confirm");
        return fixtures.referenceOf(person.contactId);
    }

    @Test
    void shouldFlagAChildCaseInTheListAndOnTheCasePageAndFilterByIt() {
        String witnessOfChild = report("witness", "yes", null);           // walkthrough 9's RA-NF582, without the rape
        String childByAge = report("victim", "skip", "under_18");          // a child who skipped the under-18 question
        String childSelf = report("victim", "yes", null);                  // a child reporting for themselves
        String childWitness = report("witness", "no", "under_18");         // a child witness; the victim is an adult
        String adult = report("victim", "no", "18_24");

        String[] children = { witnessOfChild, childByAge, childSelf };
        String[] others = { childWitness, adult };
        for (String ref : children) {
            assertTrue(row(listed(ref), ref).contains("<span class=\"flag child\">ANAK</span>"), ref + ": " + row(listed(ref), ref));
        }
        for (String ref : others) {
            assertFalse(row(listed(ref), ref).contains("ANAK"), ref + ": " + row(listed(ref), ref));
        }

        // The list's own filter form, as a counsellor ticks the box (with a reference search, as other tests share the list).
        for (String ref : children) {
            assertTrue(filtered(ref).contains("data-ref=\"" + ref + "\""), ref + " kept by the ANAK filter");
        }
        for (String ref : others) {
            assertFalse(filtered(ref).contains("data-ref=\"" + ref + "\""), ref + " left out by the ANAK filter");
        }
        assertTrue(filtered(adult).contains("name=\"child\" value=\"yes\" id=\"filter-child\" checked"), "the box stays ticked");
        InboxFixtures.getAs(session).queryParam("child", "maybe").when().get("/inbox").then().statusCode(400);

        String witnessNote = note(witnessOfChild, "id");
        assertTrue(witnessNote.contains("menurut pelapor (saksi)") && witnessNote.contains("orang tua atau wali")
                && witnessNote.contains("penyedia yang menerima anak") && witnessNote.contains("chat sudah menyampaikan"), witnessNote);
        String ageNote = note(childByAge, "id");
        assertTrue(ageNote.contains("memilih umur di bawah 18 tahun"), ageNote);
        assertFalse(ageNote.contains("chat sudah menyampaikan"), "the chat said nothing about guardians on the age path: " + ageNote);
        String english = note(childSelf, "en");
        assertTrue(english.contains("who reported themselves, is under 18") && english.contains("parent or guardian"), english);
        String adultPage = page("/inbox/cases/" + adult, "id");
        assertFalse(adultPage.contains("id=\"child-note\"") || adultPage.contains("id=\"flag-child\""), "no ANAK on an adult's case");
        assertTrue(page("/inbox/cases/" + childByAge, "id").contains("<span class=\"flag child\" id=\"flag-child\">ANAK</span>"));
    }

    private String listed(String ref) {
        return InboxFixtures.getAs(session).queryParam("ref", ref).when().get("/inbox").then().statusCode(200).extract().asString();
    }

    /** The list after submitting its filter form with the ANAK box ticked and {@code ref} typed in the search. */
    private String filtered(String ref) {
        Matcher form = CHILD_FILTER.matcher(listed(ref));
        assertTrue(form.find(), "the list's filter form has the ANAK box");
        return InboxFixtures.getAs(session).queryParam(form.group(2), form.group(3)).queryParam("ref", ref).when().get(form.group(1))
                .then().statusCode(200).extract().asString();
    }

    private String note(String ref, String lang) {
        Matcher m = Pattern.compile("(?s)<p class=\"child-note\" id=\"child-note\">(.*?)</p>").matcher(page("/inbox/cases/" + ref, lang));
        assertTrue(m.find(), "no ANAK note on " + ref);
        return m.group(1);
    }

    private String page(String path, String lang) {
        return InboxFixtures.getAs(session).cookie("ruangaman-lang", lang).when().get(path).then().statusCode(200).extract().asString();
    }

    private static String row(String list, String ref) {
        Matcher m = Pattern.compile("(?s)<tr class=\"[^\"]*\" data-ref=\"" + Pattern.quote(ref) + "\">(.*?)</tr>").matcher(list);
        assertTrue(m.find(), ref + " not listed");
        return m.group(1);
    }
}
