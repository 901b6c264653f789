package id.ruangaman.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A person types an answer to a multi-choice question of {@code conversations/intake.yaml} that says what they do NOT
 * want ("tidak butuh bantuan hukum"): the negation governs the phrase after it, across verbs such as butuh, perlu,
 * mau, need, want and across "atau" / "or", up to a comma or another word ("tapi", "but"). A negated option is never
 * ticked, and is unticked when it was; a mixed answer ticks only the wanted ones. Each row is a labelled fixture: the
 * chat language, the question, what was already ticked, what was typed, and the selection after it ("-": nothing
 * ticked; "?": not understood, asked again, selection unchanged). The first row is walkthrough 7's.
 */
class MultiChoiceNegationTest {

    private static Flow intake;
    private final FlowEngine engine = TestEngines.atGoldenStart();

    @BeforeAll
    static void load() {
        intake = ShippedFlows.intake();
    }

    @ParameterizedTest(name = "{1} [{2}] ''{3}'' -> {4}")
    @CsvSource(delimiter = '|', value = {
            // walkthrough 7: the negation was read only right before the option's words
            "id|services|-|tidak butuh bantuan hukum|-",
            // the same kind: a negation, then a verb, then what is not wanted
            "id|services|-|nggak perlu psikolog|-",
            "id|services|-|gak mau lapor polisi|-",
            "id|services|-|ga usah ke pengacara|-",
            "id|services|-|jangan lapor polisi dulu|-",
            "id|services|-|belum perlu pengacara|-",
            "id|services|-|tanpa polisi|-",
            "id|services|-|saya tidak ingin bantuan hukum|-",
            "en|services|-|no police|-",
            "en|services|-|I don't want a lawyer|-",
            "en|services|-|I dont need a psychologist|-",
            "en|services|-|without the police|-",
            "en|services|-|not legal help|-",
            // a mixed answer ticks only the wanted one
            "id|services|-|mau psikolog tapi tidak mau polisi|psychological",
            "id|services|-|butuh psikolog, tapi nggak butuh pengacara|psychological",
            "id|services|-|bantuan hukum, tidak ke psikolog|legal",
            "id|services|-|nggak mau polisi atau pengacara, cuma psikolog|psychological",
            "id|services|-|tanpa polisi, ke dokter saja|medical",
            "en|services|-|I need a doctor but no police|medical",
            "en|services|-|without police or a lawyer, just a therapist please|psychological",
            "en|services|-|no, I want a lawyer|legal",
            // status 9, noticed: "aja" / "saja" / "only" / "just" marks the wanted one; the negation covers polisi only
            "id|services|-|nggak mau polisi psikolog aja|psychological",
            "id|services|-|gak mau polisi, psikolog aja|psychological",
            "id|services|-|tidak perlu polisi dokter saja|medical",
            "id|services|-|nggak usah pengacara psikolog aja|psychological",
            "id|services|-|psikolog aja, nggak mau polisi|psychological",
            "en|services|-|no police just a therapist|psychological",
            "en|services|-|no police only a doctor|medical",
            "en|services|-|not the police, only a doctor|medical",
            // what was ticked and is now said not to be wanted is unticked
            "id|services|legal|tidak butuh bantuan hukum|-",
            "id|services|legal,psychological|nggak perlu psikolog|legal",
            "en|services|legal|I don't want a lawyer after all|-",
            // plain answers still work
            "id|services|-|butuh bantuan hukum|legal",
            "id|services|-|psikolog dan dokter|psychological,medical",
            "id|services|-|saya belum tahu|not_sure",
            "en|services|-|a lawyer and a doctor|legal,medical",
            "id|services|-|apa ya|?",
            // the violence question: what did not happen is not ticked
            "id|violence_type|-|tidak diperkosa, tapi diraba|sexual_assault",
            "id|violence_type|-|bukan perkosaan, dipukul|physical_assault",
            "id|violence_type|-|tidak dipukul atau ditampar, tapi dicium paksa|sexual_assault",
            "id|violence_type|rape|bukan diperkosa|-",
            "en|violence_type|-|I wasn't raped but he groped me|sexual_assault",
            "en|violence_type|-|not raped, slapped|physical_assault",
            // a negation reaches no further than the words it governs: these still say what happened
            "id|violence_type|-|aku diperkosa dan dipukul|rape,physical_assault",
            "id|violence_type|-|aku tidak sadar lalu diperkosa|rape",
            "id|violence_type|-|dia tidak berhenti, aku diperkosa|rape",
            "id|violence_type|-|Pesan seksual tak diinginkan|unwanted_messages",
            "en|violence_type|-|no one helped me, I was raped|rape",
            "en|violence_type|-|he didn't stop and I was groped|sexual_assault"})
    void shouldTickOnlyWhatIsWanted(String language, String question, String ticked, String typed, String expected) {
        SessionState state = at(question, language);
        for (String option : list(ticked)) {
            state = engine.handle(intake, state, Input.ButtonPress.fromCallbackData(question + ":" + option)).state();
        }
        Step step = engine.handle(intake, state, new Input.Text(typed));

        List<String> before = state.draft().selected();
        List<String> after = step.state().draft().selected();
        if ("?".equals(expected)) {
            assertEquals(before, after);
            assertEquals(1, step.state().retries(), "asked again");
            return;
        }
        assertEquals(list(expected), after);
        assertEquals(0, step.state().retries(), "understood, not asked again");
        String reply = ((Output.Message) step.outputs().get(0)).text();
        if (after.isEmpty()) { // every choice taken off: said kindly, never "Dipilih: —."
            assertTrue(reply.startsWith("id".equals(language) ? "Belum ada yang dipilih." : "Nothing chosen yet."), reply);
        } else {
            assertTrue(reply.contains("id".equals(language) ? "\nDipilih: " : "\nChosen: "), reply);
        }
        assertFalse(reply.contains("—"), reply);
    }

    private SessionState at(String question, String language) {
        List<String> buttons = new ArrayList<>(List.of("language:" + language, "consent:yes", "in_danger:no",
                "safe_to_reply:yes", "reporter_role:victim", "send_now:details"));
        if (question.equals("services")) {
            buttons.addAll(List.of("violence_type:skip", "incident_when:skip", "victim_minor:no", "incident_place:skip",
                    "chronology:skip", "biodata_offer:no", "reported_offer:no", "evidence_consent:no"));
        }
        SessionState state = engine.start(intake).state();
        for (String button : buttons) {
            state = engine.handle(intake, state, Input.ButtonPress.fromCallbackData(button)).state();
        }
        assertEquals(question, state.nodeId());
        return state;
    }

    private static List<String> list(String ids) {
        return "-".equals(ids) ? List.of() : Arrays.asList(ids.split(","));
    }
}
