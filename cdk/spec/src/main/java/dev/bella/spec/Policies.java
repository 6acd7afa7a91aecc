package dev.bella.spec;

import dev.bella.yaml.MapReader;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The registry of roadmap policies: for each name, its parameters and their types, what it checks, the
 * environments it applies to by default, an example and a description. The spec loader parses policies
 * through it, docs/phases.md is written from it, and a test walks it so that no policy lacks any of these.
 */
public final class Policies {

    private Policies() {
    }

    /** Which environments a policy applies to when the item does not name one with {@code env:}. */
    public enum Scope {
        ALL("every environment"), PROTECTED("protected environments (prod)"),
        UNPROTECTED("unprotected environments (dev)"),
        /** checked once, about the spec as a whole (not per environment) */
        WHOLE_SPEC("the spec as a whole");

        private final String label;

        Scope(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean includes(Environment env) {
            return switch (this) {
                case ALL, WHOLE_SPEC -> true;
                case PROTECTED -> env.protectedEnv();
                case UNPROTECTED -> !env.protectedEnv();
            };
        }
    }

    /** What a policy is checked against. */
    public enum Subject {
        /** the synthesized CloudFormation template; the spec's own values when no template is at hand */
        TEMPLATE,
        /** the spec (usage assumptions, budget, declared features): nothing in a template says it */
        SPEC,
        /** the cost estimate: of the template when at hand, else of the spec */
        ESTIMATE
    }

    public record Param(String name, String type, String description) {
    }

    /**
     * @param permissions IAM actions the check needs; empty for every policy so far, since all of them read
     *                    templates and the spec offline
     */
    public record Definition(String name, String description, List<Param> params, String example, Scope scope,
                             Subject subject, List<String> permissions,
                             BiFunction<MapReader, String, Optional<Policy>> parser) {
        public Definition {
            params = List.copyOf(params);
            permissions = List.copyOf(permissions);
        }
    }

    private static final Map<String, Definition> ALL = registry();

    private static void add(Map<String, Definition> all, String name, String description, List<Param> params, String example, Scope scope,
                            Subject subject, BiFunction<MapReader, String, Optional<Policy>> parser) {
        all.put(name, new Definition(name, description, params, example, scope, subject, List.of(), parser));
    }

    private static Param value(String type, String description) {
        return new Param("(value)", type, description);
    }

