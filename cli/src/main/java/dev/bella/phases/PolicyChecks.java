package dev.bella.phases;

import dev.bella.spec.Cache;
import dev.bella.spec.Environment;
import dev.bella.spec.Ingress;
import dev.bella.spec.Policy;
import dev.bella.spec.Spec;
import dev.bella.stacks.AwsSolutionsFindings;
import dev.bella.template.Ecs;
import dev.bella.template.Resource;
import dev.bella.template.StackSet;
import dev.bella.template.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What each policy checks. Policies a template can show are checked against the environment's stacks
 * when there are some, else against the spec's own values (and say so); the others always read the spec.
 */
final class PolicyChecks {

    static final String TEMPLATE = "template";
    static final String SPEC = "spec";
    static final String ESTIMATE = "estimate";
    static final String LIVE = "live";

    private final Spec spec;
    /** The environment's monthly AWS estimate and what it was priced from (template or spec). */
    private final BiFunction<Environment, Optional<StackSet>, Estimate> estimate;
    /** The account's coverage, asked for once and only when a policy needs it; empty without --live. */
    private final Optional<Supplier<LiveCoverage>> live;
    /** The AwsSolutions findings of an environment's stacks, neither fixed nor acknowledged. */
    private final Function<Environment, List<AwsSolutionsFindings.Finding>> awsSolutions;

    record Estimate(BigDecimal aws, String from) {
    }

    PolicyChecks(Spec spec, BiFunction<Environment, Optional<StackSet>, Estimate> estimate,
                 Function<Environment, List<AwsSolutionsFindings.Finding>> awsSolutions) {
        this(spec, estimate, Optional.empty(), awsSolutions);
    }

    PolicyChecks(Spec spec, BiFunction<Environment, Optional<StackSet>, Estimate> estimate,
                 Optional<Supplier<LiveCoverage>> live,
                 Function<Environment, List<AwsSolutionsFindings.Finding>> awsSolutions) {
        this.spec = spec;
        this.estimate = estimate;
        this.live = live;
        this.awsSolutions = awsSolutions;
    }

    List<Check> check(Policy policy, Environment env, Optional<StackSet> stacks) {
        return switch (policy) {
            case Policy.LogRetentionMaxDays p -> stacks.map(s -> retention(p, s)).orElseGet(() -> List.of(Check.of(
                    env.logs().retentionDays() <= p.days(), SPEC, key(env, "logs.retention-days"), "",
                    "at most " + p.days() + " days", env.logs().retentionDays() + " days")));
            case Policy.TaskSizeMax p -> stacks.map(s -> taskSize(p, s)).orElseGet(() -> List.of(
                    Check.of(env.service().cpu() <= p.cpu(), SPEC, key(env, "service.cpu"), "", "at most " + p.cpu(),
                            String.valueOf(env.service().cpu())),
                    Check.of(env.service().memory() <= p.memory(), SPEC, key(env, "service.memory"), "",
                            "at most " + p.memory(), String.valueOf(env.service().memory()))));
            case Policy.AutoscalingBounds p -> stacks.map(s -> autoscaling(p, s)).orElseGet(() -> autoscaling(p, env));
            case Policy.SpotWeightMin p -> stacks.map(s -> spot(p, s)).orElseGet(() -> List.of(Check.of(
                    env.service().spotWeight() >= p.percent(), SPEC, key(env, "service.spot-weight"), "",
                    "at least " + p.percent() + "%", env.service().spotWeight() + "%")));
            case Policy.DevSchedule p -> devSchedule(env, stacks);
            case Policy.LlmCache p -> List.of(Check.of(env.usage().llmCache(), SPEC, usageKey(env, "llm-cache"), "",
                    "true (the service caches LLM answers)", String.valueOf(env.usage().llmCache())));
            case Policy.ResponseCompression p -> List.of(Check.of(env.usage().responseCompression(), SPEC,
                    usageKey(env, "response-compression"), "", "true (gzip responses)",
                    String.valueOf(env.usage().responseCompression())));
            case Policy.LlmShareMax p -> List.of(Check.of(env.usage().llmShare().compareTo(p.share()) <= 0, SPEC,
                    usageKey(env, "llm-share"), "", "at most " + p.share().toPlainString(),
                    env.usage().llmShare().toPlainString()));
            case Policy.MonthlyEstimateMax p -> {
                Estimate e = estimate.apply(env, stacks);
                yield List.of(Check.of(e.aws().compareTo(p.usd()) <= 0, ESTIMATE, "monthly AWS estimate of " + env.name(),
                        "(" + e.from() + ")", "at most $" + p.usd().toPlainString(), "$" + e.aws().toPlainString()));
            }
            case Policy.ArchitectureIs p -> stacks.map(s -> architecture(p, s)).orElseGet(() -> List.of(Check.of(
                    env.service().architecture() == p.architecture(), SPEC, key(env, "service.architecture"), "",
                    p.architecture().id(), env.service().architecture().id())));
            case Policy.IngressIs p -> stacks.map(s -> ingress(p, s)).orElseGet(() -> List.of(Check.of(
                    env.ingress() == p.ingress(), SPEC, key(env, "ingress"), "", p.ingress().id(), env.ingress().id())));
            case Policy.NatGatewaysMax p -> stacks.map(s -> nat(p, s)).orElseGet(() -> List.of(Check.of(
                    env.network().natGateways() <= p.count(), SPEC, key(env, "network.nat-gateways"), "",
                    "at most " + p.count(), String.valueOf(env.network().natGateways()))));
            case Policy.ReservedCoverageMin p -> live.map(l -> reservedLive(p, env, l.get())).orElseGet(() -> reserved(p, env));
            case Policy.AwsSolutions p -> awsSolutions(env);
            case Policy.ScheduledCapacity p -> ScheduledCapacityCheck.check(env, stacks);
            case Policy.BudgetAlarms p -> List.of(
                    Check.of(spec.budget().monthlyLimit().isPresent(), SPEC, "budget.monthly-limit", "", "a limit in USD",
                            spec.budget().monthlyLimit().map(BigDecimal::toPlainString).orElse("none")),
                    Check.of(!spec.budget().recipients().isEmpty(), SPEC, "budget.notify", "",
                            "at least one address", spec.budget().recipients().isEmpty() ? "none"
                                    : String.join(", ", spec.budget().recipients())));
        };
    }

