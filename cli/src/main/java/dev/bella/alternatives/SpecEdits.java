package dev.bella.alternatives;

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
 * Writes a {@link SpecChange} into the spec's text by splicing the new value over the old one where the parser
 * saw it, so every other byte (comments, layout) stays. A value an environment inherits through
 * {@code extends} is changed where it is written. Only a value written on one line can be replaced; anything
 * else is left to the engineer (empty result), never guessed.
 */
final class SpecEdits {

    private record Splice(int start, int end, String text) {
    }

    private SpecEdits() {
    }

    static Optional<String> apply(String text, String label, List<SpecChange> changes) {
        Problems problems = new Problems();
        Optional<YamlNode> parsed = YamlNode.parse(text, label, problems);
        if (parsed.isEmpty() || !parsed.get().isMapping()) {
            return Optional.empty();
        }
        List<Splice> splices = new ArrayList<>();
        for (SpecChange c : changes) {
            Optional<YamlNode> at = locate(parsed.get(), c.path());
            Optional<YamlNode.Span> span = at.flatMap(YamlNode::span);
            if (span.isEmpty()) {
                return Optional.empty();
            }
            int start = text.offsetByCodePoints(0, span.get().start());
            int end = text.offsetByCodePoints(0, span.get().end());
            if (text.substring(start, end).contains("\n")) {
                return Optional.empty();
            }
            splices.add(new Splice(start, end, padded(text, end, end - start, c.value())));
        }
        splices.sort(Comparator.comparingInt(Splice::start).reversed());
        StringBuilder out = new StringBuilder(text);
        splices.forEach(s -> out.replace(s.start(), s.end(), s.text()));
        return Optional.of(out.toString());
    }

    /** A shorter value keeps a trailing comment in its column, as the file's author aligned it. */
    private static String padded(String text, int end, int oldLength, String value) {
        int spaces = 0;
        while (end + spaces < text.length() && text.charAt(end + spaces) == ' ') {
            spaces++;
        }
        boolean comment = end + spaces < text.length() && text.charAt(end + spaces) == '#';
        return comment && value.length() < oldLength ? value + " ".repeat(oldLength - value.length()) : value;
    }

    private static Optional<YamlNode> locate(YamlNode root, List<String> path) {
        if (path.size() > 2 && path.getFirst().equals("environments")) {
            return inEnvironment(root.asMap("spec").map("environments"), path.get(1), path.subList(2, path.size()),
                    new LinkedHashSet<>());
        }
        return walk(root, path);
    }

    /** The value in the environment, else in the one it extends, recursively. */
    private static Optional<YamlNode> inEnvironment(MapReader envs, String env, List<String> path, Set<String> seen) {
        if (!seen.add(env)) {
            return Optional.empty();
        }
        Optional<YamlNode> node = envs.node(env).filter(YamlNode::isMapping);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        Optional<YamlNode> found = walk(node.get(), path);
        if (found.isPresent()) {
            return found;
        }
        return node.get().asMap("environments." + env).node("extends").flatMap(e -> e.scalar("extends"))
                .flatMap(parent -> inEnvironment(envs, parent, path, seen));
    }

    private static Optional<YamlNode> walk(YamlNode from, List<String> path) {
        Optional<YamlNode> n = Optional.of(from);
        for (String key : path) {
            n = n.filter(YamlNode::isMapping).flatMap(x -> x.asMap(key).node(key));
        }
        return n;
    }
}
