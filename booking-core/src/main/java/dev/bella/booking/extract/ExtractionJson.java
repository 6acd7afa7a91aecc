package dev.bella.booking.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * The JSON face of extraction (`bella booking extract`): one result as
 * {@code {"name":…, "phone":"+1…", "date":"YYYY-MM-DD", "time":"HH:MM", "confidence":{…}, "tier":"local"}} with
 * null for a field not found, and the batch input lines {@code {"id":…, "text":…, "at":…, "tz":…, "from":…}}.
 */
public final class ExtractionJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final Set<String> INPUT_KEYS = Set.of("id", "text", "at", "tz", "from");

    private ExtractionJson() {}

    /** One utterance to extract; {@code id} is the batch line's id (any JSON value) or null. */
    public record Request(JsonNode id, String text, UtteranceContext context) {}

    public static String render(ExtractionResult r, JsonNode id) {
        ObjectNode n = JSON.createObjectNode();
        if (id != null) n.set("id", id);
        n.put("name", r.name());
        n.put("phone", r.phone());
        n.put("date", r.date() == null ? null : r.date().toString());
        n.put("time", r.time() == null ? null : r.time().format(HH_MM));
        ObjectNode c = n.putObject("confidence");
        for (Field f : Field.values()) {
            if (f != Field.SERVICE && r.has(f)) c.put(f.name().toLowerCase(java.util.Locale.ROOT), r.confidenceOf(f));
        }
        n.put("tier", r.tier().label());
        return n.toString();
    }

    /**
     * Parses one batch line; the defaults give what the line leaves out. Throws IllegalArgumentException with a
     * message that names the problem (the caller adds file and line).
     */
    public static Request parseLine(String line, Instant defaultAt, ZoneId defaultZone, String defaultFrom) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) throw new IllegalArgumentException("expected a JSON object like {\"text\": \"…\"}");
        n.fieldNames().forEachRemaining(k -> {
            if (!INPUT_KEYS.contains(k)) {
                throw new IllegalArgumentException("unknown key \"" + k + "\" (expected id, text, at, tz, from)");
            }
        });
        JsonNode text = n.get("text");
        if (text == null || !text.isTextual()) throw new IllegalArgumentException("\"text\" is missing or not a string");
        Instant at = n.hasNonNull("at") ? instant(n.get("at").asText()) : defaultAt;
        ZoneId zone = n.hasNonNull("tz") ? zone(n.get("tz").asText()) : defaultZone;
        String from = n.hasNonNull("from") ? n.get("from").asText() : defaultFrom;
        return new Request(n.get("id"), text.asText(), UtteranceContext.of(at, zone, from));
    }

    public static Instant instant(String s) {
        try {
            return Instant.parse(s);
        } catch (DateTimeException e) {
            try {
                return java.time.OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeException e2) {
                throw new IllegalArgumentException("\"" + s + "\" is not an ISO instant (e.g. 2026-11-25T19:00:00Z)");
            }
        }
    }

    public static ZoneId zone(String s) {
        try {
            return ZoneId.of(s);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("\"" + s + "\" is not a time zone (e.g. America/Toronto)");
        }
    }
}
