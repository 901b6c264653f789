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
                Instant.parse("2026-11-20T10:00:00Z"), true, null, false, 0, false, null);

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

    /** A state as stored before, every field set: it reads and writes back the same, byte for byte. */
    @Test
    void shouldWriteBackAStoredStateUnchanged() {
        String stored = "{\"flowId\":\"intake\",\"revision\":\"sha256:abc\",\"language\":\"id\","
                + "\"nodeId\":\"services\",\"status\":\"PAUSED\",\"retries\":2,"
                + "\"answers\":{\"consent\":{\"kind\":\"yes_no\",\"value\":\"yes\",\"raw\":\"iya\"},"
                + "\"incident_date\":{\"kind\":\"date\",\"raw\":\"bulan lalu\",\"date\":\"2026-10-01\","
                + "\"precision\":\"MONTH\"},\"services\":{\"kind\":\"multi_choice\",\"values\":[\"legal\","
                + "\"medical\"]},\"story\":{\"kind\":\"multi_text\",\"parts\":[\"bagian satu\","
                + "\"bagian dua\"]},\"evidence\":{\"kind\":\"media\",\"mediaIds\":[\"m1\"],"
                + "\"parts\":[\"foto\"]},\"name\":{\"kind\":\"text\",\"skipped\":true}},"
                + "\"draft\":{\"selected\":[\"legal\"],\"parts\":[\"p\"],\"mediaIds\":[\"m2\"],"
                + "\"choosingEdit\":true},\"returnToSummary\":\"summary\",\"pending\":\"RESUME\","
                + "\"referenceCode\":\"RA-7K2QX\",\"lastInputAt\":\"2026-11-20T10:00:00Z\",\"reminded\":true,"
                + "\"thread\":{\"acknowledgedAt\":\"2026-11-20T10:05:00Z\",\"evidenceConsent\":true,"
                + "\"chatUnsafe\":true},\"discreet\":true,\"laterHolds\":1,\"dangerSaid\":true}";

        assertEquals(stored, SessionStateJson.write(SessionStateJson.read(stored)));
        SessionState read = SessionStateJson.read(stored);
        assertEquals(stored, SessionStateJson.write(read.withLanguage("id").withRetries(2).withReminded(true)));
    }

    /** A state stored before the case thread, discreet mode, put-off replies and danger said: written back the same. */
    @Test
    void shouldWriteBackAnOlderStoredStateUnchanged() {
        String stored = "{\"flowId\":\"intake\",\"revision\":\"sha256:abc\",\"language\":\"en\","
                + "\"nodeId\":\"story\",\"status\":\"ACTIVE\",\"retries\":0,"
                + "\"answers\":{\"consent\":{\"kind\":\"yes_no\",\"value\":\"yes\",\"raw\":\"iya\"},"
                + "\"incident_date\":{\"kind\":\"date\",\"raw\":\"bulan lalu\",\"date\":\"2026-10-01\","
                + "\"precision\":\"MONTH\"},\"services\":{\"kind\":\"multi_choice\",\"values\":[\"legal\","
                + "\"medical\"]},\"story\":{\"kind\":\"multi_text\",\"parts\":[\"bagian satu\","
                + "\"bagian dua\"]},\"evidence\":{\"kind\":\"media\",\"mediaIds\":[\"m1\"],"
                + "\"parts\":[\"foto\"]},\"name\":{\"kind\":\"text\",\"skipped\":true}},\"draft\":{},"
                + "\"pending\":\"NONE\",\"referenceCode\":\"RA-7K2QX\","
                + "\"lastInputAt\":\"2026-11-20T10:00:00.123Z\",\"reminded\":false}";

        assertEquals(stored, SessionStateJson.write(SessionStateJson.read(stored)));
    }
}
