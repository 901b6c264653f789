package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.inbox.VerificationComponent;
import id.ruangaman.security.Role;
import id.ruangaman.testing.RenderedForm;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The README's "first five minutes", step 3, as a person does it: every form is read from the rendered page and
 * submitted as a browser would. A stage change the SOP refuses says why and links to the form that does what it
 * asks (walkthrough 7, finding 2); the verify button says so beforehand, beside a button that is what it looks like.
 */
@QuarkusTest
class StepRefusalLinksTest {

    @Inject
    InboxFixtures fixtures;

    private String session;

    @BeforeEach
    void login() {
        fixtures.account("step-links-coordinator", Role.COORDINATOR);
        session = InboxFixtures.login("step-links-coordinator");
    }

    @Test
    void shouldLeadFromEachVerifyRefusalToTheFormThatLiftsIt() {
        String ref = fixtures.submittedCase(true);
        String casePath = "/inbox/cases/" + ref;
        RenderedForm.holding(page(casePath, "id"), "status-in_verification").submit(session).then().statusCode(303);

        // Before the checklist: the button is a real button, and the reason with its link stands beside it.
        String page = page(casePath, "id");
        String button = element(page, "<button[^>]*id=\"status-verified\"[^>]*>");
        assertFalse(button.contains("disabled"), button);
        String why = element(page, "<span class=\"hint step-needs\" id=\"why-verified\">.*?</span>");
        assertTrue(why.contains("Daftar periksa verifikasi belum lengkap.") && why.contains("href=\"" + casePath + "#checklist\""), why);
        assertTrue(why.contains("Catat assessment awal dulu") && why.contains("href=\"" + casePath + "/sop#assessment\""), why);

        // Part 3 is the examination of the documents/evidence: its tick is refused until they are recorded, and the
        // refusal links to the form that records them (SOP, verified report component 3).
        assertTrue(page(casePath, "id").contains("id=\"evidence-examined-first\""), "the hint stands beside part 3");
        String tickRefused = RenderedForm.holding(page(casePath, "id"), "check-evidence").submit(session).then().statusCode(303)
                .extract().header("Location");
        assertTrue(tickRefused.endsWith(casePath + "?refused=evidence_examined_missing"), tickRefused);
        String tickWhy = element(page(path(tickRefused), "id"), "<p class=\"alert refused\" id=\"refused\"[^>]*>.*?</p>");
        assertTrue(tickWhy.contains("Bagian 3 baru bisa dicentang setelah dokumen/bukti yang diperiksa dicatat."), tickWhy);
        assertEquals(casePath + "/sop#findings", attribute(tickWhy, "id=\"refused-fix\"", "href"));
        assertTrue(element(page(path(tickRefused), "en"), "<p class=\"alert refused\" id=\"refused\"[^>]*>.*?</p>")
                .contains("Part 3 can be ticked once the documents/evidence examined are recorded."));
        assertFalse(page(casePath, "id").contains("data-checked=\"true\""), "nothing was ticked");
        RenderedForm.holding(page(casePath + "/sop", "id"), "save-findings").with("evidence_examined", "Tangkapan layar chat, sintetis")
                .submit(session).then().statusCode(303);
        assertFalse(page(casePath, "id").contains("id=\"evidence-examined-first\""), "the hint is gone once they are recorded");
        // Emptying them while part 3 stays ticked is refused with the reason, and what was typed stays in the form.
        RenderedForm.holding(page(casePath, "id"), "check-evidence").submit(session).then().statusCode(303);
        String cleared = RenderedForm.holding(page(casePath + "/sop", "id"), "save-findings").with("evidence_examined", "")
                .with("finding_chronology", "Kronologi dicocokkan, sintetis").submit(session).then().statusCode(400).extract().asString();
        assertTrue(cleared.contains("Bagian 3 sudah dicentang"), "the reason is shown");
        assertTrue(cleared.contains(">Kronologi dicocokkan, sintetis</textarea>"), "what was typed is kept");

        for (String component : VerificationComponent.ALL) {
            if (component.equals("evidence")) {
                continue; // ticked above
            }
            RenderedForm.holding(page(casePath, "id"), "check-" + component).submit(session).then().statusCode(303);
        }
        why = element(page(casePath, "id"), "<span class=\"hint step-needs\" id=\"why-verified\">.*?</span>");
        assertFalse(why.contains("Daftar periksa"), why);

        // README step 3 as the tester did it: verify is refused for the missing assessment, with a link to its form.
        String location = RenderedForm.holding(page(casePath, "id"), "status-verified").submit(session).then().statusCode(303)
                .extract().header("Location");
        assertTrue(location.endsWith(casePath + "?refused=step_assessment_missing&step=verified"), location);
        String refused = element(page(path(location), "id"), "<p class=\"alert refused\" id=\"refused\"[^>]*>.*?</p>");
        assertTrue(refused.contains("Catat assessment awal dulu"), refused);
        String fix = attribute(refused, "id=\"refused-fix\"", "href");
        assertEquals(casePath + "/sop#assessment", fix);
        assertTrue(refused.contains("Isi assessment awal"), refused);
        String english = element(page(path(location), "en"), "<p class=\"alert refused\" id=\"refused\"[^>]*>.*?</p>");
        assertTrue(english.contains("Record the initial assessment first") && english.contains("Fill in the initial assessment")
                && english.contains("href=\"" + casePath + "/sop#assessment\""), english);

        // The link's target holds the form: fill it in as a person would.
        String sop = page(fix.substring(0, fix.indexOf('#')), "id");
        String section = element(sop, "<section id=\"assessment\">.*?</section>");
        RenderedForm assessment = RenderedForm.holding(section, "save-assessment");
        assertEquals(casePath + "/sop/assessment", assessment.action());
        assessment.with("condition", "stable").with("risk_level", "low").with("risks", "Risiko sintetis")
                .with("mitigation", "Mitigasi sintetis").submit(session).then().statusCode(303);

        page = page(casePath, "id");
        assertFalse(page.contains("id=\"why-verified\""), "nothing left to explain");
        location = RenderedForm.holding(page, "status-verified").submit(session).then().statusCode(303).extract().header("Location");
        assertFalse(location.contains("refused"), location);
        assertTrue(element(page(casePath, "id"), "<span class=\"badge\" id=\"case-status\">.*?</span>").contains("Terverifikasi"));

        // On the SOP page too: the next stage's refusal links to the meeting form on the same page.
        String there = RenderedForm.holding(page(casePath + "/sop", "id"), "sop-status-in_examination").submit(session).then()
                .statusCode(303).extract().header("Location");
        assertTrue(path(there).startsWith(casePath + "/sop?refused=step_meeting_missing"), there);
        String line = element(page(path(there).replaceFirst("#.*$", ""), "id"), "<p class=\"alert refused\" id=\"refused\"[^>]*>.*?</p>");
        assertTrue(line.contains("Catat rapat terbatas dulu") && line.contains("href=\"" + casePath + "/sop#meeting\""), line);
    }