    private static String key(Environment env, String path) {
        return "spec environments." + env.name() + "." + path;
    }

    private static String usageKey(Environment env, String key) {
        return "spec usage." + key + " (" + env.name() + ")";
    }

    private static List<Check> retention(Policy.LogRetentionMaxDays p, StackSet s) {
        List<Check> out = new ArrayList<>();
        for (Resource g : s.ofType("AWS::Logs::LogGroup")) {
            Value v = g.value("RetentionInDays");
            String actual = v instanceof Value.Absent ? "not set (logs kept forever)" : v.describe();
            out.add(Check.of(v.integer().map(d -> d <= p.days()).orElse(false), TEMPLATE, g.label(),
                    "RetentionInDays", "at most " + p.days(), actual));
        }
        return nonEmpty(out, "AWS::Logs::LogGroup");
    }

    private static List<Check> taskSize(Policy.TaskSizeMax p, StackSet s) {
        List<Check> out = new ArrayList<>();
        for (Resource t : s.ofType("AWS::ECS::TaskDefinition")) {
            out.add(atMost(t, "Cpu", p.cpu()));
            out.add(atMost(t, "Memory", p.memory()));
        }
        return nonEmpty(out, "AWS::ECS::TaskDefinition");
    }

    private static Check atMost(Resource r, String property, long max) {
        Value v = r.value(property);
        return Check.of(v.integer().map(x -> x <= max).orElse(false), TEMPLATE, r.label(), property, "at most " + max,
                v.describe());
    }

    private static List<Check> autoscaling(Policy.AutoscalingBounds p, StackSet s) {
        List<Check> out = new ArrayList<>();
        List<Resource> services = s.ofType("AWS::ECS::Service");
        if (services.isEmpty()) {
            return List.of(Check.of(false, TEMPLATE, "the template", "", "an AWS::ECS::Service", "none"));
        }
        for (Resource service : services) {
            Optional<Resource> target = s.referring("AWS::ApplicationAutoScaling::ScalableTarget", service).stream()
                    .findFirst();
            if (target.isEmpty()) {
                out.add(Check.of(false, TEMPLATE, service.label(), "", "an AWS::ApplicationAutoScaling::ScalableTarget",
                        "none (the service does not scale)"));
                continue;
            }
            Resource t = target.get();
            Value min = t.value("MinCapacity");
            Value max = t.value("MaxCapacity");
            out.add(Check.of(min.integer().map(x -> x >= p.min()).orElse(false), TEMPLATE, t.label(), "MinCapacity",
                    "at least " + p.min(), min.describe()));
            out.add(Check.of(max.integer().map(x -> x <= p.max()).orElse(false), TEMPLATE, t.label(), "MaxCapacity",
                    "at most " + p.max(), max.describe()));
            out.add(Check.of(max.integer().orElse(0L) > min.integer().orElse(0L), TEMPLATE, t.label(),
                    "MaxCapacity", "above MinCapacity (" + min.describe() + ")", max.describe()));
            Optional<Resource> cpuPolicy = s.referring("AWS::ApplicationAutoScaling::ScalingPolicy", t).stream()
                    .filter(sp -> "ECSServiceAverageCPUUtilization".equals(sp.value("TargetTrackingScalingPolicyConfiguration",
                            "PredefinedMetricSpecification", "PredefinedMetricType").text().orElse("")))
                    .findFirst();
            if (cpuPolicy.isEmpty()) {
                out.add(Check.of(false, TEMPLATE, t.label(), "", "a target-tracking ScalingPolicy on "
                        + "ECSServiceAverageCPUUtilization", "none"));
                continue;
            }
            Value targetValue = cpuPolicy.get().value("TargetTrackingScalingPolicyConfiguration", "TargetValue");
            out.add(Check.of(targetValue.decimal().map(v -> v.compareTo(BigDecimal.valueOf(p.targetCpu())) == 0).orElse(false),
                    TEMPLATE, cpuPolicy.get().label(), "TargetTrackingScalingPolicyConfiguration.TargetValue",
                    String.valueOf(p.targetCpu()), targetValue.describe()));
        }
        return out;
    }

