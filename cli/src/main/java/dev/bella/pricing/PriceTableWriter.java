package dev.bella.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Writes a price table in the format {@code PriceTableLoader} reads: one flow mapping per line, so a
 * diff of two refreshes shows one line per changed price.
 */
final class PriceTableWriter {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");

    record Source(String id, String url, LocalDate retrieved) {
    }

    /** One price; {@code date} is written only when it differs from its source's retrieved date. */
    record Line(String key, BigDecimal price, String unit, String source, LocalDate date, String note) {
    }

    private final String region;
    private final String note;
    private final Map<String, Source> sources = new LinkedHashMap<>();
    private final List<Line> lines = new ArrayList<>();

    PriceTableWriter(String region, String note) {
        this.region = region;
        this.note = note;
    }

    /** Adds a source; the same id twice must mean the same page on the same day. */
    PriceTableWriter source(Source source) {
        Source prior = sources.putIfAbsent(source.id(), source);
        if (prior != null && !prior.equals(source)) {
            throw new IllegalStateException("two sources named '" + source.id() + "': " + prior + " and " + source);
        }
        return this;
    }

    PriceTableWriter line(Line line) {
        if (!sources.containsKey(line.source())) {
            throw new IllegalStateException(line.key() + ": unknown source '" + line.source() + "'");
        }
        lines.add(line);
        return this;
    }

    String write() {
        StringBuilder out = new StringBuilder();
        out.append("region: ").append(scalar(region)).append('\n');
        out.append("currency: USD\n");
        out.append("note: ").append(quoted(note)).append('\n');
        out.append("sources:\n");
        int width = sources.keySet().stream().mapToInt(id -> scalar(id).length()).max().orElse(0);
        for (Source s : sources.values()) {
            String id = scalar(s.id());
            out.append("  ").append(id).append(':').append(" ".repeat(width - id.length() + 1))
                    .append("{url: ").append(quoted(s.url())).append(", retrieved: ").append(s.retrieved())
                    .append("}\n");
        }
        out.append("prices:\n");
        for (Line l : lines) {
            out.append("  ").append(scalar(l.key())).append(": {price: ").append(l.price().toPlainString())
                    .append(", unit: ").append(scalar(l.unit()))
                    .append(", source: ").append(scalar(l.source()));
            if (l.date() != null && !Objects.equals(l.date(), sources.get(l.source()).retrieved())) {
                out.append(", date: ").append(l.date());
            }
            if (l.note() != null && !l.note().isBlank()) {
                out.append(", note: ").append(quoted(l.note()));
            }
            out.append("}\n");
        }
        return out.toString();
    }

    /** Plain when YAML reads it back as the same string, double-quoted otherwise. */
    private static String scalar(String text) {
        return PLAIN.matcher(text).matches() && !looksLikeAnotherType(text) ? text : quoted(text);
    }

    // A plain true, null, 1.5 or 2026-11-27 would come back as a bool, null, number or date.
    private static boolean looksLikeAnotherType(String text) {
        return text.matches("(?i)true|false|yes|no|on|off|null|~") || text.matches("[0-9][0-9._-]*");
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
