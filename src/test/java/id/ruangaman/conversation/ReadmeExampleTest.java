package id.ruangaman.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The annotated example in conversations/README.md really loads and runs (with the intake's messages filled in). */
class ReadmeExampleTest {

    @Test
    void shouldLoadAndRunTheReadmeExample() throws IOException {
        String readme = Files.readString(Path.of("conversations/README.md"));
        String example = readme.substring(readme.indexOf("```yaml") + 7, readme.indexOf("```", readme.indexOf("```yaml") + 7));
        String intake = Files.readString(Path.of("conversations/intake.yaml"));
        String messages = intake.substring(intake.indexOf("messages:"), intake.indexOf("\nnodes:"));
        String complete = example.replaceFirst("(?s)messages:.*?\\nnodes:", java.util.regex.Matcher.quoteReplacement(messages + "\nnodes:"));

        Flow flow = new FlowLoader().load("feedback.yaml", complete.getBytes(StandardCharsets.UTF_8));
        FlowEngine engine = new FlowEngine(EngineSettings.defaults(),
                java.time.Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC), new FixedReferenceCodes("RA-7K2QX"),
                code -> Optional.empty());
        Step step = engine.start(flow);
        step = engine.handle(flow, step.state(), new Input.ButtonPress("role", "staff"));
        step = engine.handle(flow, step.state(), new Input.Text("Semua baik."));

        assertEquals("feedback", flow.id());
        assertEquals(SessionStatus.COMPLETED, step.state().status());
        assertEquals(new Output.AnswerRecorded("comment", Answer.text("Semua baik.")), step.outputs().get(0));
    }
}
