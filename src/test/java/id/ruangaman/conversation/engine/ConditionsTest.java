package id.ruangaman.conversation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.ruangaman.conversation.Answer;
import id.ruangaman.conversation.Flow;
import id.ruangaman.conversation.ShippedFlows;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The intake's {@code urgent_medical} condition (conversations/intake.yaml; GBVIMS: rape or sexual assault within
 * 72 hours needs PEP and emergency contraception) with every state of "when did it last happen?": answered, skipped,
 * or never reached. Not knowing counts as possibly within 72 hours.
 */
class ConditionsTest {

    private static Flow intake;

    @BeforeAll
    static void load() {
        intake = ShippedFlows.intake();
    }

    @ParameterizedTest(name = "{0}, when {1}: {2}")
    @CsvSource({
            "rape, within_72h, true", "sexual_assault, within_72h, true", "rape, within_month, false", "rape, longer, false",
            "rape, (skipped), true", "sexual_assault, (not reached), true",
            "physical_assault, within_72h, false", "physical_assault, (skipped), false", "(skipped), (skipped), false"})
    void shouldFlagUrgentMedicalCareWhenTheTimeIsRecentOrUnknown(String violence, String when, boolean urgent) {
        Map<String, Answer> answers = new HashMap<>();
        answers.put("violence_type", violence.equals("(skipped)") ? Answer.skipped("multi_choice", null)
                : Answer.choices(List.of(violence)));
        if (when.equals("(skipped)")) {
            answers.put("incident_when", Answer.skipped("single_choice", "lupa"));
        } else if (!when.equals("(not reached)")) {
            answers.put("incident_when", Answer.choice("single_choice", when, null));
        }
        assertEquals(urgent, Conditions.holds(intake, "urgent_medical", answers));
        assertEquals(urgent, Conditions.flags(intake, answers).contains("urgent_medical"));
    }
}
