package dev.bella.prices;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * How Fargate bills one task run, from the price table's billing rules: the run (image pull to stop) rounded up
 * to the billing increment, and never less than the minimum. A one-off task that runs for seconds, like the dev
 * scheduler's, is billed the minimum, so its cost is set by how often it runs far more than by how long.
 * A rule the table lacks is a {@link MissingPriceException}, never a default.
 */
public final class FargateBilling {

    private final long incrementSeconds;
    private final long minimumSeconds;

    private FargateBilling(long incrementSeconds, long minimumSeconds) {
        this.incrementSeconds = incrementSeconds;
        this.minimumSeconds = minimumSeconds;
    }

    public static FargateBilling of(PriceTable table) {
        return new FargateBilling(wholeSeconds(table, PriceKeys.FARGATE_BILLING_INCREMENT, 1),
                wholeSeconds(table, PriceKeys.FARGATE_BILLING_MINIMUM, 0));
    }

    /** Seconds billed for a run of this length: rounded up to the increment, at least the minimum. */
    public long billedSeconds(Duration run) {
        if (run.isNegative()) {
            throw new IllegalArgumentException("a task run cannot last a negative time: " + run);
        }
        long seconds = run.getSeconds() + (run.getNano() > 0 ? 1 : 0);
        long increments = (seconds + incrementSeconds - 1) / incrementSeconds;
        return Math.max(minimumSeconds, increments * incrementSeconds);
    }

    public long minimumSeconds() {
        return minimumSeconds;
    }

    private static long wholeSeconds(PriceTable table, String key, long least) {
        BigDecimal v = table.price(key);
        if (v.compareTo(BigDecimal.valueOf(least)) < 0 || v.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException(table.name() + ": " + key + " must be a whole number of seconds, at least "
                    + least + ", got " + v.toPlainString());
        }
        return v.longValueExact();
    }
}
