package dev.bella.estimate;

import dev.bella.report.CostReport;
import dev.bella.spec.Spec;
import dev.bella.spec.SpecLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The estimate source of `bella cost report`: the spec's estimate, its roadmap projection from the
 * baseline, and a comparison with the baseline (or with any other spec).
 */
public final class EstimateReportService {

    private final SpecLoader loader;
    private final EstimateEngine engine = new EstimateEngine();

    public EstimateReportService(SpecLoader loader) {
        this.loader = loader;
    }

    public CostReport report(Spec spec, EstimatePeriod period, Optional<String> env, Optional<Spec> compareWith) {
        CostReport current = engine.estimate(spec, period, env);
        Optional<RoadmapProjector.Projection> projection = new RoadmapProjector(loader, engine).project(spec, period);
        Optional<CostReport> baseline = compareWith
                .map(other -> engine.estimate(other, period, env.filter(e -> other.environment(e).isPresent())))
                .or(() -> projection.map(RoadmapProjector.Projection::baseline));
        List<String> notes = new ArrayList<>(current.notes());
        baseline.ifPresent(b -> notes.add("compared with: " + b.config()));
        return new CostReport(current.source(), current.currency(), current.period(), current.config(),
                current.environments(), current.costPerCall(), current.budget(),
                projection.map(RoadmapProjector.Projection::phases).orElse(List.of()),
                baseline.map(b -> EstimateEngine.compare(current, b)), notes);
    }
}
