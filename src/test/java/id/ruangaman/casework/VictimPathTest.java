package id.ruangaman.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Every stage action against every path the victim may choose at the rapat terbatas (and none yet), as one table: what
 * the SOP lets follow each choice ({@link VictimPath}). "-" allowed; "exam" refused as not chosen
 * ({@code victim_did_not_choose_examination}); "consent" refused for want of the victim's consent to recovery
 * ({@code victim_not_proceeding}); "closed" a closed case, never reopened ({@code case_closed}). Found first: a recovery
 * plan was recorded after the victim chose not to proceed.
 */
class VictimPathTest {

    private static final List<String> CHOICES = Arrays.asList(null, "examination", "accompaniment_only", "not_proceed", "undecided");

    /** Action → expected per choice, in the order of {@link #CHOICES}: none yet, examination, accompaniment only, not proceed, undecided. */
    private static final Map<String, String> TABLE = new LinkedHashMap<>();

    static {
        TABLE.put("findings", "-  -  -  -  -"); // verification comes before the meeting
        TABLE.put("verified", "-  -  -  -  -");
        TABLE.put("meeting", "-  -  -  -  -"); // the victim may change their mind at a new meeting
        TABLE.put("letter", "-  -  exam exam exam"); // the surat tugas follows the choice of an examination (11.2)
        TABLE.put("in_examination", "-  -  exam exam exam");
        TABLE.put("interview", "-  -  exam exam exam");
        TABLE.put("minutes", "-  -  exam exam exam");
        TABLE.put("conclusion", "-  -  exam exam exam");
        TABLE.put("recommendation", "-  -  exam exam exam");
        TABLE.put("concluded", "-  -  exam exam exam");
        TABLE.put("decided", "-  -  exam exam exam");
        TABLE.put("execution", "-  -  -  -  -"); // the leadership's decision, once made, stands
        TABLE.put("certificate", "-  -  -  -  -");
        TABLE.put("recovery", "-  -  -  consent -"); // only with consent (Investigasi dan Pendampingan 3)
        TABLE.put("checkin", "-  -  -  consent -");
        TABLE.put("recovery-end", "-  -  -  -  -"); // consent not given or withdrawn is recorded here, so the case can close
        TABLE.put("referral", "-  -  -  -  -"); // accompaniment goes through referrals; a team decision
        TABLE.put("closed", "-  -  -  -  -");
        TABLE.put("reopen", "closed closed closed closed closed");
    }

    private static final Map<String, String> CODES = Map.of("-", "", "exam", "victim_did_not_choose_examination", "consent",
            "victim_not_proceeding", "closed", "case_closed");

    @Test
    void shouldWeighEveryStageActionAgainstEveryPathTheVictimMayChoose() {
        assertEquals(VictimPath.ACTIONS, List.copyOf(TABLE.keySet()), "the table names every stage action, in the SOP's order");
        List<String> wrong = new ArrayList<>();
        TABLE.forEach((action, row) -> {
            String[] expected = row.trim().split("\\s+");
            assertEquals(CHOICES.size(), expected.length, action);
            for (int i = 0; i < CHOICES.size(); i++) {
                String got = VictimPath.refusal(action, CHOICES.get(i)).orElse("");
                if (!CODES.get(expected[i]).equals(got)) {
                    wrong.add(action + " after " + CHOICES.get(i) + ": " + (got.isEmpty() ? "allowed" : got));
                }
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void shouldTakeTheLatestMeetingsChoice() {
        LimitedMeeting first = new LimitedMeeting();
        first.victimChoice = "examination";
        LimitedMeeting later = new LimitedMeeting();
        later.victimChoice = "not_proceed";
        assertEquals("not_proceed", VictimPath.latestChoice(List.of(first, later)));
        assertEquals(null, VictimPath.latestChoice(List.of()));
    }
}
