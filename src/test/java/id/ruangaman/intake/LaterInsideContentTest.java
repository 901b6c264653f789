package id.ruangaman.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import id.ruangaman.conversation.Answer;
import id.ruangaman.conversation.Input;
import id.ruangaman.conversation.Output;
import id.ruangaman.conversation.Step;

/**
 * A "later" word inside a sentence that tells something ("iya, nanti dia bilang ke dosennya kalau aku lapor", "besok
 * dia ngajar lagi", "he said not now") is content, not a putting-off. Before, any "later" word anywhere in a reply made
 * it one: at a question that may be skipped it was skipped, at an offer it was the no. At the consent, where a yes must be
 * a clear one, a "later" beside the yes still holds it, whoever it tells of ("iya, tapi nanti kalau dia tahu gimana"). With
 * the shipped words. Each row: the question, what was typed, the answer ("-": asked again, nothing recorded; "skip":
 * skipped; "hold": the consent waits).
 */
class LaterInsideContentTest {

    private static ShippedIntake shipped;

    @BeforeAll
    static void load() {
        shipped = ShippedIntake.load();
    }

    @ParameterizedTest(name = "{0}: ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', value = {
            // content: a yes that tells more is a yes; a sentence without a yes or a no is asked again, never skipped
            "victim_knows|iya, nanti dia bilang ke dosennya kalau aku lapor|yes",
            "victim_knows|nanti dia bilang ke dosennya kalau aku lapor|-",
            "victim_knows|ntar dia marah kalau tahu|-",
            "victim_knows|he will tell them later|-",
            "evidence_consent|iya, besok dia mau hapus chatnya|yes",
            "evidence_consent|besok dia hapus semua chatnya|-",
            "stats_consent|he said not now|-",
            "stats_consent|dia bilang nanti aja lapornya|-",
            "biodata_offer|nanti dia baca datanya|-",
            "contact_offer|later he checks my phone|-",
            "relation|besok dia ngajar lagi di kelasku|-",
            "incident_when|ntar dia ngelakuin lagi|-",
            // where a yes must be a clear one (the consent), a "later" beside it is a worry or a condition, whoever it
            // tells of: the consent waits (after the first change in this test's day, these three were consent given)
            "consent|iya, nanti dia bilang ke dosennya kalau aku lapor|hold", "consent|iya, tapi nanti kalau dia tahu gimana|hold",
            "consent|iya, nanti aku tanya dia dulu|hold",
            // a putting-off, with or without a reason after it, stays one
            "victim_knows|nanti aja|skip", "victim_knows|nanti aja, aku masih ragu|skip", "evidence_consent|besok aja ya kak|skip",
            "evidence_consent|nanti aku kirim|skip", "stats_consent|not now, thanks|skip", "stats_consent|later|skip",
            "relation|ntar aja|skip", "incident_when|besok aja|skip", "biodata_offer|nanti aja|no",
            "consent|iya, tapi nanti dulu|hold", "consent|aku belum siap cerita|hold", "consent|ok nanti ya|hold",
            "consent|boleh, tapi nanti aku tanya ortu dulu|hold", "evidence_consent|nanti aja, dia lagi di sebelahku|skip"})
    void shouldReadLaterWordsInsideContentAsContent(String nodeId, String typed, String expected) {
        Step step = shipped.engine.handle(shipped.flow, shipped.at(nodeId, "id"), new Input.Text(typed));

        Answer answer = step.state().answers().get(nodeId);
        switch (expected) {
            case "-" -> {
                assertEquals(nodeId, step.state().nodeId(), "asked again: " + typed);
                assertNull(answer, typed);
                assertEquals(1, step.state().retries(), "the one kind re-prompt: " + typed);
            }
            case "hold" -> {
                assertEquals(nodeId, step.state().nodeId(), typed);
                assertNull(answer, typed);
                assertEquals(1, step.state().laterHolds(), "held: " + typed);
            }
            case "skip" -> assertTrue(answer != null && answer.skipped(), "skipped: " + typed + " " + answer);
            default -> {
                assertEquals(expected, answer == null ? null : answer.value(), typed);
                assertTrue(step.outputs().stream().noneMatch(Output.ConsentDeclined.class::isInstance));
            }
        }
    }
}
