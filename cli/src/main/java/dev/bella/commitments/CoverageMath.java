package dev.bella.commitments;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;

/**
 * Coverage and utilization arithmetic. Shares across groups are the sum of what is covered over the sum of the
 * total, never the average of the groups' percentages: a large instance type uncovered weighs more than a small
 * one covered.
 */
final class CoverageMath {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private CoverageMath() {
    }

    /** {@code part / whole × 100} to one decimal; empty when the whole is zero (nothing to cover). */
    static Optional<BigDecimal> percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(part.multiply(HUNDRED).divide(whole, 1, RoundingMode.HALF_UP));
    }

    static <T> BigDecimal sum(Collection<T> items, Function<T, BigDecimal> f) {
        return items.stream().map(f).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** A number Cost Explorer wrote as a string; absent or empty is zero. */
    static BigDecimal number(String s) {
        if (s == null || s.isBlank()) {
            return BigDecimal.ZERO;
        }
        return new BigDecimal(s.strip());
    }
}
