package dev.bella.rightsize;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/** Synthetic metric series for the algorithm tests. */
final class Synthetic {

    static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

    private Synthetic() {
    }

    /** {@code n} points one {@code period} apart from START, value i given by {@code f}. */
    static Series series(Duration period, int n, IntToDoubleFunction f) {
        List<Series.Point> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            points.add(new Series.Point(START.plus(period.multipliedBy(i)), f.applyAsDouble(i)));
        }
        return new Series(period, points);
    }

    static Series hourly(int n, IntToDoubleFunction f) {
        return series(Duration.ofHours(1), n, f);
    }

    static Series flat(int hours, double value) {
        return hourly(hours, i -> value);
    }

    static Instant end(Series s) {
        return s.points().getLast().at().plus(s.period());
    }
}
