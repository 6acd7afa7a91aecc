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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        for (SpecChange c : changes.stream().flatMap(c -> c.all().stream()).toList()) {
            Optional<YamlNode> at = locate(parsed.get(), c.path());
            if (at.isEmpty() && c.after().isPresent()) {
                Optional<Splice> added = added(parsed.get(), text, c);
                if (added.isEmpty()) {
                    return Optional.empty();
                }
                splices.add(added.get());
                continue;
            }
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

    /**
     * A key not written yet, as a line of its own after its sibling's, at the sibling's indentation. Only where the
     * sibling is a block-mapping line of its own ({@code key: value}); a flow mapping is left to the engineer.
     */
    private static Optional<Splice> added(YamlNode root, String text, SpecChange c) {
        List<String> siblingPath = new ArrayList<>(c.path().subList(0, c.path().size() - 1));
        siblingPath.add(c.after().orElseThrow());
        Optional<YamlNode.Span> span = locate(root, siblingPath).flatMap(YamlNode::span);
        if (span.isEmpty()) {
            return Optional.empty();
        }
        int start = text.offsetByCodePoints(0, span.get().start());
        int lineStart = text.lastIndexOf('\n', start - 1) + 1;
        Matcher key = BLOCK_KEY.matcher(text.substring(lineStart, start));
        int lineEnd = text.indexOf('\n', start);
        if (!key.matches() || lineEnd < 0) {
            return Optional.empty();
        }
        String line = key.group(1) + c.path().getLast() + ": " + c.value() + "\n";
        return Optional.of(new Splice(lineEnd + 1, lineEnd + 1, line));
    }

    /** A line that starts a block-mapping entry: indentation, a plain key, a colon. */
    private static final Pattern BLOCK_KEY = Pattern.compile("( *)[A-Za-z0-9_-]+: *");

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
