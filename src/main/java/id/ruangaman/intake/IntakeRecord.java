package id.ruangaman.intake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.ruangaman.conversation.Answer;

/**
 * Groups a flow's answers by the components of the SOP's verified report, so the inbox can lay an
 * intake out the way counsellors verify it. Answer keys not listed here land under {@code other}.
 */
public final class IntakeRecord {

    /** SOP component → the answer keys of the intake flow that feed it, in reading order. */
    public static final Map<String, List<String>> COMPONENTS = componentMap();

    private IntakeRecord() {
    }

    private static Map<String, List<String>> componentMap() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        map.put("identification", List.of("reporter_role", "victim_minor", "name", "age_range", "gender",
                "campus_status", "unit", "disability"));
        map.put("chronology", List.of("incident_date", "incident_place", "chronology", "relation", "reported_person"));
        map.put("evidence", List.of("evidence_consent", "evidence"));
        map.put("witnesses", List.of("witnesses"));
        map.put("needs", List.of("services", "urgent_need"));
        map.put("safety", List.of("in_danger", "safe_to_reply", "contact_times", "never_do", "code_word"));
        map.put("consent", List.of("consent", "language"));
        return Map.copyOf(map);
    }

    /** The answers arranged by component; every answer appears exactly once. */
    public static Map<String, Map<String, Answer>> group(Map<String, Answer> answers) {
        Map<String, Map<String, Answer>> grouped = new LinkedHashMap<>();
        Map<String, Answer> rest = new LinkedHashMap<>(answers);
        for (String component : List.of("identification", "chronology", "evidence", "witnesses", "needs", "safety", "consent")) {
            Map<String, Answer> part = new LinkedHashMap<>();
            for (String key : COMPONENTS.get(component)) {
                Answer answer = rest.remove(key);
                if (answer != null) {
                    part.put(key, answer);
                }
            }
            grouped.put(component, part);
        }
        if (!rest.isEmpty()) {
            grouped.put("other", rest);
        }
        return grouped;
    }
}
