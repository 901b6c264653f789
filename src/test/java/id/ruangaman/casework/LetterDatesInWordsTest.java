package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.CaseFileRepository;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The letters the task force sends out (surat tugas, surat pemanggilan, berita acara pemeriksaan) give their dates as
 * their readers write them: "Kamis, 4 Maret 2027, pukul 10.00 WIB" under "Hari/tanggal dan jam", and "3 Desember 2026"
 * above the signature; in English when the letter is printed in English. Before, the summons said "2027-03-04 10:00
 * WIB" under a label that promises the day, and the letters were signed "2026-12-03". Synthetic case.
 */
@QuarkusTest
class LetterDatesInWordsTest {

    @Inject
    InboxFixtures fixtures;
    @Inject
    CaseFileRepository cases;
    @Inject
    CaseworkRepository repo;

    @Test
    void shouldWriteTheLettersDatesInWordsInTheLettersLanguage() {
        Account counsellor = fixtures.account("letter-dates-counsellor", Role.COUNSELLOR);
        String session = InboxFixtures.login("letter-dates-counsellor");
        String ref = fixtures.submittedCase(true);
        CaseworkSteps steps = new CaseworkSteps(session, ref);
        steps.toExamination(counsellor.id);
        assertEquals(303, steps.party("terlapor", "Dodi Sintetis"));
        long party = QuarkusTransaction.requiringNew().call(() -> repo.parties(cases.findByReference(ref).orElseThrow().id).get(0).id);
        assertEquals(303, steps.interview(party, "Berita acara sintetis"));
        assertEquals(303, steps.schedule(party, "2027-03-04T10:00"));
        LocalDate today = LocalDate.parse(CaseworkSteps.today());
        String todayId = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("id")).format(today);
        String todayEn = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).format(today);

        String summons = print(session, "/inbox/cases/" + ref + "/sop/print/pemanggilan/" + party, "id");
        assertTrue(summons.contains("Kamis, 4 Maret 2027, pukul 10.00 WIB"), "the day and hour of the examination, in words");
        assertTrue(summons.contains(todayId), "the letter's own date");
        assertFalse(summons.contains("2027-03-04"), "no machine date on the summons");
        assertFalse(summons.contains(today.toString()), "no machine date above the signature");
        String summonsEn = print(session, "/inbox/cases/" + ref + "/sop/print/pemanggilan/" + party, "en");
        assertTrue(summonsEn.contains("Thursday, 4 March 2027, 10:00 WIB"), "in English when printed in English");
        assertTrue(summonsEn.contains(todayEn));

        String letter = print(session, "/inbox/cases/" + ref + "/sop/print/surat-tugas", "id");
        assertTrue(letter.contains(todayId), "the surat tugas is signed on a date in words");
        assertFalse(letter.contains("<p>" + today + "</p>"), "not as 2026-12-03");

        long interview = QuarkusTransaction.requiringNew().call(() -> repo.interviews(cases.findByReference(ref).orElseThrow().id).stream()
                .filter(i -> i.summary != null).findFirst().orElseThrow().id);
        String minutes = print(session, "/inbox/cases/" + ref + "/sop/print/bap/" + interview, "id");
        assertTrue(minutes.contains(DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Locale.forLanguageTag("id")).format(today)),
                "the minutes say the day of the examination in words");
    }

    private static String print(String session, String path, String lang) {
        return getAs(session).queryParam("lang", lang).when().get(path).then().statusCode(200).extract().asString();
    }
}