    /**
     * A refused stage change on the SOP page (walkthrough 7): post/redirect/get back to the SOP page, not a page left on the
     * POST address; the refusal shows with its fix link, and the stage button says beforehand everything that is missing
     * (checklist and assessment), as the case page does.
     */
    @Test
    void shouldRedirectARefusedStageChangeOnTheSopPageAndNameEveryMissingPart() {
        String ref = fixtures.submittedCase(true);
        String casePath = "/inbox/cases/" + ref;
        String sopPath = casePath + "/sop";
        RenderedForm.holding(page(casePath, "id"), "status-in_verification").submit(session).then().statusCode(303);

        String sop = page(sopPath, "id");
        String why = element(sop, "<span class=\"hint step-needs\" id=\"sop-why-verified\">.*?</span>");
        assertTrue(why.contains("Daftar periksa verifikasi belum lengkap.") && why.contains("href=\"" + casePath + "#checklist\""), why);
        assertTrue(why.contains("Catat assessment awal dulu") && why.contains("href=\"" + sopPath + "#assessment\""), why);

        String location = RenderedForm.holding(sop, "sop-status-verified").submit(session).then().statusCode(303)
                .extract().header("Location");
        String target = path(location);
        assertTrue(target.startsWith(sopPath + "?refused=step_"), location);
        String shown = page(target.replaceFirst("#.*$", ""), "id");
        String refused = element(shown, "<p class=\"alert refused\" id=\"refused\"[^>]*>.*?</p>");
        assertTrue(refused.contains("Daftar periksa verifikasi belum lengkap.") && refused.contains("href=\"" + casePath + "#checklist\""),
                refused);
        // said once, beside the button that asked (walkthrough 12, finding 3): the refusal stands in for the hint
        assertTrue(refused.contains("Catat assessment awal dulu"), refused);
        assertFalse(shown.contains("id=\"sop-why-verified\""), "the reason is said twice");
        assertEquals(303, RenderedForm.holding(shown, "sop-status-verified").submit(session).then().extract().statusCode(),
                "the page shown after a refusal still holds the real form");
    }

