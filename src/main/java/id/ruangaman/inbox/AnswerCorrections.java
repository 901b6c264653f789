package id.ruangaman.inbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import id.ruangaman.conversation.Answer;
import id.ruangaman.intake.AnswerCorrection;

/**
 * The report's answers as the case page and the intake form print show them with the pelapor's corrections
 * ({@link AnswerCorrection}: edits, sent after the report, of lines that made answers). The report itself is never
 * changed; what is verified is never replaced:
 * <ul>
 * <li>a correction made before the answer's part of the report was verified is shown as the answer, the report's
 * words kept beside it ({@link AnswerLine.Corrections#reported}): the counsellor verifies what the pelapor meant;</li>
 * <li>one made after is shown beside the verified text ({@link AnswerLine.Corrections#later}).</li>
 * </ul>
 * A part is verified when the counsellor ticked it on the checklist (SOP Pemeriksaan/Verifikasi: the six components of
 * the verified report; {@link CaseCheck#checkedAt}); the answers of no checklist part (safety, consent) count as verified
 * once the case is, from when its checklist was complete. Of the corrections of one line on each side, the last counts;
 * one that says what the answer says already changes nothing.
 */
final class AnswerCorrections {

    private AnswerCorrections() {
    }

    /**
     * {@code intake} with {@code corrections} (oldest first) laid over its answers. {@code checkedAt}: the checklist's
     * ticked parts and when; {@code caseVerified}: the case is verified or past it ({@link CaseFile#isVerified}).
     */
    static IntakeSections applied(IntakeSections intake, List<AnswerCorrection> corrections, Map<String, Instant> checkedAt,
            boolean caseVerified) {
        if (corrections.isEmpty()) {
            return intake;
        }
        List<IntakeSections.Section> sections = intake.sections().stream().map(section -> new IntakeSections.Section(
                section.component(), section.answers().stream().map(line -> corrected(line,
                        corrections.stream().filter(c -> c.answerKey.equals(line.key())).toList(),
                        verifiedAt(section.component(), checkedAt, caseVerified))).toList()))
                .toList();
        return new IntakeSections(sections, intake.chatUnsafe(), intake.missingParts());
    }

    /** When the answers of {@code component} were verified; null while they are not. */
    static Instant verifiedAt(String component, Map<String, Instant> checkedAt, boolean caseVerified) {
        Instant ticked = checkedAt.get(component);
        if (ticked != null || !caseVerified) {
            return ticked;
        }
        return checkedAt.values().stream().max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
    }

    private static AnswerLine corrected(AnswerLine line, List<AnswerCorrection> mine, Instant verifiedAt) {
        if (mine.isEmpty() || line.answer() == null || line.skipped()) {
            return line;
        }
        Map<String, AnswerCorrection> before = new LinkedHashMap<>();
        Map<String, AnswerCorrection> after = new LinkedHashMap<>();
        for (AnswerCorrection c : mine) { // oldest first: the last of each line on each side stays
            (verifiedAt == null || c.createdAt.isBefore(verifiedAt) ? before : after).put(c.answerPart + "/" + c.answerParts, c);
        }
        Answer reported = line.answer();
        Answer shown = reported;
        Instant changedAt = null;
        List<AnswerCorrection> descending = new ArrayList<>(before.values());
        descending.sort(Comparator.comparing((AnswerCorrection c) -> c.answerPart == null ? -1 : c.answerPart).reversed());
        for (AnswerCorrection c : descending) { // from the last part: the places of the parts before it stay
            String was = wordsAt(reported, c);
            if (was == null || squeezed(was).equals(squeezed(c.body))) {
                continue;
            }
            shown = replaced(shown, c);
            changedAt = changedAt == null || c.createdAt.isAfter(changedAt) ? c.createdAt : changedAt;
        }
        List<AnswerLine.Later> later = new ArrayList<>();
        List<AnswerCorrection> ascending = new ArrayList<>(after.values());
        ascending.sort(Comparator.comparing((AnswerCorrection c) -> c.answerPart == null ? -1 : c.answerPart));
        for (AnswerCorrection c : ascending) {
            String verified = changedAt == null ? wordsAt(reported, c) : wordsAtShown(reported, shown, c, descending);
            if (verified == null || !squeezed(verified).equals(squeezed(c.body))) {
                later.add(new AnswerLine.Later(c.body, verified, c.createdAt, c.messageId));
            }
        }
        if (changedAt == null && later.isEmpty()) {
            return line;
        }
        return new AnswerLine(line.key(), shown, line.skipped(), line.mediaIds(),
                new AnswerLine.Corrections(changedAt == null ? null : reported, changedAt, later));
    }

    /**
     * The words the verified answer {@code shown} holds at the place of {@code c}, a correction after verification: the
     * words of the correction before it of the same line when there was one, else the report's.
     */
    private static String wordsAtShown(Answer reported, Answer shown, AnswerCorrection c, List<AnswerCorrection> applied) {
        return applied.stream().filter(a -> Objects.equals(a.answerPart, c.answerPart) && a.answerParts == c.answerParts)
                .map(a -> a.body).findFirst().orElseGet(() -> wordsAt(reported, c));
    }

    /** The report's words at the place of {@code c}; null when the answer has no such place. */
    private static String wordsAt(Answer answer, AnswerCorrection c) {
        if (c.answerPart == null) {
            return "text".equals(answer.kind()) ? answer.value() : null;
        }
        int from = c.answerPart;
        int to = from + c.answerParts;
        if (from < 0 || c.answerParts < 1 || to > answer.parts().size()) {
            return null;
        }
        return String.join(" ", answer.parts().subList(from, to));
    }

    private static Answer replaced(Answer answer, AnswerCorrection c) {
        if (c.answerPart == null) {
            return new Answer(answer.kind(), c.body, answer.values(), answer.raw(), answer.date(), answer.precision(),
                    answer.mediaIds(), answer.skipped(), answer.parts());
        }
        return answer.replacingParts(c.answerPart, c.answerParts, List.of(c.body));
    }

    private static final java.util.regex.Pattern WHITE_SPACE = java.util.regex.Pattern.compile("\\s+");

    private static String squeezed(String text) {
        return WHITE_SPACE.matcher(text).replaceAll("");
    }
}
