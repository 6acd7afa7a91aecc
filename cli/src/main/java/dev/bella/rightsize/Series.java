package dev.bella.rightsize;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * One metric's datapoints, one per {@code period}, oldest first. Gaps (periods with no datapoint) are
 * simply absent: CloudWatch returns nothing for a period without data, and inventing zeros there would
 * pull every statistic down.
 */
public record Series(Duration period, List<Point> points) {

    public record Point(Instant at, double value) {
    }

    public Series {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive");
        }
        // one value per timestamp (the last one given wins), in time order
        TreeMap<Instant, Point> byTime = new TreeMap<>();
        for (Point p : points) {
            byTime.put(p.at(), p);
        }
        points = List.copyOf(byTime.values());
    }

    public boolean isEmpty() {
        return points.isEmpty();
    }

    /** How much time the datapoints cover: their count times the period (gaps do not count). */
    public Duration coverage() {
        return period.multipliedBy(points.size());
    }

    /** Only the points at or after {@code from}. */
    public Series since(Instant from) {
        return new Series(period, points.stream().filter(p -> !p.at().isBefore(from)).toList());
    }

    public double max() {
        return points.stream().mapToDouble(Point::value).max().orElse(0);
    }

    public double min() {
        return points.stream().mapToDouble(Point::value).min().orElse(0);
    }

    public double sum() {
        return points.stream().mapToDouble(Point::value).sum();
    }

    /**
     * Nearest-rank percentile: the smallest value with at least {@code p}% of the values at or below it.
     * No interpolation, so the answer is always a value that was observed, and hand-checkable: with 336
     * values p99.5 is the 335th smallest (ceil(0.995 * 336) = 335).
     */
    public double percentile(BigDecimal p) {
        if (points.isEmpty()) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>(points.stream().map(Point::value).toList());
        sorted.sort(Comparator.naturalOrder());
        int rank = p.multiply(BigDecimal.valueOf(sorted.size())).divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING)
                .intValueExact();
        return sorted.get(Math.max(1, rank) - 1);
    }

    /**
     * The highest mean over any {@code window} of the series (only windows the series fully spans;
     * the whole series' mean when it is shorter). Burstable instances earn CPU credits at their baseline
     * and spend them above it; a 24-hour mean above the baseline is what drains the balance (a t3/t4g
     * holds at most 24 hours of earned credits).
     */
    public double sustained(Duration window) {
        if (points.isEmpty()) {
            return 0;
        }
        Instant first = points.getFirst().at();
        double best = -1;
        double sum = 0;
        int start = 0;
        for (int end = 0; end < points.size(); end++) {
            Point p = points.get(end);
            sum += p.value();
            // a datapoint stamped t stands for [t, t + period): the window ending with it starts at t + period - window
            Instant windowStart = p.at().plus(period).minus(window);
            while (points.get(start).at().isBefore(windowStart)) {
                sum -= points.get(start).value();
                start++;
            }
            if (!windowStart.isBefore(first)) {
                best = Math.max(best, sum / (end - start + 1));
            }
        }
        return best >= 0 ? best : points.stream().mapToDouble(Point::value).average().orElse(0);
    }
}
