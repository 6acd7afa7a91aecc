package dev.bella.phases;

import dev.bella.estimate.EstimateEngine;
import dev.bella.estimate.EstimatePeriod;
import dev.bella.estimate.RoadmapProjector;
import dev.bella.report.CostReport.PhaseProjection;
import dev.bella.spec.Phase;
import dev.bella.spec.Spec;
import dev.bella.spec.SpecLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The roadmap as it stands: each item done, pending, violated or skipped, and the estimated month after
 * each phase (the roadmap projection from the baseline).
 *
 * <p>An item with a policy is done when its policy passes; when it fails, it is violated if the spec marks
 * it done (a claim the stack contradicts) and pending otherwise. An item without a policy, or whose policy has
 * nothing in scope, is what the spec says.
 */
public record RoadmapStatus(List<PhaseStatus> phases, boolean projected) {

    public RoadmapStatus {
        phases = List.copyOf(phases);
    }

    public enum State { DONE, PENDING, VIOLATED, SKIPPED }

    public record ItemStatus(Phase.Item item, State state, boolean checked, List<Finding> failures) {
        public ItemStatus {
            failures = List.copyOf(failures);
        }
    }

    public record PhaseStatus(Phase phase, List<ItemStatus> items, Optional<PhaseProjection> after) {
        public PhaseStatus {
            items = List.copyOf(items);
        }
    }

    public static RoadmapStatus of(Spec spec, PhaseChecker checker, Optional<String> env, EstimatePeriod period) {
        Optional<RoadmapProjector.Projection> projection = new RoadmapProjector(new SpecLoader(), new EstimateEngine())
                .project(spec, period);
        List<PhaseStatus> out = new ArrayList<>();
        for (int i = 0; i < spec.phases().size(); i++) {
            Phase phase = spec.phases().get(i);
            List<ItemStatus> items = new ArrayList<>();
            for (Phase.Item item : phase.items()) {
                items.add(status(checker, phase, item, env));
            }
            int index = i;
            out.add(new PhaseStatus(phase, items, projection.map(p -> p.phases().get(index))));
        }
        return new RoadmapStatus(out, projection.isPresent());
    }

    private static ItemStatus status(PhaseChecker checker, Phase phase, Phase.Item item, Optional<String> env) {
        if (item.status() == Phase.Status.SKIPPED) {
            return new ItemStatus(item, State.SKIPPED, false, List.of());
        }
        if (item.policy().isEmpty()) {
            return new ItemStatus(item, item.status() == Phase.Status.DONE ? State.DONE : State.PENDING, false, List.of());
        }
        List<Finding> findings = checker.check(phase, item, env);
        List<Finding> failures = findings.stream().filter(f -> f.check().failed()).toList();
        if (findings.stream().allMatch(f -> f.check().outcome() == Check.Outcome.SKIPPED)) {
            // nothing in scope to check (no dev environment for a dev policy): the spec's word stands
            return new ItemStatus(item, item.status() == Phase.Status.DONE ? State.DONE : State.PENDING, false, List.of());
        }
        State state = failures.isEmpty() ? State.DONE
                : item.status() == Phase.Status.DONE ? State.VIOLATED : State.PENDING;
        return new ItemStatus(item, state, true, failures);
    }
}
