package id.ruangaman.conversation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import id.ruangaman.conversation.definition.FlowDefinition;
import id.ruangaman.conversation.definition.LocalizedText;
import id.ruangaman.conversation.definition.MessageKey;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a flow file (YAML), reports unknown fields and bad values as lint problems, runs the {@link FlowLinter} and
 * returns the {@link Flow} with its revision. Throws {@link FlowException} listing every problem.
 */
public final class FlowLoader {

    private final ObjectMapper yaml = JsonMapper.builder(new YAMLFactory())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();
    private final FlowLinter linter = new FlowLinter();

    /** A flow file of today: linted in full, YAML's true and false where words belong included ({@link #unquotedYesNo}). */
    public Flow load(String fileName, byte[] yamlBytes) throws FlowException {
        return load(fileName, yamlBytes, true);
    }

    /**
     * A stored revision of a flow whose file is gone, which sessions pinned to it finish on: read as it was written, so
     * a revision stored before a check was added is not refused for it ({@link #unquotedYesNo}).
     */
    public Flow loadStored(String fileName, byte[] yamlBytes) throws FlowException {
        return load(fileName, yamlBytes, false);
    }

    private Flow load(String fileName, byte[] yamlBytes, boolean today) throws FlowException {
        JsonNode tree = readTree(fileName, yamlBytes);
        List<LintProblem> problems = new ArrayList<>();
        if (today) {
            unquotedYesNo(fileName, tree, tree, "", problems);
        }
        FlowDefinition definition = bind(fileName, tree, problems);
        if (definition != null) {
            problems.addAll(linter.lint(fileName, definition));
        }
        if (!problems.isEmpty()) {
            throw new FlowException(problems);
        }
        return new Flow(definition, revisionOf(yamlBytes));
    }

    /**
     * Loads a stored earlier revision of the flow {@code current} belongs to (the same flow id), so that sessions pinned
     * to it finish on it. The engine's system messages ({@link MessageKey}) grow as the engine learns new inputs, and a
     * revision written before a message existed does not have it: the linter would refuse the revision, and every
     * session pinned to it would be moved to the current one, with "our questions have just been updated" in the
     * middle of a story. So before the linter runs, the stored revision's messages are brought to today's engine: a
     * message it lacks is taken from {@code current}, one the engine no longer has is left out. Its questions, and its
     * revision ({@link #revisionOf} of the stored bytes), are its own. Anything else that no longer passes today's
     * linter still throws {@link FlowException}, as {@link #load} does.
     */
    public Flow loadEarlier(String fileName, byte[] yamlBytes, Flow current) throws FlowException {
        JsonNode tree = readTree(fileName, yamlBytes);
        List<LintProblem> problems = new ArrayList<>();
        FlowDefinition stored = bind(fileName, tree, problems);
        FlowDefinition definition = stored == null || !current.id().equals(stored.id()) ? stored
                : withTodaysMessages(stored, current.definition().messages());
        if (definition != null) {
            problems.addAll(linter.lint(fileName, definition));
        }
        if (!problems.isEmpty()) {
            throw new FlowException(problems);
        }
        return new Flow(definition, revisionOf(yamlBytes));
    }

    private static FlowDefinition withTodaysMessages(FlowDefinition stored, Map<String, LocalizedText> todays) {
        if (stored.messages().isEmpty()) {
            return stored; // a flow with no messages of its own uses the engine's defaults: nothing to bring over
        }
        Map<String, LocalizedText> messages = new LinkedHashMap<>();
        for (MessageKey key : MessageKey.values()) {
            LocalizedText text = stored.messages().getOrDefault(key.fileName(), todays.get(key.fileName()));
            if (text != null) {
                messages.put(key.fileName(), text);
            }
        }
        return new FlowDefinition(stored.specVersion(), stored.id(), stored.start(), stored.languages(), stored.steps(), messages,
                stored.nodes(), stored.conditions(), stored.discretion(), stored.stepNames());
    }