    private static List<Check> autoscaling(Policy.AutoscalingBounds p, Environment env) {
        var a = env.service().autoscaling();
        return List.of(
                Check.of(a.min() >= p.min(), SPEC, key(env, "service.autoscaling.min"), "", "at least " + p.min(),
                        String.valueOf(a.min())),
                Check.of(a.max() <= p.max(), SPEC, key(env, "service.autoscaling.max"), "", "at most " + p.max(),
                        String.valueOf(a.max())),
                Check.of(a.max() > a.min(), SPEC, key(env, "service.autoscaling.max"), "",
                        "above min (" + a.min() + ")", a.max() + (a.max() == a.min() ? " (the service does not scale)" : "")),
                Check.of(a.targetCpu() == p.targetCpu(), SPEC, key(env, "service.autoscaling.target-cpu"), "",
                        String.valueOf(p.targetCpu()), String.valueOf(a.targetCpu())));
    }

    private static List<Check> spot(Policy.SpotWeightMin p, StackSet s) {
        List<Check> out = new ArrayList<>();
        for (Resource service : s.ofType("AWS::ECS::Service")) {
            int percent = Ecs.spotPercent(service);
            out.add(Check.of(percent >= p.percent(), TEMPLATE, service.label(), "CapacityProviderStrategy",
                    "FARGATE_SPOT at least " + p.percent() + "% of the weight", "FARGATE_SPOT " + percent + "%"));
        }
        return nonEmpty(out, "AWS::ECS::Service");
    }

    private List<Check> devSchedule(Environment env, Optional<StackSet> stacks) {
        Optional<dev.bella.spec.Schedule> schedule = spec.scheduleOf(env);
        List<Check> out = new ArrayList<>();
        out.add(Check.of(schedule.isPresent(), SPEC, key(env, "schedule"), "", "a schedule (stopped after hours)",
                env.schedule().orElse("none (runs 24/7)")));
        if (stacks.isEmpty() || schedule.isEmpty()) {
            return out;
        }
        List<Resource> schedules = stacks.get().ofType("AWS::Scheduler::Schedule");
        if (schedules.isEmpty()) {
            out.add(Check.of(false, TEMPLATE, "the template", "", "an AWS::Scheduler::Schedule", "none"));
        }
        String zone = schedule.get().zone().getId();
        for (Resource r : schedules) {
            Value tz = r.value("ScheduleExpressionTimezone");
            out.add(Check.of(tz.text().map(zone::equals).orElse(false), TEMPLATE, r.label(), "ScheduleExpressionTimezone",
                    zone, tz instanceof Value.Absent ? "not set (UTC)" : tz.describe()));
        }
        return out;
    }

    private static List<Check> architecture(Policy.ArchitectureIs p, StackSet s) {
        String expected = p.architecture() == dev.bella.spec.Architecture.ARM64 ? "ARM64" : "X86_64";
        List<Check> out = new ArrayList<>();
        for (Resource t : s.ofType("AWS::ECS::TaskDefinition")) {
            String actual = Ecs.architecture(t);
            out.add(Check.of(expected.equals(actual), TEMPLATE, t.label(), "RuntimePlatform.CpuArchitecture", expected,
                    t.value("RuntimePlatform", "CpuArchitecture") instanceof Value.Absent ? "not set (X86_64)" : actual));
        }
        return nonEmpty(out, "AWS::ECS::TaskDefinition");
    }

