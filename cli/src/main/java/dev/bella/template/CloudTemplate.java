package dev.bella.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One CloudFormation template (a CDK stack's {@code .template.json}, or anyone's JSON or YAML template).
 * Resolves what a template fixes by itself: literals, {@code Ref} to a parameter with a default,
 * {@code Fn::Join}/{@code Fn::Sub} over literals; everything else stays visibly unresolved.
 *
 * @param name   the stack name (from the assembly) or the file name
 * @param source where it was read from, for messages
 */
public final class CloudTemplate {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!]+)}");

    private final String name;
    private final String source;
    private final Map<String, JsonNode> parameterDefaults;
    private final Map<String, Resource> resources = new LinkedHashMap<>();

    CloudTemplate(String name, String source, JsonNode root) {
        this.name = name;
        this.source = source;
        Map<String, JsonNode> defaults = new LinkedHashMap<>();
        root.path("Parameters").properties().forEach(e -> {
            if (e.getValue().has("Default")) {
                defaults.put(e.getKey(), e.getValue().get("Default"));
            }
        });
        this.parameterDefaults = Collections.unmodifiableMap(defaults);
        root.path("Resources").properties().forEach(e -> resources.put(e.getKey(), new Resource(e.getKey(),
                e.getValue().path("Type").asText(""), e.getValue().path("Properties"), this)));
    }

    public String name() {
        return name;
    }

    public String source() {
        return source;
    }

    public List<Resource> resources() {
        return List.copyOf(resources.values());
    }

    public Optional<Resource> resource(String logicalId) {
        return Optional.ofNullable(resources.get(logicalId));
    }

    public Value resolve(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return new Value.Absent();
        }
        if (!node.isObject() || node.size() != 1) {
            return node.isObject() || node.isArray() ? resolveContainer(node) : new Value.Literal(node);
        }
        String fn = node.fieldNames().next();
        JsonNode arg = node.get(fn);
        return switch (fn) {
            case "Ref" -> ref(arg.asText());
            case "Fn::GetAtt" -> getAtt(arg);
            case "Fn::Join" -> join(node, arg);
            case "Fn::Sub" -> sub(node, arg);
            default -> fn.startsWith("Fn::") || fn.equals("Condition") ? new Value.Unresolved(compact(node))
                    : resolveContainer(node);
        };
    }

    /** An object or list is returned as it is; callers resolve the members they read. */
    private static Value resolveContainer(JsonNode node) {
        return new Value.Literal(node);
    }

    private Value ref(String id) {
        if (resources.containsKey(id)) {
            return new Value.Reference(id, Optional.empty());
        }
        JsonNode def = parameterDefaults.get(id);
        return def != null ? new Value.Literal(def) : new Value.Unresolved("Ref " + id);
    }

    private Value getAtt(JsonNode arg) {
        String id;
        String attribute;
        if (arg.isArray() && arg.size() == 2) {
            id = arg.get(0).asText();
            attribute = arg.get(1).asText();
        } else {
            String s = arg.asText();
            int dot = s.indexOf('.');
            id = dot < 0 ? s : s.substring(0, dot);
            attribute = dot < 0 ? "" : s.substring(dot + 1);
        }
        return resources.containsKey(id) ? new Value.Reference(id, Optional.of(attribute))
                : new Value.Unresolved("GetAtt " + id + "." + attribute);
    }

    private Value join(JsonNode node, JsonNode arg) {
        if (!arg.isArray() || arg.size() != 2 || !arg.get(1).isArray()) {
            return new Value.Unresolved(compact(node));
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode part : arg.get(1)) {
            Optional<String> t = resolve(part).text();
            if (t.isEmpty()) {
                return new Value.Unresolved(compact(node));
            }
            parts.add(t.get());
        }
        return new Value.Literal(TextNode.valueOf(String.join(arg.get(0).asText(), parts)));
    }

    private Value sub(JsonNode node, JsonNode arg) {
        String text = arg.isArray() ? arg.path(0).asText() : arg.asText();
        Matcher m = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Optional<String> v = arg.isArray() && arg.path(1).has(m.group(1))
                    ? resolve(arg.path(1).get(m.group(1))).text() : ref(m.group(1)).text();
            if (v.isEmpty()) {
                return new Value.Unresolved(compact(node));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v.get()));
        }
        m.appendTail(out);
        return new Value.Literal(TextNode.valueOf(out.toString()));
    }

    /** Every logical id of this template referred to inside {@code node}. */
    Set<String> references(JsonNode node) {
        Set<String> out = new LinkedHashSet<>();
        collect(node, out);
        return out;
    }

    private void collect(JsonNode node, Set<String> out) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            if (node.size() == 1 && node.has("Ref") && resources.containsKey(node.get("Ref").asText())) {
                out.add(node.get("Ref").asText());
            }
            if (node.size() == 1 && node.has("Fn::GetAtt")) {
                Value v = getAtt(node.get("Fn::GetAtt"));
                if (v instanceof Value.Reference r) {
                    out.add(r.logicalId());
                }
            }
            if (node.size() == 1 && node.has("Fn::Sub")) {
                JsonNode arg = node.get("Fn::Sub");
                Matcher m = SUB_VARIABLE.matcher(arg.isArray() ? arg.path(0).asText() : arg.asText());
                while (m.find()) {
                    String id = m.group(1).contains(".") ? m.group(1).substring(0, m.group(1).indexOf('.')) : m.group(1);
                    if (resources.containsKey(id)) {
                        out.add(id);
                    }
                }
            }
            node.properties().forEach(e -> collect(e.getValue(), out));
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, out));
        }
    }

    private static String compact(JsonNode node) {
        String s = node.toString();
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    @Override
    public String toString() {
        return name + " (" + source + ")";
    }
}
