package dev.bella.yaml;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one YAML mapping into typed values. Every read records a problem instead of throwing, and
 * returns a usable fallback, so a whole file is checked in one pass. {@link #finish()} reports the keys
 * nobody asked for: unknown keys are errors, never silently ignored.
 */
public final class MapReader {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private final YamlNode owner;
    private final String what;
    private final Map<String, YamlNode> entries;
    private final Map<String, YamlNode> keyNodes;
    private final Set<String> known = new LinkedHashSet<>();

    MapReader(YamlNode owner, String what, Map<String, YamlNode> entries, Map<String, YamlNode> keyNodes) {
        this.owner = owner;
        this.what = what;
        this.entries = entries;
        this.keyNodes = keyNodes;
    }

    public String what() {
        return what;
    }

    public Position position() {
        return owner.position();
    }

    public Problems problems() {
        return owner.problems();
    }

    public Set<String> keys() {
        return entries.keySet();
    }

    /** Position of a key (for errors about the key itself), or of the mapping when the key is absent. */
    public Position positionOf(String key) {
        YamlNode k = keyNodes.get(key);
        return k == null ? owner.position() : k.position();
    }

    public boolean has(String key) {
        known.add(key);
        YamlNode n = entries.get(key);
        return n != null && !n.isNull();
    }

    public Optional<YamlNode> node(String key) {
        known.add(key);
        YamlNode n = entries.get(key);
        return n == null || n.isNull() ? Optional.empty() : Optional.of(n);
    }

    /** The value of a key as written, an empty (null) value included; empty only when the key is absent. */
    public Optional<YamlNode> raw(String key) {
        known.add(key);
        return Optional.ofNullable(entries.get(key));
    }

    /** Marks a key as understood without reading it (it is read elsewhere, e.g. {@code extends}). */
    public void allow(String... keys) {
        known.addAll(List.of(keys));
    }

    private String label(String key) {
        return what + "." + key;
    }

    public Optional<String> string(String key) {
        return node(key).flatMap(n -> n.scalar(label(key)));
    }

    public String string(String key, String fallback) {
        return string(key).orElse(fallback);
    }

    public String requiredString(String key) {
        Optional<String> v = string(key);
        if (v.isEmpty() && !entries.containsKey(key)) {
            missing(key, "a value");
        } else if (v.isEmpty() && entries.get(key).isNull()) {
            // `region:` with nothing after it used to pass silently as an empty string
            problems().add(positionOf(key), label(key) + ": expected a value, found nothing");
        }
        return v.orElse("");
    }

    public void missing(String key, String expected) {
        problems().add(owner.position(), what + ": missing required key '" + key + "' (" + expected + ")");
    }

    public Optional<Integer> integer(String key, long min, long max) {
        return node(key).flatMap(n -> parseInteger(n, label(key), min, max));
    }

    public int integer(String key, int fallback, long min, long max) {
        return integer(key, min, max).orElse(fallback);
    }

    public int requiredInteger(String key, long min, long max) {
        if (!has(key)) {
            missing(key, "a whole number from " + min + " to " + max);
            return (int) Math.max(min, 0);
        }
        return integer(key, min, max).orElse((int) Math.max(min, 0));
    }

    static Optional<Integer> parseInteger(YamlNode n, String label, long min, long max) {
        Optional<String> text = n.scalar(label);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        long v;
        try {
            v = Long.parseLong(text.get().replace("_", ""));
        } catch (NumberFormatException e) {
            n.problems().add(n.position(), label + ": expected a whole number, found " + n.kind());
            return Optional.empty();
        }
        if (v < min || v > max) {
            n.problems().add(n.position(), label + ": expected a whole number from " + min + " to " + max
                    + ", found " + v);
            return Optional.empty();
        }
        return Optional.of((int) v);
    }

    /** A decimal number (money, shares, GB); never a double, so 0.1 stays 0.1. */
    public Optional<BigDecimal> decimal(String key, BigDecimal min, BigDecimal max) {
        return node(key).flatMap(n -> {
            Optional<String> text = n.scalar(label(key));
            if (text.isEmpty()) {
                return Optional.empty();
            }
            BigDecimal v;
            try {
                v = new BigDecimal(text.get().replace("_", ""));
            } catch (NumberFormatException e) {
                problems().add(n.position(), label(key) + ": expected a number, found " + n.kind());
                return Optional.empty();
            }
            if (min != null && v.compareTo(min) < 0 || max != null && v.compareTo(max) > 0) {
                problems().add(n.position(), label(key) + ": expected a number "
                        + range(min, max) + ", found " + v.toPlainString());
                return Optional.empty();
            }
            return Optional.of(v);
        });
    }

    private static String range(BigDecimal min, BigDecimal max) {
        if (min != null && max != null) {
            return "from " + min.toPlainString() + " to " + max.toPlainString();
        }
        return min != null ? "of at least " + min.toPlainString() : "of at most " + max.toPlainString();
    }

    public BigDecimal decimal(String key, BigDecimal fallback, BigDecimal min, BigDecimal max) {
        return decimal(key, min, max).orElse(fallback);
    }

    public boolean bool(String key, boolean fallback) {
        return node(key).flatMap(n -> n.scalar(label(key)).flatMap(text -> switch (text) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> {
                problems().add(n.position(), label(key) + ": expected true or false, found " + n.kind());
                yield Optional.empty();
            }
        })).orElse(fallback);
    }

    /** A duration with an explicit unit: {@code 300s}, {@code 5m}, {@code 2h}, {@code 7d}, {@code 250ms}. */
    public Duration duration(String key, Duration fallback) {
        return node(key).flatMap(n -> n.scalar(label(key)).flatMap(text -> {
            Matcher m = DURATION.matcher(text.trim());
            if (!m.matches()) {
                problems().add(n.position(), label(key) + ": expected a duration with a unit such as 300s, 5m or 1h, found "
                        + n.kind());
                return Optional.empty();
            }
            // the pattern admits any number of digits: an amount too large for a long or a Duration must
            // be a problem at its position, not a NumberFormatException/ArithmeticException out of the loader
            try {
                long amount = Long.parseLong(m.group(1));
                return Optional.of(switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                });
            } catch (NumberFormatException | ArithmeticException e) {
                problems().add(n.position(), label(key) + ": duration " + n.kind() + " is too large");
                return Optional.empty();
            }
        })).orElse(fallback);
    }

    /** One of a fixed set of words, e.g. {@code alb} or {@code http-api}. */
    public <E> Optional<E> choice(String key, Map<String, E> choices) {
        return node(key).flatMap(n -> n.scalar(label(key)).flatMap(text -> {
            E v = choices.get(text);
            if (v == null) {
                // sorted: the callers pass Map.of, whose iteration order changes from run to run
                problems().add(n.position(), label(key) + ": expected one of "
                        + String.join(", ", new java.util.TreeSet<>(choices.keySet())) + ", found '" + text + "'");
            }
            return Optional.ofNullable(v);
        }));
    }

    public <E> E choice(String key, Map<String, E> choices, E fallback) {
        return choice(key, choices).orElse(fallback);
    }

    public List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        node(key).ifPresent(n -> {
            for (YamlNode item : n.asList(label(key))) {
                item.scalar(label(key) + " item").ifPresent(out::add);
            }
        });
        return out;
    }

    /** A nested mapping; absent gives an empty reader, so defaults apply. */
    public MapReader map(String key) {
        return node(key).map(n -> n.asMap(label(key)))
                .orElseGet(() -> new MapReader(owner, label(key), Map.of(), Map.of()));
    }

    public <T> List<T> list(String key, Function<YamlNode, Optional<T>> reader) {
        List<T> out = new ArrayList<>();
        node(key).ifPresent(n -> n.asList(label(key)).forEach(item -> reader.apply(item).ifPresent(out::add)));
        return out;
    }

    /** Reports every key that was present but never read, with the nearest known key as a hint. */
    public void finish() {
        for (String key : entries.keySet()) {
            if (!known.contains(key)) {
                String hint = nearest(key).map(k -> "; did you mean '" + k + "'?").orElse("");
                problems().add(positionOf(key), what + ": unknown key '" + key + "'" + hint
                        + " (expected one of: " + String.join(", ", known) + ")");
            }
        }
    }

    private Optional<String> nearest(String key) {
        return Suggestions.nearest(key, known);
    }
}
