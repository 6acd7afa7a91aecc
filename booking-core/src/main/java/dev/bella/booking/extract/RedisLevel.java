package dev.bella.booking.extract;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * The shared cache level on Redis (ElastiCache in production), through Jedis. Every command is budgeted (connect,
 * socket and pool waits all bounded by {@code budget}); after a failure Redis is skipped for {@code pause}, so an
 * outage costs one budget per pause, not one per utterance. Never throws.
 */
public final class RedisLevel implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RedisLevel.class);
    static final String PREFIX = "bella:extract:";

    private final RedisClient client;
    private final Duration pause;
    private final Clock clock;
    private volatile Instant skipUntil = Instant.MIN;

    public RedisLevel(URI uri, Duration budget, Duration pause, Clock clock) {
        int ms = (int) Math.max(1, budget.toMillis());
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(16);
        pool.setMaxWait(budget);
        this.client = RedisClient.builder().hostAndPort(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort())
                .clientConfig(DefaultJedisClientConfig.builder(uri).connectionTimeoutMillis(ms).socketTimeoutMillis(ms).build())
                .poolConfig(pool)
                .build();
        this.pause = pause;
        this.clock = clock;
    }

    /** From {@code BELLA_REDIS_URL} (redis://host:port): 50 ms per command, 5 s pause after a failure. */
    public static Optional<RedisLevel> fromEnv(java.util.Map<String, String> env, Clock clock) {
        String url = env.get("BELLA_REDIS_URL");
        if (url == null || url.isBlank()) return Optional.empty();
        return Optional.of(new RedisLevel(URI.create(url), Duration.ofMillis(50), Duration.ofSeconds(5), clock));
    }

    Optional<String> get(String hash) {
        if (paused()) return Optional.empty();
        try {
            return Optional.ofNullable(client.get(PREFIX + hash));
        } catch (RuntimeException e) {
            fail("get", e);
            return Optional.empty();
        }
    }

    void set(String hash, String value, Duration ttl) {
        if (paused()) return;
        try {
            client.set(PREFIX + hash, value, SetParams.setParams().px(ttl.toMillis()));
        } catch (RuntimeException e) {
            fail("set", e);
        }
    }

    /** Remaining time to live of a key in ms (-2 when absent): for tests and operations. */
    long pttl(String hash) {
        return client.pttl(PREFIX + hash);
    }

    boolean available() {
        return !paused();
    }

    private boolean paused() {
        return clock.instant().isBefore(skipUntil);
    }

    private void fail(String op, RuntimeException e) {
        skipUntil = clock.instant().plus(pause);
        log.warn("redis {} failed ({}); in-process cache only for {}", op, e.toString(), pause);
    }

    @Override
    public void close() {
        client.close();
    }
}