    public static String revisionOf(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final java.util.regex.Pattern NODE_PATH = java.util.regex.Pattern.compile("^nodes\\[(\\d+)]");

    /** The flow file's fields that hold true or false; YAML's true or false anywhere else stands for a word. */
    private static final java.util.Set<String> TRUE_OR_FALSE = java.util.Set.of("skippable", "sets_language", "no_means_skip",
            "over_options", "unanswered");

    /**
     * A word, id or text that YAML read as true or false (YAML 1.1: an unquoted {@code yes}, {@code no}, {@code on},
     * {@code off}, ...): bound as "true" or "false", the word meant is lost without a word of warning (the English "yes"
     * at "Kalau sudah aman…" was, before session 56), or a button reads "true". Every true or false outside the fields
     * that take one ({@link #TRUE_OR_FALSE}). Checked for the files of today, not for a stored revision
     * ({@link #loadEarlier}, {@link #loadStored}), which sessions pinned to it finish on as it was.
     */
    private static void unquotedYesNo(String fileName, JsonNode root, JsonNode node, String path, List<LintProblem> problems) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                visit(fileName, root, node.get(i), path + "[" + i + "]", false, problems);
            }
        } else if (node.isObject()) {
            node.properties().forEach(field -> visit(fileName, root, field.getValue(),
                    path.isEmpty() ? field.getKey() : path + "." + field.getKey(), TRUE_OR_FALSE.contains(field.getKey()), problems));
        }
    }

    private static void visit(String fileName, JsonNode root, JsonNode value, String at, boolean takesTrueOrFalse,
            List<LintProblem> problems) {
        if (value.isBoolean() && !takesTrueOrFalse) {
            problems.add(new LintProblem(fileName, nodeIdAt(root, at), "'" + value.asText() + "' at " + at
                    + ": YAML reads an unquoted yes, no, on or off as true or false; write the word in quotes (\"yes\", \"off\")"));
        } else {
            unquotedYesNo(fileName, root, value, at, problems);
        }
    }

    /** The id of the flow node a path ({@code nodes[3].options[0]...}) lies in, or null outside the nodes. */
    private static String nodeIdAt(JsonNode root, String path) {
        java.util.regex.Matcher node = NODE_PATH.matcher(path);
        if (!node.find()) {
            return null;
        }
        JsonNode id = root.path("nodes").path(Integer.parseInt(node.group(1))).path("id");
        return id.isTextual() ? id.asText() : null;
    }

    private JsonNode readTree(String fileName, byte[] bytes) {
        try {
            JsonNode tree = yaml.readTree(bytes);
            if (tree == null || !tree.isObject()) {
                throw new FlowException(List.of(new LintProblem(fileName, null, "not a YAML mapping")));
            }
            return tree;
        } catch (IOException e) {
            String where = e instanceof com.fasterxml.jackson.core.JsonProcessingException p && p.getLocation() != null
                    ? " at line " + p.getLocation().getLineNr() : "";
            throw new FlowException(List.of(new LintProblem(fileName, null, "invalid YAML" + where)));
        }
    }

    private FlowDefinition bind(String fileName, JsonNode tree, List<LintProblem> problems) {
        ObjectMapper reader = yaml.copy().addHandler(new UnknownFieldCollector(fileName, tree, problems));
        try {
            return reader.treeToValue(tree, FlowDefinition.class);
        } catch (JsonMappingException e) {
            String field = e.getPath().isEmpty() ? "?" : fieldName(e.getPath().get(e.getPath().size() - 1));
            problems.add(new LintProblem(fileName, NodeLocator.nodeId(tree, e.getPath()), "invalid value for '" + field + "'"));
            return null;
        } catch (IOException e) {
            problems.add(new LintProblem(fileName, null, "cannot read flow"));
            return null;
        }
    }

    private static String fieldName(JsonMappingException.Reference ref) {
        return ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]";
    }

    /** Turns each unknown field into a lint problem and keeps reading, so all of them are reported at once. */
    private static final class UnknownFieldCollector extends DeserializationProblemHandler {
        private final String fileName;
        private final JsonNode tree;
        private final List<LintProblem> problems;

        UnknownFieldCollector(String fileName, JsonNode tree, List<LintProblem> problems) {
            this.fileName = fileName;
            this.tree = tree;
            this.problems = problems;
        }

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                Object beanOrClass, String propertyName) throws IOException {
            String node = NodeLocator.nodeId(tree, p.getParsingContext().pathAsPointer().toString());
            problems.add(new LintProblem(fileName, node, "unknown field '" + propertyName + "'"));
            p.skipChildren();
            return true;
        }
    }

}
