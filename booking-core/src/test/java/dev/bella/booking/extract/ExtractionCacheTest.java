package dev.bella.booking.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

class ExtractionCacheTest {
    static final ZoneId TORONTO = LocalExtractorTest.TORONTO;
    static final UtteranceContext MONDAY = UtteranceContext.of(LocalExtractorTest.local("2026-11-30T10:00"), TORONTO, null);
    static final UtteranceContext MONDAY_LATER = UtteranceContext.of(LocalExtractorTest.local("2026-11-30T16:59"), TORONTO, null);
    static final UtteranceContext TUESDAY = UtteranceContext.of(LocalExtractorTest.local("2026-12-01T10:00"), TORONTO, null);

    static ExtractionResult dated(LocalDate d, double conf) {
        return new ExtractionResult(null, null, d, null, null, null, Map.of(Field.DATE, conf), Set.of(), Tier.LLM,
                new TokenUsage(200, 30));
    }

    @Test
    void sameTextOnDifferentDaysNeverCollide() {
        Set<Field> date = Set.of(Field.DATE);
        assertThat(ExtractionCache.key("tomorrow after lunch", date, MONDAY))
                .isNotEqualTo(ExtractionCache.key("tomorrow after lunch", date, TUESDAY));
        assertThat(ExtractionCache.key("tomorrow after lunch", date, MONDAY))
                .isEqualTo(ExtractionCache.key("Tomorrow, after lunch.", date, MONDAY_LATER));
        UtteranceContext vancouver = UtteranceContext.of(MONDAY.reference(), ZoneId.of("America/Vancouver"), null);
        assertThat(ExtractionCache.key("tomorrow after lunch", date, MONDAY))
                .isNotEqualTo(ExtractionCache.key("tomorrow after lunch", date, vancouver));
        assertThat(ExtractionCache.key("tomorrow after lunch", date, MONDAY).dateDependent()).isTrue();
    }

