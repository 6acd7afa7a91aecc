package dev.bella.rightsize;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The hardware of the RDS and ElastiCache classes Bella can recommend. Prices come from the price table;
 * this is only what a class offers, which no price table says. Sources: the RDS "DB instance classes"
 * hardware table, the ElastiCache "Supported node types" page, and EC2's burstable-performance baseline
 * table (the T3/T4g baseline per vCPU is the same for the RDS and ElastiCache classes built on them).
 * A class the price table lists but this catalog does not is never recommended.
 */
final class InstanceClasses {

    /**
     * @param baselinePercent for burstable classes, the CPU (percent of all vCPUs) the credits earned
     *                        sustain; empty for fixed-performance classes
     */
    record Spec(String name, int vcpus, BigDecimal memoryGib, Optional<Integer> baselinePercent) {

        String family() {
            return name.substring(0, name.lastIndexOf('.'));
        }

        long memoryBytes() {
            return memoryGib.multiply(BigDecimal.valueOf(1L << 30)).longValue();
        }

        /**
         * RDS PostgreSQL's default max_connections: LEAST(DBInstanceClassMemory / 9531392, 5000). Class memory
         * stands in for DBInstanceClassMemory (which is a little smaller), so this is an upper bound.
         */
        long postgresMaxConnections() {
            return Math.min(memoryBytes() / 9531392L, 5000);
        }
    }

    private static Spec burstable(String name, int vcpus, String gib, int baseline) {
        return new Spec(name, vcpus, new BigDecimal(gib), Optional.of(baseline));
    }

    private static Spec fixed(String name, int vcpus, String gib) {
        return new Spec(name, vcpus, new BigDecimal(gib), Optional.empty());
    }

    private static final Map<String, Spec> CLASSES = Stream.of(
            burstable("db.t3.micro", 2, "1", 10),
            burstable("db.t3.small", 2, "2", 20),
            burstable("db.t3.medium", 2, "4", 20),
            burstable("db.t3.large", 2, "8", 30),
            burstable("db.t4g.micro", 2, "1", 10),
            burstable("db.t4g.small", 2, "2", 20),
            burstable("db.t4g.medium", 2, "4", 20),
            burstable("db.t4g.large", 2, "8", 30),
            fixed("db.m6g.large", 2, "8"),
            fixed("db.m7g.large", 2, "8"),
            burstable("cache.t3.micro", 2, "0.5", 10),
            burstable("cache.t3.small", 2, "1.37", 20),
            burstable("cache.t3.medium", 2, "3.09", 20),
            burstable("cache.t4g.micro", 2, "0.5", 10),
            burstable("cache.t4g.small", 2, "1.37", 20),
            burstable("cache.t4g.medium", 2, "3.09", 20),
            fixed("cache.m6g.large", 2, "6.38"),
            fixed("cache.m7g.large", 2, "6.38"))
            .collect(Collectors.toUnmodifiableMap(Spec::name, Function.identity()));

    private InstanceClasses() {
    }

    static Optional<Spec> of(String name) {
        return Optional.ofNullable(CLASSES.get(name));
    }
}
