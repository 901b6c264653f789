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

    public Section section(String component) {
        return sections.stream().filter(s -> s.component().equals(component)).findFirst()
                .orElse(new Section(component, List.of()));
    }
}
