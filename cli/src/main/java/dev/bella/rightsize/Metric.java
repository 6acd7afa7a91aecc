package dev.bella.rightsize;

import java.util.Optional;

/**
 * The CloudWatch metrics rightsizing reads, with the statistic asked for each period. Peaks matter for
 * memory (an out-of-memory kill happens at the peak), so memory takes the period's Maximum; CPU takes the
 * Average, whose p99.5 the algorithm then reads (docs/rightsize.md).
 */
public enum Metric {
    SERVICE_CPU(Kind.SERVICE, "AWS/ECS", "CPUUtilization", "Average", true),
    SERVICE_MEMORY(Kind.SERVICE, "AWS/ECS", "MemoryUtilization", "Maximum", true),
    DATABASE_CPU(Kind.DATABASE, "AWS/RDS", "CPUUtilization", "Average", true),
    DATABASE_FREEABLE_MEMORY(Kind.DATABASE, "AWS/RDS", "FreeableMemory", "Minimum", true),
    DATABASE_CONNECTIONS(Kind.DATABASE, "AWS/RDS", "DatabaseConnections", "Maximum", false),
    DATABASE_READ_IOPS(Kind.DATABASE, "AWS/RDS", "ReadIOPS", "Average", false),
    DATABASE_WRITE_IOPS(Kind.DATABASE, "AWS/RDS", "WriteIOPS", "Average", false),
    CACHE_CPU(Kind.CACHE, "AWS/ElastiCache", "CPUUtilization", "Average", true),
    CACHE_ENGINE_CPU(Kind.CACHE, "AWS/ElastiCache", "EngineCPUUtilization", "Average", false),
    CACHE_MEMORY(Kind.CACHE, "AWS/ElastiCache", "DatabaseMemoryUsagePercentage", "Maximum", true),
    CACHE_EVICTIONS(Kind.CACHE, "AWS/ElastiCache", "Evictions", "Sum", false),
    CACHE_CONNECTIONS(Kind.CACHE, "AWS/ElastiCache", "CurrConnections", "Maximum", false);

    public final Kind kind;
    public final String namespace;
    public final String name;
    public final String stat;
    /** Without at least 24 hours of this metric the resource gets "insufficient data". */
    public final boolean required;

    Metric(Kind kind, String namespace, String name, String stat, boolean required) {
        this.kind = kind;
        this.namespace = namespace;
        this.name = name;
        this.stat = stat;
        this.required = required;
    }

    public static Optional<Metric> of(Kind kind, String name) {
        for (Metric m : values()) {
            if (m.kind == kind && m.name.equals(name)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
