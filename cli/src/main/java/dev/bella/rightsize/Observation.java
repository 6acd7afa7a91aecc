package dev.bella.rightsize;

import java.util.Map;
import java.util.Optional;

/**
 * What was observed of one resource: its size as it runs (from the Describe APIs; empty offline, when the
 * spec's size is taken) and its metrics over the lookback.
 */
public record Observation(Kind kind, String resource, Optional<CurrentSize> size, Map<Metric, Series> metrics) {

    public Observation {
        metrics = Map.copyOf(metrics);
    }

    public sealed interface CurrentSize {
        record Task(int cpu, int memory) implements CurrentSize {
        }

        record InstanceClass(String name, int count) implements CurrentSize {
        }
    }
}
