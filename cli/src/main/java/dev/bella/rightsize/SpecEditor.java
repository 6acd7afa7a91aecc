package dev.bella.rightsize;

import dev.bella.yaml.MapReader;
import dev.bella.yaml.Problems;
import dev.bella.yaml.YamlNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Applies recommendations to the spec's text by splicing each new value over the old one at the position
 * the parser recorded, so comments, key order, quoting and layout of everything else stay byte for byte.
 * A value an environment inherits through {@code extends} is changed where it is written.
 */
public final class SpecEditor {

    /** The edited text, and what could not be edited or needs saying. */
    public record Edited(String before, String after, int applied, List<String> notes) {
        public boolean changed() {
            return !before.equals(after);
        }
    }

    private record Splice(int start, int end, String text) {
    }

    private SpecEditor() {
    }

    public static Edited apply(String text, String label, List<Change> changes) {
        Problems problems = new Problems();
        Optional<YamlNode> parsed = YamlNode.parse(text, label, problems);
        problems.throwIfAny();
        YamlNode root = parsed.orElseThrow();
        MapReader envs = root.asMap("spec").map("environments");
        List<Splice> splices = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Change c : changes) {
            Optional<Located> at = locate(envs, c.environment(), c.path(), new LinkedHashSet<>());
            if (at.isEmpty()) {
                notes.add(c.key() + " of " + c.environment() + " is not written in the spec (its default applies): add "
                        + c.path().getLast() + ": " + c.to() + " under environments." + c.environment() + "."
                        + String.join(".", c.path().subList(0, c.path().size() - 1)));
                continue;
            }
            YamlNode.Span span = at.get().node().span().orElseThrow();
            int start = text.offsetByCodePoints(0, span.start());
            int end = text.offsetByCodePoints(0, span.end());
            String old = text.substring(start, end);
            if (old.contains("\n")) {
                notes.add(c.key() + " of " + c.environment() + " spans several lines; change it by hand to " + c.to());
                continue;
            }
            char q = old.isEmpty() ? ' ' : old.charAt(0);
            String value = q == '"' || q == '\'' ? q + c.to() + q : c.to();
            if (!at.get().environment().equals(c.environment())) {
                notes.add(c.key() + " of " + c.environment() + " is inherited from " + at.get().environment()
                        + ": changed there, so " + at.get().environment() + " changes too");
            }
            if (splices.stream().noneMatch(s -> s.start() == start)) {
                splices.add(new Splice(start, end, value));
            }
        }
        splices.sort(Comparator.comparingInt(Splice::start).reversed());
        StringBuilder out = new StringBuilder(text);
        for (Splice s : splices) {
            out.replace(s.start(), s.end(), s.text());
        }
        return new Edited(text, out.toString(), splices.size(), notes);
    }

    private record Located(String environment, YamlNode node) {
    }

    /** The scalar at {@code path} in the environment, else in the one it extends, recursively. */
    private static Optional<Located> locate(MapReader envs, String env, List<String> path, Set<String> seen) {
        if (!seen.add(env)) {
            return Optional.empty();
        }
        Optional<YamlNode> envNode = envs.node(env).filter(YamlNode::isMapping);
        if (envNode.isEmpty()) {
            return Optional.empty();
        }
        MapReader m = envNode.get().asMap("environments." + env);
        Optional<YamlNode> n = Optional.of(envNode.get());
        for (String key : path) {
            n = n.filter(YamlNode::isMapping).flatMap(x -> x.asMap(key).node(key));
        }
        if (n.isPresent() && n.get().isScalar()) {
            return Optional.of(new Located(env, n.get()));
        }
        return m.node("extends").filter(YamlNode::isScalar).flatMap(e -> e.scalar("extends"))
                .flatMap(parent -> locate(envs, parent, path, seen));
    }
}
