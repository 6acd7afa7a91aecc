package dev.bella.rightsize;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The 24-hour rule: a recommendation from less than a day of data would miss the daily cycle. */
final class Sufficiency {

    private Sufficiency() {
    }

    /** Why the resource's data is insufficient, or empty when every required metric covers 24 hours. */
    static Optional<String> missing(Kind kind, Map<Metric, Series> metrics) {
        for (Metric m : Metric.values()) {
            if (m.kind != kind || !m.required) {
                continue;
            }
            Series s = metrics.get(m);
            Duration covered = s == null ? Duration.ZERO : s.coverage();
            if (covered.compareTo(RightsizeOptions.MINIMUM_DATA) < 0) {
                return Optional.of(m.name + ": " + hours(covered) + " of data in the lookback; at least 24 h needed");
            }
        }
        return Optional.empty();
    }

    private static String hours(Duration d) {
        long minutes = d.toMinutes();
        return minutes % 60 == 0 ? (minutes / 60) + " h" : String.format(java.util.Locale.ROOT, "%.1f h", minutes / 60.0);
    }
}
