package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.CaseFileRepository;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.referral.ReferralTestData;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A printed document is in its reader's language, not the counsellor's inbox language: a counsellor whose inbox is in
 * English prints the summons, the intake form and a referral letter to an Indonesian provider in Bahasa Indonesia,
 * and can choose English on the print page; the inbox pages stay in English.
 */
@QuarkusTest
class PrintLanguageTest {

    @Inject
    InboxFixtures fixtures;
    @Inject
    CaseFileRepository cases;
    @Inject
    CaseworkRepository repo;
    @Inject
    ReferralTestData data;

    private String session;
    private Account counsellor;

    @BeforeEach
    void login() {
        counsellor = fixtures.account("print-language-counsellor", Role.COUNSELLOR);
        session = InboxFixtures.login("print-language-counsellor");
    }

    private String english(String path) {
        return getAs(session).cookie("ruangaman-lang", "en").when().get(path).then().statusCode(200).extract().asString();
    }

    /** The print page's own link to the other language. */
    private static String choice(String html, String lang) {
        Matcher link = Pattern.compile("<a href=\"([^\"]+)\" id=\"document-language-" + lang + "\"").matcher(html);
        assertTrue(link.find(), "no choice of " + lang + " on the print page");
        return link.group(1).replace("&amp;", "&");
    }

    @Test
    void shouldPrintInTheRecipientsLanguageWithAChoiceWhileTheInboxStaysInEnglish() {
        String ref = fixtures.submittedCase(true);
        CaseworkSteps steps = new CaseworkSteps(session, ref);
        steps.toExamination(counsellor.id);
        steps.party("terlapor", "Dodi Sintetis");
        long party = QuarkusTransaction.requiringNew().call(() -> repo.parties(cases.findByReference(ref).orElseThrow().id).get(0).id);
        steps.interview(party, "Berita acara sintetis");
        steps.schedule(party, LocalDate.parse(CaseworkSteps.today()).plusDays(1) + "T10:00");

        // the summons to a person of the campus: Bahasa Indonesia by default, English when chosen on the print page
        String summonsPath = "/inbox/cases/" + ref + "/sop/print/pemanggilan/" + party;
        String summons = english(summonsPath);
        assertTrue(summons.contains("<html lang=\"id\">") && summons.contains("SURAT PEMANGGILAN"), "the summons is in Indonesian");
        assertFalse(summons.contains("class=\"bar noprint\""), "the English inbox bar is left out of an Indonesian document");
        String inEnglish = english(choice(summons, "en"));
        assertTrue(inEnglish.contains("<html lang=\"en\">") && !inEnglish.contains("SURAT PEMANGGILAN"), "English when chosen");
        assertTrue(inEnglish.contains("id=\"document-language-id\""), "and Bahasa Indonesia can be chosen back");

        // the intake form and the minutes: the institution's documents
        String form = english("/inbox/cases/" + ref + "/print/intake-form");
        assertTrue(form.contains("Formulir Penerimaan Laporan") && !form.contains("Report Intake Form"), "the intake form in Indonesian");
        assertTrue(english(choice(form, "en")).contains("Report Intake Form"));
        long interview = QuarkusTransaction.requiringNew().call(() -> repo.interviews(cases.findByReference(ref).orElseThrow().id).get(0).id);
        assertTrue(english("/inbox/cases/" + ref + "/sop/print/bap/" + interview).contains("BERITA ACARA PEMERIKSAAN"));

        // the inbox itself stays in the counsellor's language
        String sop = english("/inbox/cases/" + ref + "/sop");
        assertTrue(sop.contains("<html lang=\"en\">") && sop.contains("class=\"bar noprint\""), "the SOP page in English with its bar");

        // a referral letter to a provider that declares Bahasa Indonesia
        String referred = data.sentinelCase();
        String location = InboxFixtures.as(session).formParam("provider", String.valueOf(data.provider("contoh-pusat-krisis")))
                .formParam("service", "psychological").formParam("part", "chronology").when().post("/inbox/cases/" + referred + "/referrals")
                .then().statusCode(303).extract().header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        InboxFixtures.as(session).when().post("/inbox/referrals/" + id + "/ask").then().statusCode(303);
        data.press(data.contactOf(referred), "_ref" + id + ":yes");
        String letter = english("/inbox/referrals/" + id + "/letter");
        assertTrue(letter.contains("Surat Permohonan Rujukan") && !letter.contains("Referral Request Letter"), "the letter in Indonesian");
        assertTrue(english(choice(letter, "en")).contains("Referral Request Letter"));
    }
}