    /**
     * The refusal line at the top names everything that is missing, each with its link, the same list the hint beside
     * the button gives (session 7: it named only the first part), on the case page and on the SOP page.
     */
    @Test
    void shouldNameEveryMissingPartInTheRefusalLineAsTheHintDoes() {
        String ref = fixtures.submittedCase(true);
        String casePath = "/inbox/cases/" + ref;
        String sopPath = casePath + "/sop";
        RenderedForm.holding(page(casePath, "id"), "status-in_verification").submit(session).then().statusCode(303);

        String location = RenderedForm.holding(page(casePath, "id"), "status-verified").submit(session).then().statusCode(303)
                .extract().header("Location");
        String shown = page(path(location), "id");
        String refused = element(shown, "<p class=\"alert refused\" id=\"refused\"[^>]*>.*?</p>");
        assertEquals(List.of(casePath + "#checklist", casePath + "/sop#assessment"), links(refused), refused);
        assertTrue(refused.contains("Daftar periksa verifikasi belum lengkap.") && refused.contains("Catat assessment awal dulu"), refused);
        assertEquals(links(element(page(casePath, "id"), "<span class=\"hint step-needs\" id=\"why-verified\">.*?</span>")),
                links(refused));
        String english = element(page(path(location), "en"), "<p class=\"alert refused\" id=\"refused\"[^>]*>.*?</p>");
        assertTrue(english.contains("Record the initial assessment first"), english);

        // A later step that needs two records (the limited meeting and the assignment letter) names both.
        RenderedForm.holding(page(sopPath, "id"), "save-findings").with("evidence_examined", "Tangkapan layar chat, sintetis")
                .submit(session).then().statusCode(303);
        for (String component : VerificationComponent.ALL) {
            RenderedForm.holding(page(casePath, "id"), "check-" + component).submit(session).then().statusCode(303);
        }
        String section = element(page(sopPath, "id"), "<section id=\"assessment\">.*?</section>");
        RenderedForm.holding(section, "save-assessment").with("condition", "stable").with("risk_level", "low")
                .with("risks", "Risiko sintetis").with("mitigation", "Mitigasi sintetis").submit(session).then().statusCode(303);
        RenderedForm.holding(page(casePath, "id"), "status-verified").submit(session).then().statusCode(303);
        String there = RenderedForm.holding(page(sopPath, "id"), "sop-status-in_examination").submit(session).then().statusCode(303)
                .extract().header("Location");
        shown = page(path(there).replaceFirst("#.*$", ""), "id");
        refused = element(shown, "<p class=\"alert refused\" id=\"refused\"[^>]*>.*?</p>");
        assertEquals(List.of(sopPath + "#meeting", sopPath + "#letter"), links(refused), refused);
        assertEquals(links(element(page(sopPath, "id"), "<span class=\"hint step-needs\" id=\"sop-why-in_examination\">.*?</span>")),
                links(refused));
    }

    private static List<String> links(String html) {
        List<String> hrefs = new java.util.ArrayList<>();
        Matcher m = Pattern.compile("<a [^>]*href=\"([^\"]*)\"").matcher(html);
        while (m.find()) {
            hrefs.add(m.group(1));
        }
        return hrefs;
    }

    @Test
    void shouldLinkEveryRefusalOfAStageChangeToASectionThatExists() throws Exception {
        Set<String> codes = new TreeSet<>();
        Matcher code = Pattern.compile("(?:Optional\\.of|List\\.of|add)\\(\"([a-z_]+)\"\\)")
                .matcher(Files.readString(Path.of("src/main/java/id/ruangaman/casework/SopStepGuards.java")));
        while (code.find()) {
            codes.add(code.group(1));
        }
        assertTrue(codes.size() >= 8, codes.toString());
        codes.add("checklist_incomplete");
        String sopPage = Files.readString(Path.of("src/main/resources/templates/CaseworkResource/page.html"));
        String casePage = Files.readString(Path.of("src/main/resources/templates/CaseResource/view.html"));
        RefusalFixes fixes = new RefusalFixes();
        for (String c : codes) {
            String section = fixes.section(c);
            assertTrue(section != null, "no form linked for refusal " + c);
            String template = "checklist".equals(section) ? casePage : sopPage;
            assertTrue(template.contains("<section id=\"" + section + "\"") || template.contains("<section class=\"" + section
                    + "\" id=\"" + section + "\""), "no section #" + section + " for refusal " + c);
        }
    }

    private String page(String path, String language) {
        return getAs(session).cookie("ruangaman-lang", language).accept("text/html").when().get(path).then().statusCode(200)
                .extract().asString();
    }

    private static String path(String location) {
        return location.replaceFirst("^https?://[^/]+", "");
    }

    private static String element(String html, String regex) {
        Matcher m = Pattern.compile("(?s)" + regex).matcher(html);
        assertTrue(m.find(), "no " + regex);
        return m.group();
    }

    private static String attribute(String html, String marker, String name) {
        Matcher m = Pattern.compile("<a [^>]*" + Pattern.quote(marker) + "[^>]*>").matcher(html);
        assertTrue(m.find(), "no link " + marker + " in " + html);
        Matcher value = Pattern.compile(name + "=\"([^\"]*)\"").matcher(m.group());
        assertTrue(value.find());
        return value.group(1);
    }
}
