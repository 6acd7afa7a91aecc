package dev.bella.spec;

import java.math.BigDecimal;

/**
 * A typed roadmap policy, as written under an item's {@code policy:} (e.g. {@code log-retention-max-days: 30}).
 * Sealed so that the checker's exhaustive switch stops compiling when a policy is added and not handled;
 * {@link Policies} is the registry that names, documents and parses each one.
 */
public sealed interface Policy {

    /** CloudWatch log groups keep logs at most {@code days}. */
    record LogRetentionMaxDays(int days) implements Policy {
    }

    /** Fargate task size at most {@code cpu} units and {@code memory} MiB. */
    record TaskSizeMax(int cpu, int memory) implements Policy {
    }

    /** The service scales on CPU: at least {@code min} tasks, at most {@code max}, tracking {@code targetCpu} percent. */
    record AutoscalingBounds(int min, int max, int targetCpu) implements Policy {
    }

    /** At least {@code percent} of the tasks run on FARGATE_SPOT. */
    record SpotWeightMin(int percent) implements Policy {
    }

    /** A development environment exists and runs on a schedule (stopped after hours). */
    record DevSchedule() implements Policy {
    }

    /** The service caches LLM answers (the spec's usage declares {@code llm-cache: true}). */
    record LlmCache() implements Policy {
    }

    /** Responses are gzip-compressed (the spec's usage declares {@code response-compression: true}). */
    record ResponseCompression() implements Policy {
    }

    /** At most {@code share} of the speech turns reach the LLM. */
    record LlmShareMax(BigDecimal share) implements Policy {
    }

    /** The estimated monthly AWS cost of an environment is at most {@code usd}. */
    record MonthlyEstimateMax(BigDecimal usd) implements Policy {
    }

    /** Tasks run on this CPU architecture. */
    record ArchitectureIs(Architecture architecture) implements Policy {
    }

    /** Webhooks reach the tasks through this ingress (and not the other). */
    record IngressIs(Ingress ingress) implements Policy {
    }

    /** At most {@code count} NAT gateways. */
    record NatGatewaysMax(int count) implements Policy {
    }

    /** Reservations cover at least {@code percent} of the database (and cache) hours. */
    record ReservedCoverageMin(int percent) implements Policy {
    }

    /** The environment's stacks pass the AWS Solutions rule pack (cdk-nag): every finding fixed or acknowledged. */
    record AwsSolutions() implements Policy {
    }

    /** The spec has a monthly budget limit and someone to notify, so `bella cost alarms` can create the alarms. */
    record BudgetAlarms() implements Policy {
    }

    /** The service has a scheduled minimum from its call pattern ({@code bella cost capacity}), deployed as scheduled actions. */
    record ScheduledCapacity() implements Policy {
    }
}
