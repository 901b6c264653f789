package id.ruangaman.conversation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import id.ruangaman.texts.TextFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plays one golden script against the engine with a fixed clock, reference codes and case statuses, and records every
 * step's outputs plus the final session states as JSON. Each state goes through JSON between steps, as in the host.
 * A script's {@code messages_from: <flow file>} lends that file's system messages to the flows it loads that have
 * none, so a small fixture flow holds only its nodes.
 */
final class GoldenRun {

    private static final YAMLMapper YAML = new YAMLMapper();
    static final Instant START = Instant.parse("2026-11-20T10:00:00Z");
    private static final String MAIN = "main";

    private final ObjectMapper json = SessionStateJson.mapper();
    private final MutableClock clock = new MutableClock(START);
    private final FlowCatalog catalog = new FlowCatalog();
    private final Map<String, String> statuses = new LinkedHashMap<>();
    /** Codes handed out so far, oldest first: the one person's reports, as the host finds them by contact. */
    private final List<String> issued = new ArrayList<>();
    private final IdGenerator codes = new FixedReferenceCodes("RA-7K2QX", "RA-9M4TW", "RA-3HV8P");
    private final FlowEngine engine = new FlowEngine(EngineSettings.defaults(), clock, () -> {
        String code = codes.referenceCode();
        issued.add(code);
        return code;
    }, new CaseStatusLookup() {
        @Override
        public Optional<String> statusOf(String code) {
            return Optional.ofNullable(statuses.get(code));
        }

        @Override
        public List<String> openReportsOf(String code) {
            if (!issued.contains(code)) {
                return List.of();
            }
            List<String> open = new ArrayList<>(issued.stream()
                    .filter(issuedCode -> !List.of("closed", "deleted").contains(statuses.getOrDefault(issuedCode, "new"))).toList());
            java.util.Collections.reverse(open);
            return open;
        }
    }, noticesFile());
    private final Map<String, SessionState> sessions = new LinkedHashMap<>();
    /** The {@code messages:} of the script's {@code messages_from} file, given to flows that have none. */
    private JsonNode sharedMessages;

    @SuppressWarnings("unchecked")
    ObjectNode play(Map<String, Object> script) {
        if (script.containsKey("messages_from")) {
            sharedMessages = readYaml(Path.of(String.valueOf(script.get("messages_from")))).get("messages");
        }
        ((List<String>) script.getOrDefault("flows", List.of())).forEach(this::addFlow);
        statuses.putAll((Map<String, String>) script.getOrDefault("statuses", Map.of()));
        ObjectNode result = json.createObjectNode();
        result.put("description", String.valueOf(script.get("description")));
        ArrayNode steps = result.putArray("steps");
        for (Map<String, Object> step : (List<Map<String, Object>>) script.get("steps")) {
            steps.add(playStep(new LinkedHashMap<>(step)));
        }
        ObjectNode states = result.putObject("final");
        sessions.forEach((name, state) -> states.set(name, json.valueToTree(state)));
        return result;
    }

    private ObjectNode playStep(Map<String, Object> step) {
        String session = String.valueOf(step.getOrDefault("session", MAIN));
        ObjectNode record = json.createObjectNode();
        record.set("input", json.valueToTree(step));
        Step result;
        if (step.containsKey("add_flow")) {
            addFlow(String.valueOf(step.get("add_flow")));
            return record;
        } else if (step.containsKey("wait")) {
            clock.advance(Duration.parse(String.valueOf(step.get("wait"))));
            return record;
        } else if (step.containsKey("new_chat")) {
            // The first message of a chat with no session, as the host takes it: a command answered on its own keeps
            // no session; anything else starts the flow.
            Flow flow = catalog.current(String.valueOf(step.get("new_chat")));
            Optional<Step> answered = engine.withoutSession(flow, ScriptedInputs.from(step));
            if (answered.isPresent()) {
                record.set("outputs", outputsJson(answered.get().outputs()));
                record.put("session", "none kept");
                return record;
            }
            result = engine.start(flow);
        } else if (step.containsKey("start")) {
            result = engine.start(catalog.current(String.valueOf(step.get("start"))));
        } else if (step.containsKey("tick")) {
            clock.advance(Duration.parse(String.valueOf(step.get("tick"))));
            SessionState state = sessions.get(session);
            result = engine.tick(catalog.revision(state.flowId(), state.revision()).orElseThrow(), state);
        } else {
            result = engine.handle(catalog, sessions.get(session), ScriptedInputs.from(step));
        }
        SessionState stored = SessionStateJson.read(SessionStateJson.write(result.state()));
        if (!stored.equals(result.state())) {
            // the host keeps a step's state to skip parsing it back at the next step (intake.SessionStates)
            throw new AssertionError("a session state changed in a JSON round trip: " + result.state() + " became " + stored);
        }
        sessions.put(session, stored);
        record.set("outputs", outputsJson(result.outputs()));
        record.put("status", result.state().status().name());
        if (result.state().nodeId() != null) {
            record.put("node", result.state().nodeId());
        }
        if (result.state().pending() != PendingPrompt.NONE) {
            record.put("pending", result.state().pending().name());
        }
        return record;
    }

    private ArrayNode outputsJson(List<Output> outputs) {
        try {
            return (ArrayNode) json.readTree(json.writerFor(new TypeReference<List<Output>>() { }).writeValueAsString(outputs));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shared texts flows include with {notice:name}, read from conversations/_notices.yaml by the host's loader. */
    static SharedTexts noticesFile() {
        return SharedTexts.of(TextFile.read(Path.of("conversations/_notices.yaml")).texts());
    }

    private void addFlow(String path) {
        try {
            Path file = Path.of(path);
            byte[] bytes = Files.readAllBytes(file);
            ObjectNode tree = readYaml(file);
            if (sharedMessages != null && !tree.has("messages")) {
                tree.set("messages", sharedMessages);
                bytes = YAML.writeValueAsBytes(tree);
            }
            catalog.add(new FlowLoader().load(file.getFileName().toString(), bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode readYaml(Path file) {
        try {
            return (ObjectNode) YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
