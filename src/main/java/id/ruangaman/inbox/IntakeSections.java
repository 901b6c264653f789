package id.ruangaman.inbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;

import id.ruangaman.conversation.Answer;
import id.ruangaman.conversation.SessionStateJson;

/** The decrypted intake record, laid out by the SOP components (identification, chronology, ...). */
public record IntakeSections(List<Section> sections, boolean chatUnsafe, List<String> missingParts) {

    public IntakeSections(List<Section> sections, boolean chatUnsafe) {
        this(sections, chatUnsafe, List.of());
    }

    public record Section(String component, List<AnswerLine> answers) {
    }

    public static IntakeSections of(String answersJson) {
        if (answersJson == null || answersJson.isBlank()) {
            return new IntakeSections(List.of(), false);
        }
        Map<String, LinkedHashMap<String, Answer>> grouped = id.ruangaman.intake.IntakeRecord.read(answersJson);
        List<Section> sections = new ArrayList<>();
        grouped.forEach((component, answers) -> sections.add(new Section(component,
                answers.entrySet().stream().map(e -> AnswerLine.of(e.getKey(), e.getValue())).toList())));
        Answer safe = grouped.getOrDefault("safety", new LinkedHashMap<>()).get("safe_to_reply");
        boolean unsafe = safe != null && !safe.skipped() && "no".equals(safe.value());
        Map<String, Answer> flat = new LinkedHashMap<>();
        grouped.values().forEach(flat::putAll);
        return new IntakeSections(sections, unsafe, id.ruangaman.intake.IntakeRecord.missingParts(flat));
    }

    /**
     * Why the case has MEDIS MENDESAK, after the intake flow's {@code urgent_medical} condition
     * (conversations/intake.yaml: rape or sexual assault, and {@code incident_when} either {@code within_72h} or
     * unanswered): {@code within_72h} when the person answered "in the last 3 days", {@code time_unknown} when the
     * question was skipped, not understood or not reached, "" for any other answer (a flow whose condition changed).
     * Read only for a case with the flag; the note beside it says which reason applies.
     */
    public String urgentMedicalReason() {
        AnswerLine when = section("chronology").answers().stream().filter(a -> "incident_when".equals(a.key())).findFirst()
                .orElse(null);
        if (when == null || when.skipped()) {
            return "time_unknown";
        }
        return "within_72h".equals(when.answer().value()) ? "within_72h" : "";
    }

    /**
     * The stored option id of the answer under {@code key} in {@code component} ({@code reporter_role} → {@code witness}),
     * "" when not given or skipped. For wording that depends on who reported; never shown as such.
     */
    public String choice(String component, String key) {
        return section(component).answers().stream().filter(a -> key.equals(a.key()) && !a.skipped() && a.answer().value() != null)
                .map(a -> a.answer().value()).findFirst().orElse("");
    }

    /** The answers of the safe-contact plan, in the flow's order, as given (skipped ones left out). */
    private static final List<String> CONTACT_PLAN = List.of("contact_times", "never_do", "code_word");

    /**
     * How the person asked to be contacted (safe times, what never to do, the code word to write), for the reply box:
     * the answers the person gave, empty when they set no plan.
     */
    public List<AnswerLine> contactPlan() {
        return CONTACT_PLAN.stream().flatMap(key -> sections.stream().flatMap(s -> s.answers().stream())
                .filter(a -> key.equals(a.key()) && !a.skipped() && !a.text().isBlank()).limit(1)).toList();
    }

    public Section section(String component) {
        return sections.stream().filter(s -> s.component().equals(component)).findFirst()
                .orElse(new Section(component, List.of()));
    }
}
