package io.caretaker.deviceprofiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Reader;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A YAML file read into a JSON tree that remembers the line of every node, so a schema error at
 * {@code /points/2/unit} can be reported as "line 14, field points[2].unit".
 */
final class YamlDocument {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Resolver RESOLVER = new Resolver();


    private final String file;
    private final JsonNode root;
    private final Map<String, Integer> lines;

    private YamlDocument(String file, JsonNode root, Map<String, Integer> lines) {
        this.file = file;
        this.root = root;
        this.lines = lines;
    }

    /**
     * Reads YAML text. {@code placeholders} rewrites each plain scalar before its type is resolved, so
     * {@code port: ${MODBUS_PORT:10502}} becomes the number 10502.
     */
    static YamlDocument parse(String file, String text, UnaryOperator<String> placeholders) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Node node;
        try (Reader reader = new StringReader(text)) {
            node = new Yaml(new SafeConstructor(options)).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw new InvalidConfigurationException(List.of(
                    new ConfigurationProblem(file, line, "", "not valid YAML: " + e.getProblem())));
        } catch (Exception e) {
            throw new InvalidConfigurationException(List.of(
                    new ConfigurationProblem(file, 1, "", "cannot be read as YAML: " + e.getMessage())));
        }
        if (node == null) {
            throw new InvalidConfigurationException(List.of(new ConfigurationProblem(file, 1, "", "the file is empty")));
        }
        Map<String, Integer> lines = new HashMap<>();
        JsonNode root = toJson(file, node, "", lines, placeholders);
        return new YamlDocument(file, root, lines);
    }

    private static JsonNode toJson(String file, Node node, String pointer, Map<String, Integer> lines, UnaryOperator<String> placeholders) {
        lines.put(pointer, node.getStartMark().getLine() + 1);
        if (node instanceof MappingNode mapping) {
            ObjectNode object = JSON.objectNode();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = ((ScalarNode) tuple.getKeyNode()).getValue();
                String child = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
                lines.put(child, tuple.getKeyNode().getStartMark().getLine() + 1);
                JsonNode value = toJson(file, tuple.getValueNode(), child, lines, placeholders);
                // the key's line is the more useful one for a field
                lines.put(child, tuple.getKeyNode().getStartMark().getLine() + 1);
                object.set(key, value);
            }
            return object;
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = JSON.arrayNode();
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                array.add(toJson(file, items.get(i), pointer + "/" + i, lines, placeholders));
            }
            return array;
        }
        ScalarNode scalar = (ScalarNode) node;
        String text = scalar.getValue();
        Tag tag = scalar.getTag();
        if (scalar.isPlain()) {
            String replaced;
            try {
                replaced = placeholders.apply(text);
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigurationException(List.of(new ConfigurationProblem(
                        file, node.getStartMark().getLine() + 1, fieldOf(pointer), e.getMessage())));
            }
            if (!replaced.equals(text)) {
                text = replaced;
                tag = RESOLVER.resolve(org.yaml.snakeyaml.nodes.NodeId.scalar, text, true);
            }
        }
        return scalarToJson(tag, text);
    }

    private static JsonNode scalarToJson(Tag tag, String text) {
        try {
            if (Tag.INT.equals(tag)) {
                return JSON.numberNode(Long.parseLong(text.replace("_", "")));
            }
            if (Tag.FLOAT.equals(tag)) {
                return JSON.numberNode(Double.parseDouble(text.replace("_", "")));
            }
        } catch (NumberFormatException e) {
            return JSON.textNode(text); // hex, octal or sexagesimal forms: let the schema say what it expects
        }
        if (Tag.BOOL.equals(tag)) {
            return JSON.booleanNode(List.of("true", "yes", "on").contains(text.toLowerCase(java.util.Locale.ROOT)));
        }
        if (Tag.NULL.equals(tag)) {
            return JSON.nullNode();
        }
        return JSON.textNode(text);
    }

    String file() {
        return file;
    }

    JsonNode root() {
        return root;
    }

    /** The line of the node at a JSON Pointer, or of its nearest ancestor that exists. */
    int lineOf(String pointer) {
        String p = pointer;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            if (p.isEmpty()) {
                return 1;
            }
            p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
        }
    }

    /** {@code /points/2/unit} as a person reads it: {@code points[2].unit}. */
    static String fieldOf(String pointer) {
        StringBuilder field = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            String name = part.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) {
                field.append('[').append(name).append(']');
            } else {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(name);
            }
        }
        return field.toString();
    }

    ConfigurationProblem problem(String pointer, String message) {
        return new ConfigurationProblem(file, lineOf(pointer), fieldOf(pointer), message);
    }
}
