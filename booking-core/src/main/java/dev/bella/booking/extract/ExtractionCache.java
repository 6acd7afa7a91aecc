package dev.bella.booking.extract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * Two levels for LLM answers: Caffeine in the process, then Redis shared by all service instances. Exact match only
 * (semantic matching would merge "Tuesday at 3" with "Thursday at 3"). The key hashes the normalized utterance, the
 * model, the prompt version, the fields asked, and, whenever a date or time is asked, the reference date, zone and
 * business hours: "tomorrow" resolved on Monday is never served on Tuesday. A confident answer lives longer.
 * Redis is optional and budgeted: down or slow, the process level carries on alone and nothing fails.
 */
public final class ExtractionCache implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Cache<String, ExtractionResult> local;
    private final RedisLevel redis;
    private final LongAdder hits = new LongAdder(), redisHits = new LongAdder(), misses = new LongAdder();

    /** The cache key: hex SHA-256 and whether the reference date went into it. */
    public record Key(String hash, boolean dateDependent) {}

    public ExtractionCache(long maxEntries, RedisLevel redis, Ticker ticker) {
        this.local = Caffeine.newBuilder().maximumSize(maxEntries).ticker(ticker)
                .expireAfter(Expiry.<String, ExtractionResult>creating((k, v) -> ttl(v)))
                .build();
        this.redis = redis;
    }

    /** Both levels; {@code redis} null means in-process only (no BELLA_REDIS_URL). */
    public static ExtractionCache of(RedisLevel redis) {
        return new ExtractionCache(10_000, redis, Ticker.systemTicker());
    }

    /** In-process level only. */
    public static ExtractionCache inProcess() {
        return new ExtractionCache(10_000, null, Ticker.systemTicker());
    }

    public static Key key(String utterance, Set<Field> fields, UtteranceContext ctx) {
        boolean dated = fields.contains(Field.DATE) || fields.contains(Field.TIME);
        StringBuilder b = new StringBuilder(128)
                .append(normalize(utterance)).append('\n')
                .append(LlmExtractor.MODEL).append('\n')
                .append(LlmExtractor.PROMPT_VERSION).append('\n')
                .append(new TreeSet<>(fields)).append('\n');
        if (dated) {
            b.append(ctx.today()).append(' ').append(ctx.zone().getId()).append(' ')
                    .append(ctx.hours().opens()).append('-').append(ctx.hours().closes());
        }
        if (fields.contains(Field.TIME)) {
            // the prompt gives the model the local time (to the minute), and "later today" or "in two hours"
            // depends on it: a time is never served to another reference minute
            b.append(' ').append(LlmExtractor.localMinute(ctx));
        }
        return new Key(sha256(b.toString()), dated);
    }

    private static final Pattern NOT_SPOKEN = Pattern.compile("[^\\p{L}\\p{N}:'/+-]+");

    /** Case, punctuation and spacing never change what was said: "Tomorrow, at 3." = "tomorrow at 3". */
    static String normalize(String s) {
        return NOT_SPOKEN.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** How long an answer stays: the more confident, the longer; a doubtful one barely outlives a call. */
    static Duration ttl(ExtractionResult r) {
        double c = 1;
        for (double v : r.confidence().values()) c = Math.min(c, v);
        if (r.confidence().isEmpty()) c = 0.5;   // "nothing to extract" is itself a fairly stable answer
        if (c >= 0.85) return Duration.ofHours(24);
        if (c >= 0.7) return Duration.ofHours(6);
        if (c >= 0.5) return Duration.ofMinutes(30);
        return Duration.ofMinutes(5);
    }

    public Optional<ExtractionResult> get(Key key) {
        ExtractionResult r = local.getIfPresent(key.hash());
        if (r == null && redis != null) {
            r = redis.get(key.hash()).map(ExtractionCache::fromJson).orElse(null);
            if (r != null) {
                redisHits.increment();
                local.put(key.hash(), r);
            }
        }
        if (r == null) { misses.increment(); return Optional.empty(); }
        hits.increment();
        return Optional.of(r.withTier(Tier.CACHE, TokenUsage.NONE));
    }

    public void put(Key key, ExtractionResult r) {
        ExtractionResult stored = r.withTier(Tier.LLM, TokenUsage.NONE);
        local.put(key.hash(), stored);
        if (redis != null) redis.set(key.hash(), toJson(stored), ttl(stored));
    }

    public long hits() { return hits.sum(); }
    public long redisHits() { return redisHits.sum(); }
    public long misses() { return misses.sum(); }

    @Override
    public void close() {
        if (redis != null) redis.close();
    }

    static String toJson(ExtractionResult r) {
        ObjectNode n = JSON.createObjectNode();
        if (r.name() != null) n.put("name", r.name());
        if (r.phone() != null) n.put("phone", r.phone());
        if (r.date() != null) n.put("date", r.date().toString());
        if (r.time() != null) n.put("time", r.time().toString());
        ObjectNode c = n.putObject("confidence");
        r.confidence().forEach((f, v) -> c.put(f.name(), v));
        return n.toString();
    }

    static ExtractionResult fromJson(String s) {
        try {
            var n = JSON.readTree(s);
            Map<Field, Double> conf = new EnumMap<>(Field.class);
            n.get("confidence").properties().forEach(e -> conf.put(Field.valueOf(e.getKey()), e.getValue().asDouble()));
            return new ExtractionResult(text(n, "name"), text(n, "phone"),
                    n.has("date") ? LocalDate.parse(n.get("date").asText()) : null,
                    n.has("time") ? LocalTime.parse(n.get("time").asText()) : null,
                    null, null, conf, Set.of(), Tier.CACHE, TokenUsage.NONE);
        } catch (Exception e) {
            return null;   // an entry written by another prompt version or corrupted: a miss, not a failure
        }
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode n, String f) {
        return n.has(f) ? n.get(f).asText() : null;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
