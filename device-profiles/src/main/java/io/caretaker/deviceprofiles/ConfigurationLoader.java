package io.caretaker.deviceprofiles;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.PathType;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.caretaker.deviceprofiles.site.Site;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Reads profiles and site files: YAML, then the JSON Schema, then the checks a schema cannot express,
 * then the typed records. Every problem is reported with file, line and field.
 */
public final class ConfigurationLoader {

    private static final String PROFILE_SCHEMA = "/caretaker/schema/device-profile.schema.json";
    private static final String SITE_SCHEMA = "/caretaker/schema/site.schema.json";

    private final JsonSchema profileSchema;
    private final JsonSchema siteSchema;
    private final JsonSchema ruleSchema;
    private final ObjectMapper mapper;

    public ConfigurationLoader() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().locale(Locale.ENGLISH)
                // a pattern's words for what it wants ("is not a duration: write e.g. 500ms, 2s"), beside it in the schema
                .errorMessageKeyword("message").build();
        this.profileSchema = factory.getSchema(resource(PROFILE_SCHEMA), config);
        this.siteSchema = factory.getSchema(resource(SITE_SCHEMA), config);
        this.ruleSchema = profileSchema.getSubSchema(new JsonNodePath(PathType.JSON_POINTER).append("$defs").append("rule"));
        this.mapper = newMapper();
    }

    /** The mapper that binds profiles and site files to records, and writes rules back for overriding. */
    static ObjectMapper newMapper() {
        SimpleModule durations = new SimpleModule().addDeserializer(Duration.class, new JsonDeserializer<>() {
            @Override
            public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return Durations.parse(p.getValueAsString());
            }
        });
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(durations)
                .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                .configure(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS, false)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL, false);
    }

    /** Reads one profile; {@code file} names it in errors. */
    public DeviceProfile readProfile(String file, String yaml) {
        YamlDocument doc = YamlDocument.parse(file, yaml, UnaryOperator.identity());
        List<ConfigurationProblem> problems = schemaProblems(profileSchema, doc);
        if (problems.isEmpty()) {
            problems.addAll(ProfileChecks.check(doc));
        }
        failOn(problems);
        JsonNode root = doc.root().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) root).remove("formatVersion");
        return bind(doc, root, DeviceProfile.class);
    }

    /**
     * Reads a site file against the profiles it may use. {@code placeholders} fills {@code ${NAME:default}}
     * values (ports, hosts, passwords) from the environment.
     */
    public Site readSite(String file, String yaml, ProfileCatalog profiles, UnaryOperator<String> placeholders) {
        YamlDocument doc = YamlDocument.parse(file, yaml, placeholders);
        List<ConfigurationProblem> problems = schemaProblems(siteSchema, doc);
        if (problems.isEmpty()) {
            problems.addAll(SiteChecks.check(doc, profiles));
            problems.addAll(OverrideChecks.check(doc, profiles, rule -> schemaProblemsOf(ruleSchema, rule)));
        }
        failOn(problems);
        JsonNode root = doc.root();
        com.fasterxml.jackson.databind.node.ObjectNode site = ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("site")).deepCopy();
        site.set("devices", root.get("devices"));
        return bind(doc, site, Site.class);
    }

    private <T> T bind(YamlDocument doc, JsonNode node, Class<T> type) {
        try {
            return mapper.treeToValue(node, type);
        } catch (IOException | RuntimeException e) {
            // the schema and checks should have caught everything; say where binding still failed
            throw new InvalidConfigurationException(List.of(doc.problem("", "cannot be read: " + e.getMessage())));
        }
    }

    private static List<ConfigurationProblem> schemaProblems(JsonSchema schema, YamlDocument doc) {
        List<ConfigurationProblem> problems = new ArrayList<>();
        for (ValidationMessage m : schema.validate(doc.root())) {
            String pointer = pointerOf(m.getInstanceLocation());
            if ("required".equals(m.getType()) && m.getProperty() != null) {
                problems.add(doc.problem(pointer + "/" + m.getProperty(), "is missing but required"));
            } else if ("additionalProperties".equals(m.getType()) && m.getProperty() != null) {
                problems.add(doc.problem(pointer + "/" + m.getProperty(), "is not a known field; check its spelling"));
            } else {
                problems.add(doc.problem(pointer, describe(m)));
            }
        }
        problems.sort(Comparator.comparingInt(ConfigurationProblem::line));
        return problems;
    }

    /** A rule's schema problems as (JSON Pointer inside the rule → message), for a rule a site file overrides. */
    private static Map<String, String> schemaProblemsOf(JsonSchema schema, JsonNode rule) {
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        for (ValidationMessage m : schema.validate(rule)) {
            String pointer = pointerOf(m.getInstanceLocation());
            if ("required".equals(m.getType()) && m.getProperty() != null) {
                problems.putIfAbsent(pointer + "/" + m.getProperty(), "is missing but required");
            } else if ("additionalProperties".equals(m.getType()) && m.getProperty() != null) {
                problems.putIfAbsent(pointer + "/" + m.getProperty(), "is not a field of this rule type; check its spelling");
            } else {
                problems.putIfAbsent(pointer, describe(m));
            }
        }
        return problems;
    }

    private static String pointerOf(JsonNodePath path) {
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            pointer.append('/').append(String.valueOf(path.getElement(i)).replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    /** The schema's words for a problem; a value refused by its pattern, enumeration or bounds is given with what would do. */
    private static String describe(ValidationMessage m) {
        String message = withoutLocation(m.getMessage());
        JsonNode value = m.getInstanceNode();
        if ("pattern".equals(m.getType()) && value != null && value.isTextual()) {
            return "'" + value.asText() + "' " + message;
        }
        JsonNode options = m.getSchemaNode();
        if ("enum".equals(m.getType()) && value != null && value.isValueNode() && options != null && options.isArray()) {
            List<String> allowed = new ArrayList<>();
            options.forEach(option -> allowed.add(option.asText()));
            return "'" + value.asText() + "' is not one of " + String.join(", ", allowed);
        }
        if (value != null && value.isNumber() && options != null && options.isNumber()) {
            String bound = switch (m.getType()) {
                case "maximum" -> "at most ";
                case "minimum" -> "at least ";
                case "exclusiveMaximum" -> "below ";
                case "exclusiveMinimum" -> "above ";
                default -> null;
            };
            if (bound != null) {
                return "is " + value.asText() + "; it must be " + bound + options.asText();
            }
        }
        return message;
    }

    private static String withoutLocation(String message) {
        // networknt prefixes "$.points[0].unit: "; we say the field ourselves
        int colon = message.indexOf(": ");
        return (message.startsWith("$") || message.startsWith("/")) && colon > 0 ? message.substring(colon + 2) : message;
    }

    private static void failOn(List<ConfigurationProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = ConfigurationLoader.class.getResourceAsStream(path);
        if (in == null) {
            throw new UncheckedIOException(new IOException("missing from the build: " + path));
        }
        return in;
    }

    static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