    @Test
    void dateFreeQuestionsShareOneKeyAcrossDays() {
        ExtractionCache.Key a = ExtractionCache.key("my name is spelled s m y t h e", Set.of(Field.NAME), MONDAY);
        assertThat(a).isEqualTo(ExtractionCache.key("my name is spelled s m y t h e", Set.of(Field.NAME), TUESDAY));
        assertThat(a.dateDependent()).isFalse();
        assertThat(a.hash()).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void exactMatchOnlyTuesdayIsNotThursday() {
        Set<Field> t = Set.of(Field.DATE, Field.TIME);
        assertThat(ExtractionCache.key("tuesday at 3", t, MONDAY)).isNotEqualTo(ExtractionCache.key("thursday at 3", t, MONDAY));
        assertThat(ExtractionCache.key("tuesday at 3", t, MONDAY)).isNotEqualTo(ExtractionCache.key("tuesday at 3", Set.of(Field.DATE), MONDAY));
    }

    @Test
    void ttlGrowsWithConfidence() {
        Duration low = ExtractionCache.ttl(dated(LocalDate.of(2026, 12, 1), 0.4));
        Duration mid = ExtractionCache.ttl(dated(LocalDate.of(2026, 12, 1), 0.6));
        Duration good = ExtractionCache.ttl(dated(LocalDate.of(2026, 12, 1), 0.75));
        Duration high = ExtractionCache.ttl(dated(LocalDate.of(2026, 12, 1), 0.9));
        assertThat(low).isLessThan(mid);
        assertThat(mid).isLessThan(good);
        assertThat(good).isLessThan(high);
    }

    @Test
    void processLevelExpiresByConfidenceAndServesAsCacheTier() {
        AtomicLong nanos = new AtomicLong();
        Ticker ticker = nanos::get;
        ExtractionCache cache = new ExtractionCache(100, null, ticker);
        ExtractionCache.Key sure = ExtractionCache.key("a", Set.of(Field.DATE), MONDAY);
        ExtractionCache.Key unsure = ExtractionCache.key("b", Set.of(Field.DATE), MONDAY);
        cache.put(sure, dated(LocalDate.of(2026, 12, 1), 0.9));
        cache.put(unsure, dated(LocalDate.of(2026, 12, 2), 0.4));
        ExtractionResult hit = cache.get(sure).orElseThrow();
        assertThat(hit.tier()).isEqualTo(Tier.CACHE);
        assertThat(hit.tokens()).isEqualTo(TokenUsage.NONE);
        assertThat(hit.date()).isEqualTo(LocalDate.of(2026, 12, 1));
        nanos.addAndGet(Duration.ofMinutes(10).toNanos());
        assertThat(cache.get(unsure)).isEmpty();
        assertThat(cache.get(sure)).isPresent();
        assertThat(cache.hits()).isEqualTo(2);
        assertThat(cache.misses()).isEqualTo(1);
    }

    @Test
    void redisIsSharedBetweenInstancesAndItsLossIsNeverAFailure() throws IOException {
        int port = freePort();
        RedisServer redis = new RedisServer(port);
        redis.start();
        try {
            URI uri = URI.create("redis://127.0.0.1:" + port);
            RedisLevel levelA = new RedisLevel(uri, Duration.ofMillis(200), Duration.ofSeconds(30), Clock.systemUTC());
            RedisLevel levelB = new RedisLevel(uri, Duration.ofMillis(200), Duration.ofSeconds(30), Clock.systemUTC());
            ExtractionCache a = new ExtractionCache(100, levelA, Ticker.systemTicker());
            ExtractionCache b = new ExtractionCache(100, levelB, Ticker.systemTicker());
            ExtractionCache.Key k = ExtractionCache.key("the monday before christmas", Set.of(Field.DATE), MONDAY);
            a.put(k, dated(LocalDate.of(2026, 12, 21), 0.9));
            // another service instance: its process level is empty, Redis answers
            ExtractionResult fromRedis = b.get(k).orElseThrow();
            assertThat(fromRedis.date()).isEqualTo(LocalDate.of(2026, 12, 21));
            assertThat(fromRedis.confidenceOf(Field.DATE)).isEqualTo(0.9);
            assertThat(fromRedis.tier()).isEqualTo(Tier.CACHE);
            assertThat(b.redisHits()).isEqualTo(1);
            assertThat(levelA.pttl(k.hash())).isBetween(Duration.ofHours(23).toMillis(), Duration.ofHours(24).toMillis());

            ExtractionCache.Key k2 = ExtractionCache.key("the friday after that", Set.of(Field.DATE), MONDAY);
            a.put(k2, dated(LocalDate.of(2026, 12, 25), 0.8));

            redis.stop();   // mid-test: ElastiCache node gone

            // the process level still answers; Redis errors are swallowed and Redis is paused
            assertThat(a.get(k2)).isPresent();
            assertThat(b.get(k2)).isEmpty();
            assertThat(levelB.available()).isFalse();
            ExtractionCache.Key k3 = ExtractionCache.key("new words", Set.of(Field.DATE), MONDAY);
            b.put(k3, dated(LocalDate.of(2026, 12, 3), 0.9));
            assertThat(b.get(k3)).isPresent();
            a.close();
            b.close();
        } finally {
            if (redis.isActive()) redis.stop();
        }
    }

    @Test
    void redisNeverReachableFromTheStart() throws IOException {
        RedisLevel level = new RedisLevel(URI.create("redis://127.0.0.1:" + freePort()), Duration.ofMillis(100),
                Duration.ofSeconds(30), Clock.systemUTC());
        ExtractionCache cache = new ExtractionCache(100, level, Ticker.systemTicker());
        ExtractionCache.Key k = ExtractionCache.key("x", Set.of(Field.TIME), MONDAY);
        assertThat(cache.get(k)).isEmpty();
        cache.put(k, new ExtractionResult(null, null, null, LocalTime.of(15, 0), null, null, Map.of(Field.TIME, 0.8),
                Set.of(), Tier.LLM, TokenUsage.NONE));
        assertThat(cache.get(k).orElseThrow().time()).isEqualTo(LocalTime.of(15, 0));
        cache.close();
    }

    @Test
    void slowRedisCostsOneBudgetThenIsSkipped() throws Exception {
        // a "Redis" that accepts connections and never answers: every command would hang without the budget
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try {
                    while (true) silent.accept();
                } catch (IOException closed) {
                    // test over
                }
            });
            RedisLevel level = new RedisLevel(URI.create("redis://127.0.0.1:" + silent.getLocalPort()),
                    Duration.ofMillis(150), Duration.ofSeconds(30), Clock.systemUTC());
            ExtractionCache cache = new ExtractionCache(100, level, Ticker.systemTicker());
            ExtractionCache.Key k = ExtractionCache.key("y", Set.of(Field.DATE), MONDAY);
            assertThat(cache.get(k)).isEmpty();
            assertThat(level.available()).isFalse();
            cache.put(k, dated(LocalDate.of(2026, 12, 3), 0.9));
            assertThat(cache.get(k)).isPresent();
            cache.close();
            acceptor.interrupt();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void corruptRedisEntryIsAMiss() {
        assertThat(ExtractionCache.fromJson("{not json")).isNull();
        ExtractionResult r = dated(LocalDate.of(2026, 12, 1), 0.8);
        assertThat(ExtractionCache.fromJson(ExtractionCache.toJson(r)).date()).isEqualTo(r.date());
    }

}
