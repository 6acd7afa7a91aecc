package dev.bella.capacity;

import dev.bella.rightsize.SpecEditor;
import dev.bella.yaml.MapReader;
import dev.bella.yaml.Problems;
import dev.bella.yaml.YamlNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes {@code service.autoscaling.scheduled} into the spec's text, the one value rightsize's
 * {@link SpecEditor} cannot write: a list, and usually a key that is not there yet. An existing one-line value
 * is replaced in place (where it is written, also when inherited through {@code extends}); a missing key is added
 * to the environment's own {@code autoscaling} mapping, flow or block, keeping every other byte.
 */
final class ScheduledEdit {

    private ScheduledEdit() {
    }

    static SpecEditor.Edited apply(String text, String label, String env, String value) {
        Problems problems = new Problems();
        Optional<YamlNode> parsed = YamlNode.parse(text, label, problems);
        problems.throwIfAny();
        YamlNode root = parsed.orElseThrow();
        MapReader envs = root.asMap("spec").map("environments");
        List<String> notes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String e = env; e != null && seen.add(e); e = parent(envs, e).orElse(null)) {
            Optional<YamlNode> written = path(envs, e, "service", "autoscaling", "scheduled");
            if (written.isPresent()) {
                YamlNode.Span span = written.get().span().orElseThrow();
                int start = text.offsetByCodePoints(0, span.start());
                int end = text.offsetByCodePoints(0, span.end());
                if (text.substring(start, end).contains("\n")) {
                    notes.add("service.autoscaling.scheduled of " + env + " spans several lines; replace it by hand with "
                            + value);
                    return new SpecEditor.Edited(text, text, 0, notes);
                }
                if (!e.equals(env)) {
                    notes.add("service.autoscaling.scheduled of " + env + " is inherited from " + e + ": changed there, so "
                            + e + " changes too");
                }
                String after = text.substring(0, start) + value + text.substring(end);
                return new SpecEditor.Edited(text, after, after.equals(text) ? 0 : 1, notes);
            }
        }
        Optional<YamlNode> autoscaling = path(envs, env, "service", "autoscaling").filter(YamlNode::isMapping);
        if (autoscaling.isEmpty()) {
            notes.add("environments." + env + ".service.autoscaling is not written as a mapping: add scheduled: " + value
                    + " under it");
            return new SpecEditor.Edited(text, text, 0, notes);
        }
        String after = insert(text, autoscaling.get(), "scheduled", value);
        return new SpecEditor.Edited(text, after, 1, notes);
    }

    /** {@code key: value} added as the last entry of {@code mapping}, in its own style. */
    private static String insert(String text, YamlNode mapping, String key, String value) {
        YamlNode.Span span = mapping.span().orElseThrow();
        int start = text.offsetByCodePoints(0, span.start());
        int end = text.offsetByCodePoints(0, span.end());
        MapReader m = mapping.asMap("autoscaling");
        if (text.charAt(start) == '{') {
            int close = text.lastIndexOf('}', end - 1);
            String sep = m.keys().isEmpty() ? "" : ", ";
            return text.substring(0, close) + sep + key + ": " + value + text.substring(close);
        }
        String last = List.copyOf(m.keys()).getLast();
        int indent = m.positionOf(m.keys().iterator().next()).column() - 1;
        int valueEnd = m.raw(last).flatMap(YamlNode::span).map(s -> text.offsetByCodePoints(0, s.end())).orElse(end);
        int at;
        if (valueEnd > 0 && text.charAt(valueEnd - 1) == '\n') {
            at = valueEnd;
        } else {
            int nl = text.indexOf('\n', valueEnd);
            at = nl < 0 ? text.length() : nl + 1;
        }
        String line = " ".repeat(indent) + key + ": " + value + "\n";
        return at == text.length() && !text.endsWith("\n") ? text + "\n" + line : text.substring(0, at) + line
                + text.substring(at);
    }

    /**
     * Gives {@code child}, an environment that extends the edited one, {@code scheduled: []} of its own: it would
     * otherwise inherit blocks above its own max (dev extends prod with max 1) and the spec would not load.
     */
    static SpecEditor.Edited clearIn(String text, String label, String child) {
        Problems problems = new Problems();
        Optional<YamlNode> parsed = YamlNode.parse(text, label, problems);
        problems.throwIfAny();
        MapReader envs = parsed.orElseThrow().asMap("spec").map("environments");
        Optional<YamlNode> autoscaling = path(envs, child, "service", "autoscaling").filter(YamlNode::isMapping);
        if (autoscaling.isEmpty() || path(envs, child, "service", "autoscaling", "scheduled").isPresent()) {
            return new SpecEditor.Edited(text, text, 0, List.of());
        }
        return new SpecEditor.Edited(text, insert(text, autoscaling.get(), "scheduled", "[]"), 1, List.of(child
                + " extends the edited environment with a lower autoscaling max: given scheduled: [] of its own"));
    }

    /** The environments whose {@code extends} names {@code parent}. */
    static List<String> children(String text, String label, String parent) {
        Problems problems = new Problems();
        Optional<YamlNode> parsed = YamlNode.parse(text, label, problems);
        problems.throwIfAny();
        MapReader envs = parsed.orElseThrow().asMap("spec").map("environments");
        return envs.keys().stream().filter(e -> parent(envs, e).filter(parent::equals).isPresent()).toList();
    }

    private static Optional<YamlNode> path(MapReader envs, String env, String... keys) {
        Optional<YamlNode> n = envs.raw(env);
        for (String key : keys) {
            n = n.filter(YamlNode::isMapping).flatMap(x -> x.asMap(key).raw(key));
        }
        return n;
    }

    private static Optional<String> parent(MapReader envs, String env) {
        return envs.raw(env).filter(YamlNode::isMapping).flatMap(n -> n.asMap(env).raw("extends"))
                .filter(YamlNode::isScalar).flatMap(n -> n.scalar("extends"));
    }
}
