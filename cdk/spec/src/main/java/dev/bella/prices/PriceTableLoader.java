package dev.bella.prices;

import dev.bella.yaml.MapReader;
import dev.bella.yaml.Problems;
import dev.bella.yaml.YamlNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a price table ({@code configs/prices/aws-<region>.yaml}). The tables ship inside the jar as
 * well, so a spec anywhere on disk finds the prices of its region without a path.
 */
public final class PriceTableLoader {

    /** Classpath folder holding copies of {@code configs/}. */
    public static final String BUNDLED = "bella-configs/";

    private record Source(String url, LocalDate retrieved) {
    }

    /**
     * Tables already read: a command reads specs several times (the roadmap projection reads the baseline once per
     * phase, each time with the same table, and `cost report` reads the spec and the baseline through two loaders),
     * and parsing the same YAML again was a fifth of `cost report`'s start-up. The bundled tables are resources of
     * the jar, the same for every loader, so they are read once per JVM; a table given as text is kept by the
     * loader that read it, by label and text. A table is immutable; a table with problems throws and is not kept.
     */
    private static final Map<String, Optional<PriceTable>> BUNDLED_TABLES = new ConcurrentHashMap<>();
    private final Map<List<String>, PriceTable> parsedTables = new ConcurrentHashMap<>();

    public PriceTable load(Path file) {
        Problems problems = new Problems();
        Optional<YamlNode> root = YamlNode.parse(file, problems);
        PriceTable table = root.map(r -> read(r, file.toString())).orElse(null);
        problems.throwIfAny();
        return table;
    }

    /** The table bundled for a region, if there is one. */
    public Optional<PriceTable> bundled(String region) {
        return BUNDLED_TABLES.computeIfAbsent(region, PriceTableLoader::readBundled);
    }

    private static Optional<PriceTable> readBundled(String region) {
        String name = BUNDLED + "prices/aws-" + region + ".yaml";
        try (InputStream in = PriceTableLoader.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                return Optional.empty();
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Problems problems = new Problems();
            String label = "(bundled) prices/aws-" + region + ".yaml";
            PriceTable table = YamlNode.parse(text, label, problems).map(r -> read(r, label)).orElse(null);
            problems.throwIfAny();
            return Optional.ofNullable(table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PriceTable parse(String text, String label) {
        return parsedTables.computeIfAbsent(List.of(label, text), k -> parseNew(text, label));
    }

    private PriceTable parseNew(String text, String label) {
        Problems problems = new Problems();
        PriceTable table = YamlNode.parse(text, label, problems).map(r -> read(r, label)).orElse(null);
        problems.throwIfAny();
        return table;
    }

    private static PriceTable read(YamlNode root, String label) {
        MapReader top = root.asMap("price table");
        String region = top.requiredString("region");
        String currency = top.string("currency", "USD");
        if (!"USD".equals(currency)) {
            top.problems().add(top.positionOf("currency"), "price table.currency: only USD is supported, found " + currency);
        }
        Map<String, Source> sources = new HashMap<>();
        MapReader src = top.map("sources");
        for (String id : src.keys()) {
            MapReader s = src.map(id);
            String url = s.requiredString("url");
            LocalDate retrieved = date(s, "retrieved");
            s.finish();
            sources.put(id, new Source(url, retrieved));
        }
        src.allow(src.keys().toArray(String[]::new));
        src.finish();

        TreeMap<String, PriceEntry> entries = new TreeMap<>();
        MapReader prices = top.map("prices");
        for (String key : prices.keys()) {
            MapReader e = prices.map(key);
            BigDecimal price = e.decimal("price", BigDecimal.ZERO, BigDecimal.ZERO, null);
            if (!e.has("price")) {
                e.missing("price", "a number, 0 or more");
            }
            String unit = e.requiredString("unit");
            String sourceId = e.requiredString("source");
            Source source = sources.get(sourceId);
            if (source == null && !sourceId.isEmpty()) {
                e.problems().add(e.positionOf("source"), e.what() + ".source: unknown source '" + sourceId
                        + "' (expected one of: " + String.join(", ", new TreeMap<>(sources).keySet()) + ")");
            }
            LocalDate date = e.has("date") ? date(e, "date") : source == null ? null : source.retrieved();
            String note = e.string("note").orElse(null);
            e.finish();
            entries.put(key, new PriceEntry(key, price, unit, sourceId, source == null ? "" : source.url(),
                    date, e.position(), note));
        }
        prices.allow(prices.keys().toArray(String[]::new));
        prices.finish();
        top.allow("note");
        top.finish();
        return new PriceTable(label, region, currency, entries);
    }

    private static LocalDate date(MapReader m, String key) {
        Optional<String> text = m.string(key);
        if (text.isEmpty()) {
            m.missing(key, "a date, YYYY-MM-DD");
            return null;
        }
        try {
            return LocalDate.parse(text.get());
        } catch (DateTimeParseException e) {
            m.problems().add(m.positionOf(key), m.what() + "." + key + ": expected a date YYYY-MM-DD, found '"
                    + text.get() + "'");
            return null;
        }
    }
}
