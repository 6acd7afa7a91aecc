package dev.bella.estimate;

import dev.bella.report.CostReport;
import dev.bella.report.CostReport.PhaseProjection;
import dev.bella.spec.Phase;
import dev.bella.spec.Spec;
import dev.bella.spec.SpecDocument;
import dev.bella.spec.SpecLoader;
import dev.bella.yaml.Position;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The savings path of the roadmap: starting from the spec's {@code baseline}, each phase's items'
 * {@code changes} are merged in, in order, and the result is estimated after every phase. What the
 * phases say they change is thus priced with the same engine as the target itself.
 */
public final class RoadmapProjector {

    private final SpecLoader loader;
    private final EstimateEngine engine;

    public RoadmapProjector(SpecLoader loader, EstimateEngine engine) {
        this.loader = loader;
        this.engine = engine;
    }

    public record Projection(CostReport baseline, List<PhaseProjection> phases) {
    }

    public Optional<Projection> project(Spec spec, EstimatePeriod period) {
        if (spec.baseline().isEmpty()) {
            return Optional.empty();
        }
        SpecDocument doc = loader.parseRelative(spec.source(), spec.baseline().get(),
                Position.unknown(spec.source().label()));
        CostReport baseline = engine.estimate(loader.read(doc), period, Optional.empty());
        List<PhaseProjection> out = new ArrayList<>();
        BigDecimal previous = baseline.total();
        BigDecimal start = previous;
        for (Phase phase : spec.phases()) {
            for (Phase.Item item : phase.items()) {
                if (item.changes().isPresent()) {
                    doc = doc.patched(item.changes().get());
                }
            }
            CostReport after = engine.estimate(loader.read(doc), period, Optional.empty());
            out.add(new PhaseProjection(phase.id(), phase.title(), status(phase), after.awsTotal(), after.total(),
                    previous.subtract(after.total()), start.subtract(after.total()), phase.targetSavingsMin(),
                    phase.targetSavingsMax()));
            previous = after.total();
        }
        return Optional.of(new Projection(baseline, out));
    }

    /** done when every item is done or skipped, planned when none has started, else in-progress. */
    private static String status(Phase phase) {
        boolean allDone = phase.items().stream().allMatch(i -> i.status() == Phase.Status.DONE
                || i.status() == Phase.Status.SKIPPED);
        boolean noneStarted = phase.items().stream().allMatch(i -> i.status() == Phase.Status.PLANNED);
        return allDone ? "done" : noneStarted ? "planned" : "in-progress";
    }
}
