package dev.bella.yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A YAML node that remembers where it came from. The typed readers are built on the composed node
 * graph rather than on a data binder because only the graph keeps line and column for every value,
 * and every error this project reports names its position.
 */
public final class YamlNode {

    private final Node node;
    private final String file;
    private final Problems problems;

    private YamlNode(Node node, String file, Problems problems) {
        this.node = node;
        this.file = file;
        this.problems = problems;
    }

    /** Parses a file; a syntax error is recorded in {@code problems} and gives an empty result. */
    public static Optional<YamlNode> parse(Path path, Problems problems) {
        String text;
        try {
            text = Files.readString(path);
        } catch (NoSuchFileException e) {
            problems.add(Position.unknown(path.toString()), "file not found; pass an existing file with --config");
            return Optional.empty();
        } catch (IOException e) {
            problems.add(Position.unknown(path.toString()), "cannot read file: " + e.getMessage());
            return Optional.empty();
        }
        return parse(text, path.toString(), problems);
    }

    public static Optional<YamlNode> parse(String text, String file, Problems problems) {
        LoadSettings settings = LoadSettings.builder().setLabel(file).setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(50).build();
        try {
            Optional<Node> root = new Compose(settings).composeString(text);
            if (root.isEmpty()) {
                problems.add(new Position(file, 1, 1), "the file is empty; expected a YAML mapping");
                return Optional.empty();
            }
            YamlNode result = new YamlNode(root.get(), file, problems);
            result.checkDuplicateKeys();
            return Optional.of(result);
        } catch (MarkedYamlEngineException e) {
            Position at = e.getProblemMark().or(e::getContextMark).map(m -> position(file, m))
                    .orElse(Position.unknown(file));
            problems.add(at, "invalid YAML: " + e.getProblem());
            return Optional.empty();
        } catch (YamlEngineException e) {
            problems.add(Position.unknown(file), "invalid YAML: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static Position position(String file, Mark mark) {
        return new Position(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    /** Where this node was written; the mark's own label, so merged trees still point at the right file. */
    public Position position() {
        return node.getStartMark().map(m -> position(m.getName() == null ? file : m.getName(), m))
                .orElse(Position.unknown(file));
    }

    public String file() {
        return file;
    }

    /**
     * Where this node's text starts and ends in the source, as code-point offsets (the parser's marks), so
     * an editor can splice a new value in place and keep every other byte of the file.
     */
    public Optional<Span> span() {
        return node.getStartMark().flatMap(s -> node.getEndMark().map(e -> new Span(s.getIndex(), e.getIndex())));
    }

    /** Code-point offsets {@code [start, end)} of a node in its source text. */
    public record Span(int start, int end) {
    }

    public Problems problems() {
        return problems;
    }

    public boolean isNull() {
        return node instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
    }

    public boolean isMapping() {
        return node instanceof MappingNode;
    }

    public boolean isSequence() {
        return node instanceof SequenceNode;
    }

    public boolean isScalar() {
        return node instanceof ScalarNode && !isNull();
    }

    /** The scalar's text, or empty with a problem recorded when this is not a scalar. */
    public Optional<String> scalar(String what) {
        if (node instanceof ScalarNode s && !isNull()) {
            return Optional.of(s.getValue());
        }
        problems.add(position(), what + ": expected a single value, found " + kind());
        return Optional.empty();
    }

    /** True when YAML resolved the scalar as a string (quoted or not a number/bool). */
    public boolean isStringTagged() {
        return node instanceof ScalarNode s && Tag.STR.equals(s.getTag());
    }

    public String kind() {
        return switch (node) {
            case MappingNode m -> "a mapping";
            case SequenceNode s -> "a list";
            case ScalarNode s when Tag.NULL.equals(s.getTag()) -> "nothing (null)";
            case ScalarNode s -> "'" + s.getValue() + "'";
            default -> "an unsupported node";
        };
    }

    public MapReader asMap(String what) {
        if (node instanceof MappingNode m) {
            Map<String, YamlNode> entries = new LinkedHashMap<>();
            Map<String, YamlNode> keys = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k) {
                    entries.put(k.getValue(), wrap(t.getValueNode()));
                    keys.put(k.getValue(), wrap(k));
                } else {
                    problems.add(wrap(t.getKeyNode()).position(), what + ": keys must be plain names");
                }
            }
            return new MapReader(this, what, entries, keys);
        }
        if (!isNull()) {
            problems.add(position(), what + ": expected a mapping (key: value), found " + kind());
        }
        return new MapReader(this, what, Map.of(), Map.of());
    }

    public List<YamlNode> asList(String what) {
        if (node instanceof SequenceNode s) {
            List<YamlNode> items = new ArrayList<>();
            for (Node n : s.getValue()) {
                items.add(wrap(n));
            }
            return items;
        }
        if (!isNull()) {
            problems.add(position(), what + ": expected a list, found " + kind());
        }
        return List.of();
    }

    YamlNode wrap(Node n) {
        return new YamlNode(n, file, problems);
    }

    /**
     * This node laid over {@code base}: mappings merge key by key, recursively; anything else in this
     * node replaces the base. Positions stay with the node that supplied each value, so an error in an
     * inherited value points at the environment it was inherited from.
     */
    public YamlNode mergedOver(YamlNode base) {
        return new YamlNode(merge(base.node, node), file, problems);
    }

    private static Node merge(Node base, Node over) {
        if (!(base instanceof MappingNode b) || !(over instanceof MappingNode o)) {
            return over;
        }
        Map<String, NodeTuple> merged = new LinkedHashMap<>();
        for (NodeTuple t : b.getValue()) {
            merged.put(keyOf(t), t);
        }
        for (NodeTuple t : o.getValue()) {
            NodeTuple prior = merged.get(keyOf(t));
            merged.put(keyOf(t), prior == null ? t
                    : new NodeTuple(t.getKeyNode(), merge(prior.getValueNode(), t.getValueNode())));
        }
        return new MappingNode(Tag.MAP, false, new ArrayList<>(merged.values()), o.getFlowStyle(),
                o.getStartMark(), o.getEndMark());
    }

    private static String keyOf(NodeTuple t) {
        return t.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(t.getKeyNode());
    }

    private void checkDuplicateKeys() {
        checkDuplicateKeys(node);
    }

    // The composer keeps duplicate keys; only the constructor would reject them, and we never construct.
    private void checkDuplicateKeys(Node n) {
        switch (n) {
            case MappingNode m -> {
                Map<String, Node> seen = new LinkedHashMap<>();
                for (NodeTuple t : m.getValue()) {
                    String key = keyOf(t);
                    if (seen.putIfAbsent(key, t.getKeyNode()) != null) {
                        problems.add(wrap(t.getKeyNode()).position(), "duplicate key '" + key
                                + "'; each key may appear once in a mapping");
                    }
                    checkDuplicateKeys(t.getValueNode());
                }
            }
            case SequenceNode s -> s.getValue().forEach(this::checkDuplicateKeys);
            default -> { }
        }
    }
}
