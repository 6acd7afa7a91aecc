package dev.bella.booking.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The labelled development set (src/test/resources/extraction/dev-set.jsonl). */
record DevSet(List<Item> items) {

    record Item(String id, String text, UtteranceContext context, Map<Field, String> expected) {}

    static DevSet load() {
        return load("/extraction/dev-set.jsonl");
    }

    /** The held-out set: written after the grammar was frozen, never used to change it. */
    static DevSet holdout() {
        return load("/extraction/holdout-set.jsonl");
    }

    static DevSet load(String resource) {
        ObjectMapper json = new ObjectMapper();
        List<Item> items = new ArrayList<>();
        try (var in = DevSet.class.getResourceAsStream(resource);
             var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) continue;
                JsonNode n = json.readTree(line);
                UtteranceContext ctx = UtteranceContext.of(Instant.parse(n.get("at").asText()),
                        ZoneId.of(n.get("tz").asText()), n.get("from").asText());
                Map<Field, String> exp = new EnumMap<>(Field.class);
                JsonNode e = n.get("expect");
                for (Field f : List.of(Field.NAME, Field.PHONE, Field.DATE, Field.TIME)) {
                    JsonNode v = e.get(f.name().toLowerCase());
                    exp.put(f, v == null || v.isNull() ? null : v.asText());
                }
                items.add(new Item(n.get("id").asText(), n.get("text").asText(), ctx, exp));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DevSet(List.copyOf(items));
    }

    /** The field value as the dev set writes it (dates ISO, times HH:MM), null when absent. */
    static String render(ExtractionResult r, Field f) {
        Object v = r.value(f);
        return v == null ? null : v.toString();
    }
}
