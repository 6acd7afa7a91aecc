package dev.bella.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads CloudFormation templates (JSON, or YAML with the short-form tags such as {@code !Ref}) and cloud
 * assemblies: a folder whose manifest.json lists {@code aws:cloudformation:stack} artifacts, each naming its
 * {@code templateFile}; nested assemblies ({@code cdk:cloud-assembly}, CDK stages) are followed.
 */
final class TemplateReader {

    static final String MANIFEST = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    StackSet assembly(Path dir) {
        List<CloudTemplate> templates = new ArrayList<>();
        collect(dir, templates, 0);
        if (templates.isEmpty()) {
            throw new TemplateException(dir.resolve(MANIFEST) + ": the assembly has no aws:cloudformation:stack artifact");
        }
        return new StackSet(dir.toString(), templates);
    }

    private void collect(Path dir, List<CloudTemplate> out, int depth) {
        Path manifest = dir.resolve(MANIFEST);
        JsonNode root = json(manifest);
        for (var artifact : root.path("artifacts").properties()) {
            JsonNode a = artifact.getValue();
            String type = a.path("type").asText();
            if (type.equals("aws:cloudformation:stack")) {
                String file = a.path("properties").path("templateFile").asText("");
                if (file.isEmpty()) {
                    throw new TemplateException(manifest + ": artifact " + artifact.getKey() + " has no properties.templateFile");
                }
                Path template = dir.resolve(file);
                String name = a.path("properties").path("stackName").asText(artifact.getKey());
                out.add(new CloudTemplate(name, template.toString(), parse(template)));
            } else if (type.equals("cdk:cloud-assembly") && depth < 5) {
                collect(dir.resolve(a.path("properties").path("directoryName").asText()), out, depth + 1);
            }
        }
    }

    CloudTemplate template(Path file) {
        String name = file.getFileName().toString().replaceFirst("(\\.template)?\\.(json|ya?ml|template)$", "");
        return new CloudTemplate(name, file.toString(), parse(file));
    }

    private JsonNode parse(Path file) {
        String text = read(file);
        String trimmed = text.stripLeading();
        JsonNode root = trimmed.startsWith("{") ? json(file, text) : yaml(file, text);
        if (!root.isObject() || !root.path("Resources").isObject()) {
            throw new TemplateException(file + ": not a CloudFormation template (expected a Resources mapping)");
        }
        return root;
    }

    private static JsonNode json(Path file) {
        return json(file, read(file));
    }

    private static JsonNode json(Path file, String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new TemplateException(file + (loc == null ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr())
                    + ": invalid JSON: " + e.getOriginalMessage());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new TemplateException(file + ": file not found");
        } catch (IOException e) {
            throw new TemplateException(file + ": cannot read: " + e.getMessage());
        }
    }

    private static JsonNode yaml(Path file, String text) {
        LoadSettings settings = LoadSettings.builder().setLabel(file.toString()).build();
        try {
            Optional<Node> root = new Compose(settings).composeString(text);
            return root.map(TemplateReader::toJson).orElseThrow(() -> new TemplateException(file + ": the file is empty"));
        } catch (YamlEngineException e) {
            throw new TemplateException(file + ": invalid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /**
     * YAML to the JSON form CloudFormation documents: {@code !Ref X} is {@code {"Ref": "X"}}, {@code !GetAtt A.b}
     * is {@code {"Fn::GetAtt": "A.b"}}, and every other short form {@code !F v} is {@code {"Fn::F": v}}.
     */
    private static JsonNode toJson(Node node) {
        JsonNode plain = switch (node) {
            case MappingNode m -> {
                ObjectNode o = NODES.objectNode();
                for (NodeTuple t : m.getValue()) {
                    o.set(((ScalarNode) t.getKeyNode()).getValue(), toJson(t.getValueNode()));
                }
                yield o;
            }
            case SequenceNode s -> {
                ArrayNode a = NODES.arrayNode();
                s.getValue().forEach(n -> a.add(toJson(n)));
                yield a;
            }
            case ScalarNode s -> scalar(s);
            default -> NODES.nullNode();
        };
        String tag = node.getTag().getValue();
        if (!tag.startsWith("!") || tag.startsWith("!!")) {
            return plain;
        }
        String fn = tag.substring(1);
        ObjectNode wrapped = NODES.objectNode();
        wrapped.set(fn.equals("Ref") || fn.equals("Condition") ? fn : "Fn::" + fn,
                plain.isNull() ? NODES.textNode("") : plain);
        return wrapped;
    }

    private static JsonNode scalar(ScalarNode s) {
        String v = s.getValue();
        Tag tag = s.getTag();
        if (Tag.NULL.equals(tag)) {
            return NODES.nullNode();
        }
        if (Tag.BOOL.equals(tag)) {
            return NODES.booleanNode(Boolean.parseBoolean(v));
        }
        if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
            try {
                BigDecimal d = new BigDecimal(v);
                return d.scale() <= 0 ? NODES.numberNode(d.toBigInteger()) : NODES.numberNode(d);
            } catch (NumberFormatException e) {
                return NODES.textNode(v);
            }
        }
        return NODES.textNode(v);
    }
}
