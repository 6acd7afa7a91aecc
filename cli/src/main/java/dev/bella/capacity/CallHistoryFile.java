package dev.bella.capacity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A call history file: CSV with a header naming {@code started_at} and {@code duration_seconds} (other columns
 * ignored), or JSON lines, one object per call with the same two fields. A start time must carry its offset:
 * a local time alone is ambiguous in the hour a clock falls back. Every error names the file and line.
 */
final class CallHistoryFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CallHistoryFile() {
    }

    static List<Call> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new CapacityException(CapacityException.Reason.INPUT, "--calls: cannot read " + file + ": "
                    + e.getClass().getSimpleName().replace("Exception", "") + " " + e.getMessage());
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean json = name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")
                || !name.endsWith(".csv") && lines.stream().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
                .map(l -> l.startsWith("{")).orElse(false);
        return json ? jsonLines(file, lines) : csv(file, lines);
    }

    private static List<Call> csv(Path file, List<String> lines) {
        List<Call> calls = new ArrayList<>();
        int startCol = -1;
        int durationCol = -1;
        int width = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = Arrays.stream(line.split(",", -1)).map(String::strip).toArray(String[]::new);
            if (startCol < 0) {
                List<String> header = Arrays.asList(cells);
                startCol = header.indexOf("started_at");
                durationCol = header.indexOf("duration_seconds");
                if (startCol < 0 || durationCol < 0) {
                    throw error(file, i, "expected a header naming started_at and duration_seconds, found '" + line + "'");
                }
                width = cells.length;
                continue;
            }
            if (cells.length != width) {
                throw error(file, i, "expected " + width + " columns like the header, found " + cells.length);
            }
            calls.add(call(file, i, cells[startCol], cells[durationCol]));
        }
        if (startCol < 0) {
            throw error(file, 0, "empty; expected a header started_at,duration_seconds and one call per line");
        }
        return calls;
    }

    private static List<Call> jsonLines(Path file, List<String> lines) {
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                throw error(file, i, "invalid JSON: " + e.getOriginalMessage());
            }
            if (node == null || !node.isObject()) {
                throw error(file, i, "expected one JSON object per line like {\"started_at\": \"2026-11-02T14:05:00Z\", "
                        + "\"duration_seconds\": 150}");
            }
            JsonNode start = node.get("started_at");
            JsonNode duration = node.get("duration_seconds");
            if (start == null || !start.isTextual()) {
                throw error(file, i, "started_at: expected a time text such as \"2026-11-02T14:05:00Z\"");
            }
            if (duration == null || !duration.isNumber()) {
                throw error(file, i, "duration_seconds: expected a number of seconds");
            }
            calls.add(call(file, i, start.asText(), duration.asText()));
        }
        return calls;
    }

    private static Call call(Path file, int line, String startText, String durationText) {
        Instant start;
        try {
            start = OffsetDateTime.parse(startText).toInstant();
        } catch (DateTimeParseException e) {
            throw error(file, line, "started_at: expected an ISO-8601 time with an offset such as 2026-11-02T14:05:00Z "
                    + "or 2026-11-02T09:05:00-05:00, found '" + startText + "'");
        }
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(durationText);
        } catch (NumberFormatException e) {
            seconds = null;
        }
        if (seconds == null || seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(86_400)) > 0) {
            throw error(file, line, "duration_seconds: expected a number of seconds from 0 to 86400, found '"
                    + durationText + "'");
        }
        long millis = seconds.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
        return new Call(start, Duration.ofMillis(millis));
    }

    private static CapacityException error(Path file, int index, String message) {
        return new CapacityException(CapacityException.Reason.INPUT, file + ":" + (index + 1) + ": " + message);
    }
}
