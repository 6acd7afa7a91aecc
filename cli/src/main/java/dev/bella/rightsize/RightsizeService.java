package dev.bella.rightsize;

import dev.bella.spec.Environment;
import dev.bella.spec.Spec;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The front door of rightsizing: observations from a metrics file or from AWS, then the algorithm. */
public final class RightsizeService {

    private final Clock clock;

    public RightsizeService(Clock clock) {
        this.clock = clock;
    }

    /** Offline: the series of a metrics file, sizes from the spec; the lookback ends at the newest datapoint. */
    public RightsizeReport fromFile(Spec spec, Environment env, Path metrics, RightsizeOptions options) {
        MetricsFile.Contents contents = MetricsFile.read(metrics);
        Map<Kind, Observation> obs = new EnumMap<>(Kind.class);
        contents.series().forEach((kind, series) -> obs.put(kind, new Observation(kind, env.name() + "/" + kind.id, Optional.empty(), series)));
        return new Rightsizer(options).rightsize(spec, env, obs, contents.end().orElse(clock.instant()),
                "metrics file " + metrics);
    }
}
