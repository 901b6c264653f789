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
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

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

    public Flow load(String fileName, byte[] yamlBytes) throws FlowException {
        JsonNode tree = readTree(fileName, yamlBytes);
        List<LintProblem> problems = new ArrayList<>();
        FlowDefinition definition = bind(fileName, tree, problems);
        if (definition != null) {
            problems.addAll(linter.lint(fileName, definition));
        }
        if (!problems.isEmpty()) {
            throw new FlowException(problems);
        }
        return new Flow(definition, revisionOf(yamlBytes));
    }

    public static String revisionOf(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
