package id.ruangaman.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import id.ruangaman.inbox.CaseFileRepository;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.TelegramFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The SOP's paths that {@link SopFiveStagesBrowserTest} does not take, each in a real browser on a report sent through
 * the Telegram webhook, the case opened by typing its reference into the list's search:
 * <ul>
 * <li>the report found not proven (SOP Penyusunan Kesimpulan): the recommendation is to restore the reported person's
 * good name, with no sanction and no grounds for a heavier one, on the page, in the report to leadership and on
 * leadership's page; the pelapor is told the result in words that neither blame them nor name the reported person;</li>
 * <li>the pelapor withdrawing: the reply says the decision is theirs and the door stays open, the case closes as
 * withdrawn and nothing further can be done on it;</li>
 * <li>a rujukan the survivor declines in the chat (recovery and accompaniment only with the victim's consent): nothing
 * is shared, no letter can be printed, no parent's or guardian's consent is offered over the survivor's no.</li>
 * </ul>
 */
@QuarkusTest
class SopOtherPathsBrowserTest extends SopBrowserTest {

    private static final List<String> CODES = List.of("not_proven", "withdrawn_by_reporter", "declined", "good_name", "victim_impact",
            "null", "{", "}");

    @Inject
    InboxFixtures fixtures;
    @Inject
    CaseworkRepository repo;
    @Inject
    CaseFileRepository cases;

    private String root;

    @Override
    List<String> codes() {
        return CODES;
    }

    @Test
    void shouldRecommendTheGoodNameAndTellThePelaporKindlyWhenNotProven() {
        root = root();
        Account counsellor = fixtures.account("paths-np-counsellor", Role.COUNSELLOR);
        fixtures.account("paths-np-pimpinan", Role.PIMPINAN);
        long chat = chats.reportedTelegramChat("Kronologi sintetis: komentar di lorong kampus");
        String ref = chats.referenceOf(chat);
        CaseworkSteps steps = new CaseworkSteps(InboxFixtures.login("paths-np-counsellor"), ref);
        steps.toExamination(counsellor.id);
        assertEquals(303, steps.party("terlapor", "Dodi Sintetis"));
        long id = QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().id);
        long party = QuarkusTransaction.requiringNew().call(() -> repo.parties(id).get(0).id);
        assertEquals(303, steps.interview(party, "Keterangan terlapor sintetis"));

        login("paths-np-counsellor");
        open(ref);
        driver.get(root + "/inbox/cases/" + ref + "/sop#conclusion");
        click(By.cssSelector("input[name=outcome][value=not_proven]"));
        type(By.id("party-identity"), "Dodi Sintetis, mahasiswa");
        type(By.id("violence-form"), "Komentar yang dilaporkan");
        type(By.id("examination-summary"), "Keterangan para pihak tidak saling menguatkan");
        type(By.id("not-proven-statement"), "Laporan tidak terbukti");
        pressAndWait(By.id("save-conclusion"));
        waitText(By.id("conclusion-outcome"), "Tidak terbukti");

        // The recommendation offers the good name only: no sanction, no grounds for a heavier one.
        WebElement recommendation = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recommendation")));
        assertTrue(recommendation.findElements(By.id("sanction-measure")).isEmpty(), "no sanction when not proven");
        assertTrue(recommendation.findElements(By.name("aggravating")).isEmpty(), "no grounds for a heavier sanction when not proven");
        type(By.id("rec-good-name"), "Pemulihan nama baik terlapor di fakultas");
        pressAndWait(By.id("save-recommendation"));
        waitText(By.id("recommendation-summary"), "nama baik");
        assertNoCodes();
        String report = printed(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("print-conclusion-report"))).getAttribute("href"), null);
        assertTrue(report.contains("Tidak terbukti") && report.contains("Pemulihan nama baik terlapor di fakultas"), report);
        assertFalse(report.contains("Faktor pemberat"), "no grounds for a heavier sanction\n" + report);
        driver.get(root + "/inbox/cases/" + ref + "/sop");
        pressAndWait(By.id("sop-status-concluded"));
        waitText(By.id("case-status"), "Disimpulkan");

        // The pelapor is told, from the canned reply: not proven, no blame, support goes on, nobody named.
        sendCanned(ref, chat, "outcome_not_proven", text -> {
            assertTrue(text.contains("bukan berarti kami tidak mempercayaimu") && text.contains("pendampingan dan pemulihan"), text);
            assertFalse(text.contains("Dodi"), "the reported person is not named to the pelapor");
        }, "Pemeriksaan atas laporanmu sudah selesai");
        logout();

        // Leadership reads the good name, no sanction and no grounds for one.
        login("paths-np-pimpinan");
        driver.get(root + "/inbox/pimpinan/" + ref);
        String page = body();
        assertTrue(page.contains("Pemulihan nama baik terlapor di fakultas"), page);
        assertTrue(driver.findElements(By.id("aggravating")).isEmpty(), "no grounds for a heavier sanction\n" + page);
        assertTrue(driver.findElements(By.id("decision-measure")).isEmpty(), "no sanction to decide");
        assertTrue(driver.findElements(By.id("good-name-restored")).size() == 1, "the good name's restoration is offered");
        assertNoCodes();
    }

    @Test
    void shouldCloseAWithdrawnReportAndTellThePelaporTheDoorStaysOpen() {
        root = root();
        Account counsellor = fixtures.account("paths-wd-counsellor", Role.COUNSELLOR);
        long chat = chats.reportedTelegramChat("Kronologi sintetis: pesan di media sosial");
        String ref = chats.referenceOf(chat);
        CaseworkSteps steps = new CaseworkSteps(InboxFixtures.login("paths-wd-counsellor"), ref);
        steps.toExamination(counsellor.id);
        chats.sayTelegram(chat, "Saya mau mencabut laporan saya saja");

        login("paths-wd-counsellor");
        open(ref);
        waitText(By.id("transcript"), "mencabut laporan");
        sendCanned(ref, chat, "withdrawal_noted",
                text -> assertTrue(text.contains("Kami menghormati keputusanmu") && text.contains("/hapus"), text),
                "mencabut laporan sudah kami catat");

        driver.get(root + "/inbox/cases/" + ref + "/sop#status");
        new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("sop-close-reason")))).selectByValue("withdrawn_by_reporter");
        pressAndWait(By.id("sop-close"));
        waitText(By.id("case-status"), "Ditutup");
        waitText(By.id("case-closed"), "Dicabut pelapor");
        // nothing further on a withdrawn case: no SOP form, no next step
        assertTrue(driver.findElements(By.id("save-meeting")).isEmpty() && driver.findElements(By.id("save-conclusion")).isEmpty()
                && driver.findElements(By.id("add-party")).isEmpty(), "a withdrawn case takes no further step");
        assertNoCodes();
    }

    @Test
    void shouldShareNothingAndOfferNoOverrideWhenTheSurvivorDeclinesTheRujukan() {
        root = root();
        fixtures.account("paths-rf-counsellor", Role.COUNSELLOR);
        fixtures.account("paths-rf-coordinator", Role.COORDINATOR);
        long chat = chats.reportedTelegramChat("Kronologi sintetis: pesan berulang dari kakak tingkat");
        String ref = chats.referenceOf(chat);

        login("paths-rf-counsellor");
        open(ref);
        pressAndWait(By.id("take-case"));
        long referral = draftReferralAndAskConsent(ref, chat);

        // The survivor says no in the chat: the bot says nothing is shared, and the referral stays declined.
        chats.send(TelegramFixtures.button(chat, "_ref" + referral + ":no"), chat);
        Eventually.await("the bot's answer to the no", WAIT, () -> telegram.sentTo(chat).stream()
                .anyMatch(c -> c.text() != null && c.text().contains("tidak ada yang kami bagikan")));
        driver.get(root + "/inbox/referrals/" + referral);
        waitText(By.id("referral-status"), "Ditolak penyintas");
        assertTrue(driver.findElements(By.id("print-letter")).isEmpty(), "no referral letter without consent");
        assertNoCodes();
        driver.get(root + "/inbox/referrals/" + referral + "/letter");
        assertFalse(body().contains("Kronologi sintetis"), "the letter's content is never shown after a no");

        // The counsellor's follow-up in the chat, from the canned reply.
        sendCanned(ref, chat, "referral_declined", text -> assertTrue(text.contains("tanpa persetujuanmu"), text),
                "Kami tidak akan merujukmu ke mana pun tanpa persetujuanmu");
        logout();

        // Not even a coordinator is offered a parent's or guardian's consent over the survivor's own no.
        login("paths-rf-coordinator");
        driver.get(root + "/inbox/referrals/" + referral);
        waitText(By.id("referral-status"), "Ditolak penyintas");
        assertTrue(driver.findElements(By.id("guardian")).isEmpty(), "no guardian's consent over the survivor's no");
    }
}
