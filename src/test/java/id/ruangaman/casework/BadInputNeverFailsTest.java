package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.as;
import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.CaseFileRepository;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.referral.ReferralTestData;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import id.ruangaman.testing.OversizedPost;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Walkthrough 13, item 2: every form of the inbox, posted as a browser posts it (HTML accepted, form-encoded) with bad
 * input in every field it has (empty, far too long, an impossible or wrongly written date, a number that is not one,
 * an id that does not exist), and every list with bad filters, is answered with a page or a refusal, never a 500.
 * Synthetic case and texts.
 */
@QuarkusTest
class BadInputNeverFailsTest {

    /** Every field name the inbox's forms have (from the templates). */
    private static final List<String> FIELDS = List.of("accessibility", "accompaniment", "accompaniment_agreed", "acknowledge_unsafe", "action", "active",
            "actor", "address", "aggravating", "assignee", "attendees", "back", "campus_status", "certificate_issuer",
            "certificate_number", "certificate_on", "channel", "checked", "checked_on", "checkin_note", "checkin_provider", "child",
            "choice_notes", "city", "completion_report_on", "component", "condition", "condition_notes", "conflict_account",
            "consent_by", "consent_on", "contact", "cost", "danger", "decided_on", "decision_number", "decision_text", "emergency",
            "ended_on", "evidence_examined", "examination_summary", "execution_notes", "from", "good_name", "good_name_restored",
            "heavier_reason", "held_at", "held_on", "hours", "institution", "interview_attendees", "issued_on", "key", "kind",
            "lang", "languages", "letter_number", "meeting_consent", "minors", "mitigation", "name", "not_proven_statement", "options_explained",
            "outcome", "part", "party", "party_account", "party_identity", "party_name", "party_role", "period", "place", "plan",
            "present_parties", "prevention", "procedure_consequences", "programme", "protection", "provider", "providers", "q", "reason", "recording_consent", "recovery",
            "recovery_end_note", "recovery_end_reason", "recovery_until", "ref", "region", "risk_level", "risks", "role",
            "sanction_details", "sanction_measure", "search", "service", "show_media_unblurred", "signatory_name",
            "signatory_title", "state", "status", "summary", "team", "text", "to", "urgent", "username", "victim_choice",
            "victim_status", "view", "violence", "violence_form", "with_whom", "year", "page");

    /**
     * Longer than any field takes (the longest, an examination's minutes, takes 8000 characters), yet short enough that
     * one in every field keeps the whole form under the body limit (1 MB), so the form itself has to refuse it. A body
     * over the limit is refused by the HTTP layer before any form is read: {@link #shouldRefuseAFormOverTheBodyLimit}.
     */
    private static final String TOO_LONG = "x".repeat(8_100);

    private static final List<String> BAD = List.of("", " ", TOO_LONG, "2026-02-31", "31/12/2026", "99999-01-01T25:61",
            "-1", "abc", "99999999999999999999", "closed:nope", "<script>", "%00", "a\u0000b");

    @Inject
    InboxFixtures fixtures;
    @Inject
    CaseFileRepository cases;
    @Inject
    CaseworkRepository repo;
    @Inject
    ReferralTestData data;

    @Test
    void shouldAnswerBadInputInEveryFormWithoutAServerError() {
        Account coordinator = fixtures.account("bad-input-coordinator", Role.COORDINATOR);
        fixtures.account("bad-input-pimpinan", Role.PIMPINAN);
        Account other = fixtures.account("bad-input-counsellor", Role.COUNSELLOR);
        String ref = fixtures.submittedCase(true);
        long id = QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().id);
        String session = InboxFixtures.login("bad-input-coordinator");
        new CaseworkSteps(session, ref).toConcluded(coordinator.id, "written_warning",
                () -> QuarkusTransaction.requiringNew().call(() -> repo.parties(id).get(0).id));
        long interview = QuarkusTransaction.requiringNew().call(() -> repo.interviews(id).get(0).id);
        String leader = InboxFixtures.login("bad-input-pimpinan");
        String referralCase = data.sentinelCase();
        long referral = data.draftAndAsk(session, referralCase);

