package dev.bella.rightsize;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bella.yaml.ConfigException;
import dev.bella.yaml.Position;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads metric series from a file (docs/rightsize.md, "Metrics files"), so rightsizing runs without AWS
 * credentials. CSV ({@code resource,metric,timestamp,value}) or JSON ({@code {"series": [...]}}), chosen by
 * the file's extension. Every error names the file and line.
 */
public final class MetricsFile {

    /** The series read, by resource kind, and the newest timestamp (the end of the lookback). */
    public record Contents(Map<Kind, Map<Metric, Series>> series, Optional<Instant> end) {
    }

    private MetricsFile() {
    }

    public static Contents read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(Position.unknown(file.toString()), "metrics file not found; pass an existing file with --metrics");
        } catch (IOException e) {
            throw new ConfigException(Position.unknown(file.toString()), "cannot read metrics file: " + e.getMessage());
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return json(text, file.toString());
        }
        if (name.endsWith(".csv")) {
            return csv(text, file.toString());
        }
        throw new ConfigException(Position.unknown(file.toString()), "metrics file must end in .csv or .json");
    }

    /** Points per (kind, metric), and an explicit period when the file gives one. */
    private static final class Builder {
        final Map<Kind, Map<Metric, List<Series.Point>>> points = new EnumMap<>(Kind.class);
        final Map<Metric, Duration> periods = new EnumMap<>(Metric.class);

        void add(Metric m, Instant at, double value) {
            points.computeIfAbsent(m.kind, k -> new EnumMap<>(Metric.class)).computeIfAbsent(m, k -> new ArrayList<>())
                    .add(new Series.Point(at, value));
        }

        Contents build() {
            Map<Kind, Map<Metric, Series>> out = new EnumMap<>(Kind.class);
            Instant end = null;
            for (var byKind : points.entrySet()) {
                Map<Metric, Series> series = new EnumMap<>(Metric.class);
                for (var e : byKind.getValue().entrySet()) {
                    Series s = new Series(periods.getOrDefault(e.getKey(), inferPeriod(e.getValue())), e.getValue());
                    series.put(e.getKey(), s);
                    Instant last = s.points().getLast().at().plus(s.period());
                    end = end == null || last.isAfter(end) ? last : end;
                }
                out.put(byKind.getKey(), series);
            }
            return new Contents(out, Optional.ofNullable(end));
        }
    }

    /**
     * The smallest gap between consecutive timestamps: gaps from missing data are multiples of the period,
     * so the smallest is the period itself. A single point is taken as one minute (CloudWatch's finest
     * standard resolution).
     */
    static Duration inferPeriod(List<Series.Point> points) {
        List<Instant> times = points.stream().map(Series.Point::at).distinct().sorted().toList();
        Duration best = null;
        for (int i = 1; i < times.size(); i++) {
            Duration gap = Duration.between(times.get(i - 1), times.get(i));
            best = best == null || gap.compareTo(best) < 0 ? gap : best;
        }
        return best == null ? Duration.ofMinutes(1) : best;
    }

    static Contents csv(String text, String file) {
        Builder b = new Builder();
        boolean header = false;
        int no = 0;
        // by hand rather than split("\\r?\\n"): a 93-day file at 60 s is a million lines
        for (int pos = 0; pos < text.length(); ) {
            int nl = text.indexOf('\n', pos);
            int stop = nl < 0 ? text.length() : nl;
            String line = text.substring(pos, stop).strip();
            pos = stop + 1;
            no++;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (!header) {
                if (!line.replace(" ", "").equalsIgnoreCase("resource,metric,timestamp,value")) {
                    throw new ConfigException(new Position(file, no, 1),
                            "expected the header resource,metric,timestamp,value, found '" + line + "'");
                }
                header = true;
                continue;
            }
            if (cells.length != 4) {
                throw new ConfigException(new Position(file, no, 1), "expected 4 cells (resource,metric,timestamp,value), found "
                        + cells.length);
            }
            Metric m = metric(cells[0].strip(), cells[1].strip(), new Position(file, no, 1));
            b.add(m, instant(cells[2].strip(), new Position(file, no, 1)), number(cells[3].strip(), new Position(file, no, 1)));
        }
        if (!header) {
            throw new ConfigException(new Position(file, 1, 1), "empty metrics file; expected the header resource,metric,timestamp,value");
        }
        return b.build();
    }

    static Contents json(String text, String file) {
        JsonNode root;
        try {
            root = new ObjectMapper().enable(JsonParser.Feature.INCLUDE_SOURCE_IN_LOCATION).readTree(text);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new ConfigException(loc == null ? Position.unknown(file)
                    : new Position(file, loc.getLineNr(), loc.getColumnNr()), "invalid JSON: " + e.getOriginalMessage());
        }
        Position at = new Position(file, 1, 1);
        if (root == null || !root.path("series").isArray()) {
            throw new ConfigException(at, "expected an object with a \"series\" array");
        }
        Builder b = new Builder();
        int index = 0;
        for (JsonNode s : root.get("series")) {
            String where = "series[" + index++ + "]";
            Metric m = metric(s.path("resource").asText(""), s.path("metric").asText(""), at, where);
            if (s.has("period")) {
                if (!s.get("period").canConvertToInt() || s.get("period").asInt() <= 0) {
                    throw new ConfigException(at, where + ".period: expected a positive number of seconds");
                }
                b.periods.put(m, Duration.ofSeconds(s.get("period").asInt()));
            }
            if (!s.path("points").isArray()) {
                throw new ConfigException(at, where + ".points: expected an array of [timestamp, value] pairs");
            }
            int p = 0;
            for (JsonNode point : s.get("points")) {
                String pw = where + ".points[" + p++ + "]";
                if (!point.isArray() || point.size() != 2 || !point.get(1).isNumber()) {
                    throw new ConfigException(at, pw + ": expected [\"2026-11-01T00:00:00Z\", 12.5]");
                }
                b.add(m, instant(point.get(0).asText(), at, pw), point.get(1).asDouble());
            }
        }
        return b.build();
    }

    private static Metric metric(String resource, String name, Position at) {
        return metric(resource, name, at, null);
    }

    private static Metric metric(String resource, String name, Position at, String where) {
        String prefix = where == null ? "" : where + ": ";
        Kind kind = Kind.byId(resource).orElseThrow(() -> new ConfigException(at, prefix + "unknown resource '" + resource
                + "'; expected service, database or cache"));
        return Metric.of(kind, name).orElseThrow(() -> new ConfigException(at, prefix + "unknown " + resource + " metric '" + name
                + "'; expected one of " + metricNames(kind)));
    }

    static List<String> metricNames(Kind kind) {
        List<String> out = new ArrayList<>();
        for (Metric m : Metric.values()) {
            if (m.kind == kind) {
                out.add(m.name);
            }
        }
        return out;
    }

    private static Instant instant(String text, Position at) {
        return instant(text, at, null);
    }

    private static Instant instant(String text, Position at, String where) {
        try {
            return parseInstant(text);
        } catch (java.time.DateTimeException e) {
            throw new ConfigException(at, (where == null ? "" : where + ": ") + "expected a UTC timestamp such as "
                    + "2026-11-01T00:00:00Z, found '" + text + "'");
        }
    }

    /**
     * {@link Instant#parse}, with a fast path for the one shape exports use ({@code 2026-11-01T00:00:00Z}):
     * the general parser was most of the time spent reading a million-line file.
     */
    static Instant parseInstant(String s) {
        if (s.length() == 20 && s.charAt(4) == '-' && s.charAt(7) == '-' && s.charAt(10) == 'T' && s.charAt(13) == ':'
                && s.charAt(16) == ':' && s.charAt(19) == 'Z') {
            int y = digits(s, 0, 4);
            int mo = digits(s, 5, 7);
            int d = digits(s, 8, 10);
            int h = digits(s, 11, 13);
            int mi = digits(s, 14, 16);
            int se = digits(s, 17, 19);
            if ((y | mo | d | h | mi | se) >= 0) {
                // LocalDateTime.of checks the ranges (month 13, February 30) and throws DateTimeException
                return java.time.LocalDateTime.of(y, mo, d, h, mi, se).toInstant(java.time.ZoneOffset.UTC);
            }
        }
        return Instant.parse(s);
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static double number(String text, Position at) {
        try {
            double v = Double.parseDouble(text);
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ConfigException(at, "expected a number, found '" + text + "'");
        }
    }
}
