package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import id.ruangaman.testing.RenderedForm;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Leadership (pimpinan) is shown in its own role, never as a task-force member: the party form offers a pimpinan's
 * account apart from the task force's members, and a party linked to it is listed as pimpinan, not as "anggota Satuan
 * Tugas". The surat tugas's team offers only the task force. Synthetic names only.
 */
@QuarkusTest
class LeadershipNotAMemberTest {

    private static final Pattern OPTGROUP = Pattern.compile("(?is)<optgroup label=\"([^\"]*)\"[^>]*>(.*?)</optgroup>");

    @Inject
    InboxFixtures fixtures;

    @Test
    void shouldOfferAndShowThePimpinanApartFromTheTaskForce() {
        Account counsellor = fixtures.account("lead-not-member-counsellor", Role.COUNSELLOR);
        Account leader = fixtures.account("lead-not-member-pimpinan", Role.PIMPINAN);
        String session = InboxFixtures.login("lead-not-member-counsellor");
        String ref = fixtures.submittedCase(true);
        new CaseworkSteps(session, ref).toExamination(counsellor.id);
        String sop = "/inbox/cases/" + ref + "/sop";

        String page = getAs(session).cookie("ruangaman-lang", "id").when().get(sop).then().statusCode(200).extract().asString();
        String select = page.substring(page.indexOf("id=\"party-account\""), page.indexOf("</select>", page.indexOf("id=\"party-account\"")));
        String members = null;
        String leaders = null;
        Matcher group = OPTGROUP.matcher(select);
        while (group.find()) {
            if (group.group(1).equals("Anggota Satuan Tugas")) {
                members = group.group(2);
            } else if (group.group(1).equals("Pimpinan")) {
                leaders = group.group(2);
            }
        }
        assertTrue(members != null && members.contains("value=\"" + counsellor.id + "\""), "the counsellor among the members: " + select);
        assertFalse(members.contains("value=\"" + leader.id + "\""), "the pimpinan is not offered as a member: " + select);
        assertTrue(leaders != null && leaders.contains("value=\"" + leader.id + "\""), "the pimpinan in its own group: " + select);
        assertFalse(page.contains("name=\"team\" value=\"" + leader.id + "\""), "nor in the surat tugas's team");

        // the real party form, the pimpinan's account chosen
        assertEquals(303, RenderedForm.holding(page, "party-account").with("party_role", "terlapor").with("party_name", "Dodi Sintetis")
                .with("campus_status", "lecturer").with("party_account", String.valueOf(leader.id)).submit(session).statusCode());
        String after = getAs(session).cookie("ruangaman-lang", "id").when().get(sop).then().statusCode(200).extract().asString();
        String row = after.substring(after.indexOf("<tr id=\"party-"), after.indexOf("</tr>", after.indexOf("<tr id=\"party-")));
        assertTrue(row.contains("pimpinan (akunnya tidak bisa membuka kasus ini)"), row);
        assertFalse(row.contains("anggota Satuan Tugas"), "the pimpinan is not listed as a task-force member: " + row);
    }
}
