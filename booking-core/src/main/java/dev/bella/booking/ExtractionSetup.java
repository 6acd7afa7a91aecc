package dev.bella.booking;

import dev.bella.booking.config.BookingConfig;
import dev.bella.booking.config.BusinessHours;
import dev.bella.booking.extract.ExtractionCache;
import dev.bella.booking.extract.Extractor;
import dev.bella.booking.extract.LlmExtractor;
import dev.bella.booking.extract.LocalExtractor;
import dev.bella.booking.extract.RedisLevel;
import dev.bella.booking.extract.TieredExtraction;
import dev.bella.booking.extract.TieredExtractor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call flow's extractor as the configuration asks for it: the local grammar always; the OpenAI tier with
 * {@code OPENAI_API_KEY}; Redis as the cache's second level with {@code BELLA_REDIS_URL}. The embedded default
 * runs the local extractor and the in-process cache only, whatever the environment says (issue 4's contract:
 * a local run costs nothing and calls nobody). Owns the Redis connection, so it is closed with the app.
 */
record ExtractionSetup(Extractor extractor, ExtractionCache cache, boolean llm, boolean redis) implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ExtractionSetup.class);

    /** The OpenAI tier's share of the 3-second voice turn: the rest is for the database and TwiML. */
    static final Duration LLM_BUDGET = Duration.ofSeconds(2);
    static final Duration REDIS_BUDGET = Duration.ofMillis(50);
    static final Duration REDIS_PAUSE_AFTER_FAILURE = Duration.ofSeconds(5);

    /** For a caller that built its own extractor (tests, the load bench): nothing remote. */
    static ExtractionSetup of(Extractor extractor) {
        return new ExtractionSetup(extractor, ExtractionCache.inProcess(), false, false);
    }

    static ExtractionSetup from(BookingConfig config, Clock clock, MeterRegistry registry) {
        boolean remote = !config.embedded();
        Optional<LlmExtractor> llm = config.openAiApiKey().filter(k -> remote)
                .map(key -> LlmExtractor.create(key, config.openAiBaseUrl().map(URI::toString).orElse(null), LLM_BUDGET,
                        clock));
        Optional<RedisLevel> redis = config.redisUrl().filter(u -> remote)
                .map(u -> new RedisLevel(u, REDIS_BUDGET, REDIS_PAUSE_AFTER_FAILURE, clock));
        ExtractionCache cache = ExtractionCache.of(redis.orElse(null));
        // one counter per decision, looked up once rather than on every utterance
        Map<TieredExtraction.Decision, Counter> decisions = new EnumMap<>(TieredExtraction.Decision.class);
        for (TieredExtraction.Decision d : TieredExtraction.Decision.values()) {
            decisions.put(d, registry.counter("bella.extraction.decisions", "decision",
                    d.name().toLowerCase(java.util.Locale.ROOT)));
        }
        TieredExtraction tiers = new TieredExtraction(new LocalExtractor(), llm.orElse(null), cache,
                TieredExtraction.Policy.DEFAULT, (decision, result) -> decisions.get(decision).increment());
        llm.ifPresent(LlmExtractor::warmUp);
        log.info("extraction: local grammar, {}, {}", llm.isPresent() ? "OpenAI tier on" : "OpenAI tier off",
                redis.isPresent() ? "in-process and Redis cache" : "in-process cache");
        return new ExtractionSetup(new TieredExtractor(tiers, grammarHours(config.hours())), cache, llm.isPresent(),
                redis.isPresent());
    }

    /**
     * The grammar reads an hour said without am/pm ("at 3") as the reading inside opening hours; it needs one
     * span, so the span from the earliest opening to the latest closing of any day.
     */
    static dev.bella.booking.extract.BusinessHours grammarHours(BusinessHours hours) {
        var windows = hours.days().values();
        if (windows.isEmpty()) {
            return dev.bella.booking.extract.BusinessHours.DEFAULT;
        }
        LocalTime open = windows.stream().map(BusinessHours.Window::open).min(Comparator.naturalOrder()).orElseThrow();
        LocalTime close = windows.stream().map(BusinessHours.Window::close).max(Comparator.naturalOrder()).orElseThrow();
        java.util.Set<DayOfWeek> days = hours.days().keySet();
        return new dev.bella.booking.extract.BusinessHours(open, close, days);
    }

    @Override
    public void close() {
        cache.close();
    }
}
