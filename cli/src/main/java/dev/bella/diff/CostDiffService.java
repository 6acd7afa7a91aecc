package dev.bella.diff;

import dev.bella.estimate.EstimateEngine;
import dev.bella.estimate.EstimatePeriod;
import dev.bella.report.CostReport;
import dev.bella.spec.Spec;
import java.util.Optional;

/** Prices the spec at the base and now for the same period, and lines the two estimates up. */
public final class CostDiffService {

    private final EstimateEngine engine = new EstimateEngine();

    public CostDiff diff(BaseSpec.Loaded base, Spec now, EstimatePeriod period, Optional<String> env) {
        env.ifPresent(e -> {
            if (now.environment(e).isEmpty() && base.spec().environment(e).isEmpty()) {
                throw new DiffException("unknown environment '" + e + "'; the spec has "
                        + String.join(", ", now.environments().keySet()));
            }
        });
        CostReport before = engine.estimate(base.spec(), period, env);
        CostReport after = engine.estimate(now, period, env);
        return CostDiffer.diff(base.label(), before, now.source().label(), after);
    }
}
