package id.ruangaman.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.Labels;
import id.ruangaman.intake.ConversationConfig;
import id.ruangaman.intake.FlowRegistry;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The audit log showed "Tingkat risiko: sedang" where the assessment form shows "Sedang": the audit log names each
 * value of the SOP's vocabularies (risk level, victim's choice, outcome, sanction tier, execution state, consent,
 * check-in with, aggravating factors) by the label its form shows, the same words in the same case, in both languages.
 */
@QuarkusTest
class AuditSopLabelsTest {

    @Inject
    FlowRegistry flows;
    @Inject
    ConversationConfig conversations;

    private record Vocabulary(String name, List<String> values, BiFunction<CaseworkMessages, String, String> label) {
    }

    private static final List<Vocabulary> VOCABULARIES = List.of(
            new Vocabulary("risk", List.of("low", "medium", "high"), CaseworkMessages::risk_of),
            new Vocabulary("choice", List.of("examination", "accompaniment_only", "not_proceed", "undecided"), CaseworkMessages::choice_of),
            new Vocabulary("outcome", List.of("proven", "not_proven"), CaseworkMessages::outcome_of),
            new Vocabulary("tier", List.of("ringan", "sedang", "berat"), CaseworkMessages::tier_of),
            new Vocabulary("state", List.of("planned", "in_progress", "completed"), CaseworkMessages::state_of),
            new Vocabulary("consent", List.of("victim", "guardian"), CaseworkMessages::consent_of),
            new Vocabulary("with", List.of("victim", "provider"), CaseworkMessages::with_of),
            new Vocabulary("aggravating", List.of("victim_disability", "victim_impact", "perpetrator_task_force",
                    "perpetrator_programme_head"), CaseworkMessages::aggravating_of));

    @Test
    void shouldShowEachSopValueByTheLabelItsFormShows() {
        Map<String, CaseworkMessages> forms = Map.of("id", MessageBundles.get(CaseworkMessages.class),
                "en", MessageBundles.get(CaseworkMessages.class, Localized.Literal.of("en")));
        List<String> different = new ArrayList<>();
        for (String lang : List.of("id", "en")) {
            Labels labels = Labels.in(flows, conversations, lang);
            for (Vocabulary vocabulary : VOCABULARIES) {
                String word = labels.auditDetail(vocabulary.name());
                for (String value : vocabulary.values()) {
                    String expected = word + " " + vocabulary.label().apply(forms.get(lang), value);
                    String shown = labels.auditDetail(vocabulary.name() + ":" + value);
                    if (!expected.equals(shown)) {
                        different.add(lang + " " + vocabulary.name() + ":" + value + " shows \"" + shown + "\", the form \"" + expected + "\"");
                    }
                }
            }
        }
        assertEquals(List.of(), different);
        assertEquals("Tingkat risiko: Sedang", Labels.in(flows, conversations, "id").auditDetail("risk:medium"));
    }
}