        String c = "/inbox/cases/" + ref;
        List<String> posts = new ArrayList<>(List.of(c + "/assign", c + "/checks", c + "/notes", c + "/reply", c + "/reveal",
                c + "/status", c + "/referrals", "/inbox/cases/" + referralCase + "/referrals", "/inbox/referrals/" + referral + "/ask",
                "/inbox/referrals/" + referral + "/guardian", "/inbox/referrals/" + referral + "/parts",
                "/inbox/referrals/" + referral + "/status", "/inbox/referrals/abc/status", "/inbox/referrals/99999999999999999999/parts",
                "/inbox/accounts", "/inbox/accounts/" + other.id + "/password", "/inbox/accounts/abc/active",
                "/inbox/providers", "/inbox/providers/abc", "/inbox/providers/99999999999/active", "/inbox/settings",
                "/inbox/account/password", "/inbox/language", "/inbox/cases/NOPE-1/notes"));
        for (String form : List.of("assessment", "certificate", "checkins", "conclusion", "conflicts", "execution", "findings",
                "interviews", "interviews/" + interview, "interviews/abc", "letter", "meetings", "parties", "recommendation",
                "recovery", "recovery-end", "recovery-end/clear", "status")) {
            posts.add(c + "/sop/" + form);
        }
        Map<String, Integer> failures = new LinkedHashMap<>();
        for (String path : posts) {
            for (String bad : BAD) {
                Response response = post(session, path, bad);
                check(failures, "POST " + path + " [" + label(bad) + "]", response);
                if (response.statusCode() == 413) { // the HTTP layer's refusal: the form itself was never tried
                    failures.put("POST " + path + " [" + label(bad) + "] over the body limit", 413);
                }
            }
            check(failures, "POST " + path + " [no fields]", as(session).accept(ContentType.HTML).contentType(ContentType.URLENC)
                    .redirects().follow(false).post(path));
        }
        for (String bad : BAD) {
            check(failures, "POST decision [" + label(bad) + "]", post(leader, "/inbox/pimpinan/" + ref + "/decision", bad));
        }
        for (String page : List.of("/inbox", "/inbox/audit", "/inbox/reports/leadership", "/inbox/referrals", "/inbox/pimpinan",
                "/inbox/reports/leadership.csv")) {
            for (String bad : BAD.stream().filter(b -> b.length() < 100).toList()) { // a long URL is refused by the HTTP layer
                var get = getAs(session).accept(ContentType.HTML).redirects().follow(false);
                for (String field : List.of("view", "status", "channel", "role", "service", "ref", "violence", "urgent", "child", "danger", "page",
                        "actor", "action", "from", "to", "year", "period", "q", "search", "state")) {
                    get = get.queryParam(field, bad);
                }
                check(failures, "GET " + page + " [" + label(bad) + "]", get.get(page));
            }
        }
        assertEquals(Map.of(), failures, "answered with a server error");
    }

    /**
     * A form of 2 MB (the body limit is 1 MB) is refused with 413 before it is read, and the inbox answers the next
     * request as before.
     */
    @Test
    void shouldRefuseAFormOverTheBodyLimit() throws Exception {
        fixtures.account("bad-input-oversized", Role.COUNSELLOR);
        String session = InboxFixtures.login("bad-input-oversized");
        byte[] form = ("text=" + "x".repeat(2 * 1024 * 1024)).getBytes(StandardCharsets.US_ASCII);
        Map<String, String> headers = Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html",
                "Cookie", "ruangaman-session=" + session);
        for (boolean chunked : List.of(false, true)) {
            assertEquals(413, OversizedPost.post("/inbox/cases/NOPE-1/notes", headers, form, chunked), "chunked: " + chunked);
        }
        assertEquals(200, getAs(session).get("/inbox").statusCode());
    }

    private static Response post(String session, String path, String bad) {
        var request = as(session).accept(ContentType.HTML).contentType(ContentType.URLENC).redirects().follow(false);
        for (String field : FIELDS) {
            request = request.formParam(field, bad);
        }
        return request.post(path);
    }

    private static void check(Map<String, Integer> failures, String what, Response response) {
        if (response.statusCode() >= 500) {
            failures.put(what, response.statusCode());
        }
    }

    private static String label(String bad) {
        return bad.length() > 20 ? bad.length() + " chars" : bad;
    }
}
