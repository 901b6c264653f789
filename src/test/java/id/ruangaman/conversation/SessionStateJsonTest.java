package id.ruangaman.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ruangaman.conversation.text.DatePrecision;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionStateJsonTest {

    @Test
    void shouldSurviveARoundTripThroughJson() {
        Map<String, Answer> answers = new LinkedHashMap<>();
        answers.put("incident_date", Answer.date("bulan lalu", LocalDate.parse("2026-10-01"), DatePrecision.MONTH));
        answers.put("services", Answer.choices(List.of("legal", "medical")));
        answers.put("name", Answer.skipped("text", null));
        SessionState state = new SessionState("intake", "sha256:abc", "en", "services", SessionStatus.EXITED, 1, answers,
                new Draft(List.of("legal"), List.of(), List.of("m1"), false), "summary", PendingPrompt.RESUME, "RA-7K2QX",
                Instant.parse("2026-11-20T10:00:00Z"), true);

        String json = SessionStateJson.write(state);

        assertEquals(state, SessionStateJson.read(json));
        assertTrue(json.contains("\"date\":\"2026-10-01\""), json);
        assertTrue(json.contains("\"lastInputAt\":\"2026-11-20T10:00:00Z\""), json);
    }

    @Test
    void shouldFillDefaultsForAMinimalState() {
        SessionState state = SessionStateJson.read("{\"flowId\":\"intake\",\"revision\":\"sha256:abc\",\"nodeId\":\"consent\"}");
        assertEquals(SessionStatus.ACTIVE, state.status());
        assertEquals(PendingPrompt.NONE, state.pending());
        assertEquals(Draft.EMPTY, state.draft());
        assertEquals(Map.of(), state.answers());
    }
}
