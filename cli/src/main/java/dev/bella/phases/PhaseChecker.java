package dev.bella.phases;

import dev.bella.estimate.EstimateEngine;
import dev.bella.estimate.EstimatePeriod;
import dev.bella.estimate.TemplateEstimator;
import dev.bella.spec.Environment;
import dev.bella.spec.Phase;
import dev.bella.spec.Policies;
import dev.bella.spec.Spec;
import dev.bella.stacks.AwsSolutionsFindings;
import dev.bella.stacks.StackSynthesizer;
import dev.bella.template.StackSet;
import dev.bella.template.TemplateSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Evaluates the policies of the roadmap's phases, environment by environment, against each environment's
 * templates when the source has them and against the spec otherwise.
 */
public final class PhaseChecker {

    private final Spec spec;
    private final TemplateSource templates;
    private final EstimatePeriod period;
    private final Optional<Supplier<LiveCoverage>> live;
    private final Map<String, List<AwsSolutionsFindings.Finding>> nagged = new HashMap<>();

    public PhaseChecker(Spec spec, TemplateSource templates, EstimatePeriod period) {
        this(spec, templates, period, Optional.empty());
    }

    /** With {@code live}, reserved-coverage-min is checked against the account; it is asked for at most once. */
    public PhaseChecker(Spec spec, TemplateSource templates, EstimatePeriod period, Optional<Supplier<LiveCoverage>> live) {
        this.spec = spec;
        this.templates = templates;
        this.period = period;
        this.live = live.map(PhaseChecker::once);
    }

    private static Supplier<LiveCoverage> once(Supplier<LiveCoverage> s) {
        LiveCoverage[] held = new LiveCoverage[1];
        return () -> held[0] == null ? (held[0] = s.get()) : held[0];
    }

    /** The phases up to and including {@code through} (all when empty); an unknown id is an error. */
    public static List<Phase> through(Spec spec, Optional<String> through) {
        if (through.isEmpty()) {
            return spec.phases();
        }
        List<Phase> out = new ArrayList<>();
        for (Phase p : spec.phases()) {
            out.add(p);
            if (p.id().equals(through.get())) {
                return out;
            }
        }
        throw new IllegalArgumentException("unknown phase '" + through.get() + "' (the spec has: "
                + String.join(", ", spec.phases().stream().map(Phase::id).toList()) + ")");
    }

    /** Every check of every policy of {@code phases}, limited to {@code only} when given. */
    public List<Finding> check(List<Phase> phases, Optional<String> only) {
        PolicyChecks checks = new PolicyChecks(spec, this::estimate, live, this::awsSolutions);
        List<Finding> out = new ArrayList<>();
        for (Phase phase : phases) {
            for (Phase.Item item : phase.items()) {
                item.policy().ifPresent(ref -> out.addAll(check(checks, phase, item, ref, only)));
            }
        }
        return out;
    }

    /** The findings of one item (empty when it has no policy). */
    public List<Finding> check(Phase phase, Phase.Item item, Optional<String> only) {
        PolicyChecks checks = new PolicyChecks(spec, this::estimate, live, this::awsSolutions);
        return item.policy().map(ref -> check(checks, phase, item, ref, only)).orElse(List.of());
    }

    private List<Finding> check(PolicyChecks checks, Phase phase, Phase.Item item, Phase.PolicyRef ref,
                                Optional<String> only) {
        Policies.Definition def = Policies.of(ref.policy());
        String name = def.name();
        List<Finding> out = new ArrayList<>();
        if (def.scope() == Policies.Scope.WHOLE_SPEC) {
            // about the spec as a whole: same answer in every environment, so checked once
            Environment any = spec.environments().values().iterator().next();
            checks.check(ref.policy(), any, Optional.empty())
                    .forEach(c -> out.add(new Finding(phase, item, name, "-", c)));
            return out;
        }
        List<Environment> scope = spec.environments().values().stream()
                .filter(e -> ref.env().map(e.name()::equals).orElse(def.scope().includes(e)))
                .filter(e -> only.map(e.name()::equals).orElse(true))
                .toList();
        if (scope.isEmpty()) {
            boolean required = ref.policy() instanceof dev.bella.spec.Policy.DevSchedule && only.isEmpty();
            String why = ref.env().map(e -> "limited to " + e).orElse("applies to " + def.scope().label());
            out.add(new Finding(phase, item, name, only.orElse("-"), required
                    ? Check.of(false, PolicyChecks.SPEC, "spec environments", "", "an unprotected (development) environment "
                    + "with a schedule", "none (environments: " + String.join(", ", spec.environments().keySet()) + ")")
                    : new Check(PolicyChecks.SPEC, "spec environments", "", "", "no environment in scope (" + why + ")",
                    Check.Outcome.SKIPPED)));
            return out;
        }
        for (Environment env : scope) {
            Optional<StackSet> stacks = templates.stacks(spec, env.name());
            checks.check(ref.policy(), env, stacks).forEach(c -> out.add(new Finding(phase, item, name, env.name(), c)));
        }
        return out;
    }

    /**
     * Synthesizes the environment with the AwsSolutions pack into a scratch assembly (deleted at once: the
     * templates checked by the other policies come from the template source) and returns its findings.
     */
    private List<AwsSolutionsFindings.Finding> awsSolutions(Environment env) {
        return nagged.computeIfAbsent(env.name(), name -> {
            Path dir = null;
            try {
                dir = Files.createTempDirectory("bella-aws-solutions-" + name);
                return new StackSynthesizer().synthChecked(spec, name, dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                delete(dir);
            }
        });
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a scratch dir left in the temp folder is not worth failing the check for
        }
    }

    private PolicyChecks.Estimate estimate(Environment env, Optional<StackSet> stacks) {
        if (stacks.isPresent()) {
            var report = new TemplateEstimator().estimate(spec, period, List.of(env.name()), templates);
            return new PolicyChecks.Estimate(report.awsTotal(), "priced from " + stacks.get().source());
        }
        var report = new EstimateEngine().estimate(spec, period, Optional.of(env.name()));
        return new PolicyChecks.Estimate(report.awsTotal(), "estimated from the spec");
    }
}