    private static List<Check> ingress(Policy.IngressIs p, StackSet s) {
        List<Resource> albs = s.ofType("AWS::ElasticLoadBalancingV2::LoadBalancer").stream()
                .filter(r -> r.value("Type").text().orElse("application").equals("application")).toList();
        List<Resource> apis = s.ofType("AWS::ApiGatewayV2::Api").stream()
                .filter(r -> r.value("ProtocolType").text().orElse("").equals("HTTP")).toList();
        List<Check> out = new ArrayList<>();
        if (p.ingress() == Ingress.HTTP_API) {
            for (Resource alb : albs) {
                out.add(Check.of(false, TEMPLATE, alb.label(), "", "no Application Load Balancer (ingress http-api)",
                        "an ALB"));
            }
            out.add(apis.isEmpty() ? Check.of(false, TEMPLATE, "the template", "", "an AWS::ApiGatewayV2::Api with "
                    + "ProtocolType HTTP", "none") : Check.of(true, TEMPLATE, apis.getFirst().label(), "ProtocolType",
                    "HTTP", "HTTP"));
        } else {
            out.add(albs.isEmpty() ? Check.of(false, TEMPLATE, "the template", "", "an application AWS::"
                    + "ElasticLoadBalancingV2::LoadBalancer", "none") : Check.of(true, TEMPLATE, albs.getFirst().label(),
                    "Type", "application", "application"));
        }
        return out;
    }

    private static List<Check> nat(Policy.NatGatewaysMax p, StackSet s) {
        List<Resource> nats = s.ofType("AWS::EC2::NatGateway");
        String actual = nats.size() + (nats.isEmpty() ? "" : " (" + String.join(", ",
                nats.stream().map(Resource::logicalId).toList()) + ")");
        return List.of(Check.of(nats.size() <= p.count(), TEMPLATE, "the template", "AWS::EC2::NatGateway count",
                "at most " + p.count(), actual));
    }

    private static List<Check> reserved(Policy.ReservedCoverageMin p, Environment env) {
        List<Check> out = new ArrayList<>();
        int db = env.commitments().database().coveragePercent();
        out.add(Check.of(db >= p.percent(), SPEC, key(env, "commitments.database.coverage-percent"), "",
                "at least " + p.percent() + "%", db + "%"));
        if (env.cache() instanceof Cache.Redis) {
            int cache = env.commitments().cache().coveragePercent();
            out.add(Check.of(cache >= p.percent(), SPEC, key(env, "commitments.cache.coverage-percent"), "",
                    "at least " + p.percent() + "%", cache + "%"));
        }
        return out;
    }

    /**
     * The account's measured coverage first (reservations apply account-wide, so it is one figure), then the spec's
     * values; when nothing could be measured, a skipped row says the spec was all that could be checked.
     */
    private static List<Check> reservedLive(Policy.ReservedCoverageMin p, Environment env, LiveCoverage coverage) {
        List<Check> out = new ArrayList<>();
        out.add(coverage.percent().map(c -> Check.of(c.compareTo(BigDecimal.valueOf(p.percent())) >= 0, LIVE,
                "live account reserved coverage (RDS and ElastiCache)", "", "at least " + p.percent() + "%",
                c.toPlainString() + "% (" + coverage.source() + ")"))
                .orElseGet(() -> new Check(LIVE, "live account reserved coverage", "", "", "could only check the spec: "
                        + coverage.source(), Check.Outcome.SKIPPED)));
        out.addAll(reserved(p, env));
        return out;
    }

    /** A policy about a kind of resource the template does not have passes, and says so. */
    private static List<Check> nonEmpty(List<Check> checks, String type) {
        return checks.isEmpty() ? List.of(new Check(TEMPLATE, "the template", "", "", "no " + type + " to check",
                Check.Outcome.SKIPPED)) : checks;
    }

    /** One failed check per finding (its construct path and rule), or one passing check when there is none. */
    private List<Check> awsSolutions(Environment env) {
        List<AwsSolutionsFindings.Finding> findings = awsSolutions.apply(env);
        if (findings.isEmpty()) {
            return List.of(Check.of(true, TEMPLATE, "stacks of " + env.name(), "AwsSolutions",
                    "no finding (each fixed or acknowledged)", "none"));
        }
        List<Check> checks = new ArrayList<>();
        for (AwsSolutionsFindings.Finding f : findings) {
            checks.add(Check.of(false, TEMPLATE, f.resource(), f.rule(), "fixed or acknowledged with a reason",
                    f.description()));
        }
        return checks;
    }
}
