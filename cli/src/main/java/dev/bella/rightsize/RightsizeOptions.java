package dev.bella.rightsize;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * @param headroomPercent   spare capacity kept above the observed demand (default 20)
 * @param lookback          how far back the metrics go (1-93 days)
 * @param allowFamilyChange RDS/ElastiCache: may move to another family (t3 to t4g, ...)
 */
public record RightsizeOptions(BigDecimal headroomPercent, Duration lookback, boolean allowFamilyChange) {

    public static final BigDecimal DEFAULT_HEADROOM = BigDecimal.valueOf(20);
    public static final Duration DEFAULT_LOOKBACK = Duration.ofDays(14);
    /** Less than this much data in the lookback, and no recommendation is made. */
    public static final Duration MINIMUM_DATA = Duration.ofHours(24);
    /** CPU demand reads this percentile: it ignores the top 0.5% (a few minutes a day of spikes). */
    public static final BigDecimal CPU_PERCENTILE = new BigDecimal("99.5");

    public static RightsizeOptions defaults() {
        return new RightsizeOptions(DEFAULT_HEADROOM, DEFAULT_LOOKBACK, false);
    }

    double factor() {
        return 1 + headroomPercent.doubleValue() / 100;
    }
}