    private static Map<String, Definition> registry() {
        Map<String, Definition> all = new LinkedHashMap<>();
        add(all, "log-retention-max-days", "CloudWatch log groups keep logs at most this many days (a log group "
                        + "without retention keeps them forever, which fails).",
                List.of(value("whole number of days, 1-3653", "the longest retention allowed")),
                "log-retention-max-days: 30", Scope.ALL, Subject.TEMPLATE,
                (m, k) -> m.integer(k, 1, 3653).map(Policy.LogRetentionMaxDays::new));
        add(all, "task-size-max", "Every Fargate task definition is at most this size.",
                List.of(new Param("cpu", "CPU units (1024 = 1 vCPU)", "largest task CPU allowed"),
                        new Param("memory", "MiB", "largest task memory allowed")),
                "task-size-max: {cpu: 512, memory: 1024}", Scope.ALL, Subject.TEMPLATE, (m, k) -> {
                    MapReader p = m.map(k);
                    int cpu = p.requiredInteger("cpu", 256, 16384);
                    int memory = p.requiredInteger("memory", 512, 122880);
                    p.finish();
                    return Optional.of(new Policy.TaskSizeMax(cpu, memory));
                });
        add(all, "autoscaling", "The ECS service scales on CPU (target tracking): min tasks at least min, max at most "
                        + "max, the CPU target exactly target-cpu, and max above min.",
                List.of(new Param("min", "tasks", "fewest tasks allowed as the scaling minimum"),
                        new Param("max", "tasks", "most tasks allowed as the scaling maximum"),
                        new Param("target-cpu", "percent, 1-100", "the CPU utilisation the service must track")),
                "autoscaling: {min: 1, max: 5, target-cpu: 70}", Scope.PROTECTED, Subject.TEMPLATE, (m, k) -> {
                    MapReader p = m.map(k);
                    int min = p.requiredInteger("min", 0, 1000);
                    int max = p.requiredInteger("max", 1, 1000);
                    int target = p.requiredInteger("target-cpu", 1, 100);
                    if (max < min) {
                        p.problems().add(p.positionOf("max"), p.what() + ".max: must be at least min (" + min
                                + "), found " + max);
                    }
                    p.finish();
                    return Optional.of(new Policy.AutoscalingBounds(min, max, target));
                });
        add(all, "spot-weight-min", "At least this percent of the service's tasks run on FARGATE_SPOT (capacity "
                        + "provider strategy weights).",
                List.of(value("percent, 0-100", "smallest FARGATE_SPOT share allowed")),
                "spot-weight-min: 80", Scope.UNPROTECTED, Subject.TEMPLATE,
                (m, k) -> m.integer(k, 0, 100).map(Policy.SpotWeightMin::new));
        add(all, "dev-schedule", "An unprotected (development) environment exists and every one has a schedule; in "
                        + "the template, an EventBridge Scheduler schedule in the schedule's timezone.",
                List.of(value("the word required", "")), "dev-schedule: required", Scope.UNPROTECTED,
                Subject.TEMPLATE, (m, k) -> required(m, k, new Policy.DevSchedule()));
        add(all, "llm-cache", "The service caches LLM answers: the spec's usage declares llm-cache: true.",
                List.of(value("the word required", "")), "llm-cache: required", Scope.ALL, Subject.SPEC,
                (m, k) -> required(m, k, new Policy.LlmCache()));
        add(all, "response-compression", "Webhook responses are gzip-compressed: the spec's usage declares "
                        + "response-compression: true.",
                List.of(value("the word required", "")), "response-compression: required", Scope.ALL, Subject.SPEC,
                (m, k) -> required(m, k, new Policy.ResponseCompression()));
        add(all, "llm-share-max", "At most this share of the speech turns reaches the LLM (usage llm-share).",
                List.of(value("decimal, 0-1", "largest llm-share allowed")), "llm-share-max: 0.2", Scope.ALL,
                Subject.SPEC, (m, k) -> m.decimal(k, BigDecimal.ZERO, BigDecimal.ONE).map(Policy.LlmShareMax::new));
        add(all, "monthly-estimate-max", "The estimated monthly AWS cost of each environment is at most this many "
                        + "USD (priced from the template when one is given, else from the spec).",
                List.of(value("USD", "largest monthly AWS estimate allowed")), "monthly-estimate-max: 60",
                Scope.ALL, Subject.ESTIMATE,
                (m, k) -> m.decimal(k, BigDecimal.ZERO, null).map(Policy.MonthlyEstimateMax::new));
        add(all, "architecture", "Tasks run on this CPU architecture (RuntimePlatform.CpuArchitecture).",
                List.of(value("arm64 or x86", "the required architecture")), "architecture: arm64", Scope.ALL,
                Subject.TEMPLATE, (m, k) -> m.choice(k, Map.of("arm64", Architecture.ARM64, "x86", Architecture.X86))
                        .map(Policy.ArchitectureIs::new));
        add(all, "ingress", "Webhooks come in through this ingress: http-api (API Gateway HTTP API, no load "
                        + "balancer) or alb.",
                List.of(value("http-api or alb", "the required ingress")), "ingress: http-api", Scope.ALL,
                Subject.TEMPLATE, (m, k) -> m.choice(k, Map.of("http-api", Ingress.HTTP_API, "alb", Ingress.ALB))
                        .map(Policy.IngressIs::new));
        add(all, "nat-gateways-max", "At most this many NAT gateways (each costs ~$33 a month before data).",
                List.of(value("whole number", "most NAT gateways allowed")), "nat-gateways-max: 0", Scope.ALL,
                Subject.TEMPLATE, (m, k) -> m.integer(k, 0, 100).map(Policy.NatGatewaysMax::new));
        add(all, "reserved-coverage-min", "Reservations cover at least this percent of the database hours, and of the "
                        + "cache hours when there is an ElastiCache cluster (commitments in the spec: reservations "
                        + "are a billing choice, not in the template).",
                List.of(value("percent, 0-100", "smallest coverage allowed")), "reserved-coverage-min: 80",
                Scope.PROTECTED, Subject.SPEC, (m, k) -> m.integer(k, 0, 100).map(Policy.ReservedCoverageMin::new));
        add(all, "budget-alarms", "The spec's budget has a monthly limit and at least one address to notify, so "
                        + "`bella cost alarms` can create the billing alarms.",
                List.of(value("the word required", "")), "budget-alarms: required", Scope.WHOLE_SPEC, Subject.SPEC,
                (m, k) -> required(m, k, new Policy.BudgetAlarms()));
        add(all, "aws-solutions", "The environment's stacks pass the AWS Solutions rule pack (cdk-nag): every "
                        + "finding is fixed or acknowledged in the stack code with its reason (docs/stacks.md). "
                        + "Synthesizes the stacks with the pack, so it needs node like `bella stack synth`.",
                List.of(value("the word required", "")), "aws-solutions: required", Scope.ALL, Subject.TEMPLATE,
                (m, k) -> required(m, k, new Policy.AwsSolutions()));
        add(all, "scheduled-capacity", "The service has a scheduled minimum from its call pattern "
                        + "(service.autoscaling.scheduled, written by `bella cost capacity`); in the template, scheduled "
                        + "actions on its scalable target in the blocks' time zone, up to the blocks' largest minimum.",
                List.of(value("the word required", "")), "scheduled-capacity: required", Scope.PROTECTED,
                Subject.TEMPLATE, (m, k) -> required(m, k, new Policy.ScheduledCapacity()));
        return java.util.Collections.unmodifiableMap(all);
    }

    private static Optional<Policy> required(MapReader m, String key, Policy policy) {
        return m.choice(key, Map.of("required", policy));
    }

    /** Every policy, in the order docs/phases.md lists them. */
    public static List<Definition> all() {
        return List.copyOf(ALL.values());
    }

    public static Optional<Definition> find(String name) {
        return Optional.ofNullable(ALL.get(name));
    }

    /** The registry entry of a parsed policy. */
    public static Definition of(Policy policy) {
        String name = switch (policy) {
            case Policy.LogRetentionMaxDays p -> "log-retention-max-days";
            case Policy.TaskSizeMax p -> "task-size-max";
            case Policy.AutoscalingBounds p -> "autoscaling";
            case Policy.SpotWeightMin p -> "spot-weight-min";
            case Policy.DevSchedule p -> "dev-schedule";
            case Policy.LlmCache p -> "llm-cache";
            case Policy.ResponseCompression p -> "response-compression";
            case Policy.LlmShareMax p -> "llm-share-max";
            case Policy.MonthlyEstimateMax p -> "monthly-estimate-max";
            case Policy.ArchitectureIs p -> "architecture";
            case Policy.IngressIs p -> "ingress";
            case Policy.NatGatewaysMax p -> "nat-gateways-max";
            case Policy.ReservedCoverageMin p -> "reserved-coverage-min";
            case Policy.BudgetAlarms p -> "budget-alarms";
            case Policy.AwsSolutions p -> "aws-solutions";
            case Policy.ScheduledCapacity p -> "scheduled-capacity";
        };
        return ALL.get(name);
    }
}
