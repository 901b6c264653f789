package id.ruangaman.intake;

import id.ruangaman.conversation.SessionStateJson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        map.put("identification", List.of("reporter_role", "victim_knows", "victim_minor", "name", "age_range", "gender",
                "campus_status", "unit", "disability"));
        map.put("chronology", List.of("violence_type", "incident_when", "incident_date", "incident_place", "chronology", "relation",
                "reported_person"));
        map.put("evidence", List.of("evidence_consent", "evidence", "evidence_links"));
        map.put("witnesses", List.of("witnesses"));
        map.put("needs", List.of("services", "urgent_need"));
        map.put("safety", List.of("in_danger", "safe_to_reply", "contact_times", "never_do", "code_word"));
        map.put("consent", List.of("consent", "stats_consent", "language"));
        return Map.copyOf(map);
    }

    /**
     * Answers that only choose the way through the intake ("send now or tell more", "fill in your details?"): not
     * part of the record. What the person did not give shows as missing parts instead ({@link #missingParts}).
     */
    public static final Set<String> NAVIGATION = Set.of("send_now", "biodata_offer", "reported_offer", "contact_offer");

    /** Parts of an intake a counsellor may need to complete with the person, each with the answer keys that fill it. */
    public static final Map<String, List<String>> PARTS = partMap();

    private static Map<String, List<String>> partMap() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        map.put("violence_type", List.of("violence_type"));
        map.put("when", List.of("incident_when", "incident_date"));
        map.put("chronology", List.of("chronology"));
        map.put("about_reporter", List.of("name", "age_range", "gender", "campus_status", "unit", "disability"));
        map.put("reported_person", List.of("relation", "reported_person"));
        map.put("evidence", List.of("evidence", "evidence_links", "witnesses"));
        map.put("needs", List.of("services", "urgent_need"));
        return java.util.Collections.unmodifiableMap(map);
    }

    /** The parts with no answer given (skipped or never asked), in {@link #PARTS} order. */
    public static List<String> missingParts(Map<String, Answer> answers) {
        return PARTS.entrySet().stream()
                .filter(part -> part.getValue().stream().map(answers::get).noneMatch(answer -> answer != null && !answer.skipped()))
                .map(Map.Entry::getKey).toList();
    }

    /** The answers arranged by component; every answer appears exactly once. */
    public static Map<String, Map<String, Answer>> group(Map<String, Answer> answers) {
        Map<String, Map<String, Answer>> grouped = new LinkedHashMap<>();
        Map<String, Answer> rest = new LinkedHashMap<>(answers);
        NAVIGATION.forEach(rest::remove);
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

    private static final com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, LinkedHashMap<String, Answer>>> GROUPED =
            new com.fasterxml.jackson.core.type.TypeReference<>() {
            };

    /**
     * The one codec of {@code intake.answers}: the answers grouped by SOP component ({@link #group}) as JSON, the
     * shape the inbox, the prints and the leadership report read back with {@link #read}.
     */
    public static String write(Map<String, Answer> answers) {
        try {
            return SessionStateJson.mapper().writeValueAsString(group(answers));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise the intake record", e);
        }
    }

    /** The grouped answers written by {@link #write}, in their order; empty for a blank record. */
    public static LinkedHashMap<String, LinkedHashMap<String, Answer>> read(String json) {
        if (json == null || json.isBlank()) {
            return new LinkedHashMap<>();
        }
        try {
            return SessionStateJson.mapper().readValue(json, GROUPED);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Unreadable intake record", e);
        }
    }
}
