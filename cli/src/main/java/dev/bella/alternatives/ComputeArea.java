package dev.bella.alternatives;

import static dev.bella.alternatives.Risk.Constraint.AVAILABILITY;
import static dev.bella.alternatives.Risk.Constraint.CALL_QUALITY;
import static dev.bella.alternatives.Risk.Constraint.VOICE_RESPONSE;

import dev.bella.report.Category;
import dev.bella.report.LineItem;
import dev.bella.spec.Service;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** ECS on Fargate (the spec) against ECS on EC2 Graviton instances and Lambda for the webhooks. */
final class ComputeArea {

    static final String EC2 = "ecs-on-ec2";
    /** Memory of the Graviton burstable sizes, smallest first; all have 2 vCPUs. */
    private static final Map<String, Integer> T4G_MIB = new LinkedHashMap<>();

    static {
        T4G_MIB.put("t4g.micro", 1024);
        T4G_MIB.put("t4g.small", 2048);
        T4G_MIB.put("t4g.medium", 4096);
    }

    private ComputeArea() {
    }

    static List<Option> options(Context ctx) {
        Service s = ctx.env().service();
        List<Option> out = new ArrayList<>();
        out.add(ctx.current(Area.COMPUTE, "fargate", "ECS on Fargate, " + s.cpu() + " CPU units / " + s.memory()
                        + " MiB " + s.architecture().id() + (s.spotWeight() > 0 ? ", " + s.spotWeight() + "% Spot" : ""),
                s.spotWeight() > 0 ? List.of(Risk.medium(AVAILABILITY, "Spot tasks can be reclaimed with two minutes' notice"))
                        : List.of(), List.of()));
        instanceFor(s, ctx.assumptions().ec2ReservedMib()).ifPresent(type -> out.add(ctx.option(Area.COMPUTE, EC2,
                "ECS on EC2 " + type + " (Graviton) + Auto Scaling group",
                ctx.replace(Map.of(Category.COMPUTE, Formulas.ec2(ctx.prices(), type, ctx.taskHours(),
                        ctx.assumptions().ec2RootVolumeGb(), ctx.env().network().publicTasks()))),
                List.of(Risk.medium(AVAILABILITY, "scaling out starts an instance first (one to three minutes, "
                                + "against the seed's 30 s target); you patch the AMI"),
                        Risk.low(VOICE_RESPONSE, "burstable t4g: sustained CPU above its baseline bills surplus credits "
                                + "(unlimited mode) rather than slowing down")),
                Optional.empty(), s.spotWeight() > 0 ? List.of("on demand: EC2 Spot is not priced here",
                        "the spec cannot express ECS on EC2 yet") : List.of("the spec cannot express ECS on EC2 yet"))));
        out.add(lambda(ctx, false));
        out.add(lambda(ctx, true));
        return out;
    }

    /** The smallest t4g that holds one task with the OS's reserve; empty when the task needs more than 2 vCPUs. */
    static Optional<String> instanceFor(Service s, int reservedMib) {
        if (s.cpu() > 2048) {
            return Optional.empty();
        }
        return T4G_MIB.entrySet().stream().filter(e -> e.getValue() >= s.memory() + reservedMib).map(Map.Entry::getKey)
                .findFirst();
    }

    private static Option lambda(Context ctx, boolean provisioned) {
        Service s = ctx.env().service();
        BigDecimal gb = BigDecimal.valueOf(s.memory()).divide(BigDecimal.valueOf(1024), Context.MC);
        String arch = s.architecture().id();
        BigDecimal seconds = ctx.assumptions().lambdaSecondsPerRequest();
        List<LineItem> compute = provisioned
                ? Formulas.lambdaProvisioned(ctx.prices(), arch, ctx.assumptions().provisionedConcurrency(), gb,
                ctx.runningHours(), ctx.requests(), seconds)
                : Formulas.lambda(ctx.prices(), arch, ctx.requests(), seconds, gb);
        return ctx.option(Area.COMPUTE, provisioned ? "lambda-provisioned" : "lambda-snapstart",
                provisioned ? "Lambda, provisioned concurrency " + ctx.assumptions().provisionedConcurrency()
                        : "Lambda with SnapStart, on demand",
                ctx.replace(Map.of(Category.COMPUTE, compute, Category.NETWORKING, withoutTaskNetworking(ctx, true))),
                provisioned ? List.of(Risk.low(VOICE_RESPONSE, "one warm environment: no cold start until a second "
                                + "call overlaps"), Risk.low(AVAILABILITY, "runs across AZs, managed"))
                        : List.of(Risk.medium(VOICE_RESPONSE, "Java cold starts: SnapStart restores in a few hundred "
                                + "milliseconds, but at a few calls an hour most turns start cold, eating into 3 s"),
                        Risk.medium(CALL_QUALITY, "the in-process extraction cache lives per execution environment: "
                                + "fewer cache hits, more OpenAI calls")),
                Optional.empty(), List.of("SnapStart has no charge for Java functions",
                        "the spec cannot express Lambda compute yet"));
    }

    /**
     * The networking lines once the tasks are gone: no VPC link or Cloud Map (an HTTP API or ALB invokes a
     * function directly) and, when the spec has none, a NAT gateway: a function in the VPC reaches the database
     * but has no public address, so OpenAI and Twilio need one.
     */
    static List<LineItem> withoutTaskNetworking(Context ctx, boolean addNat) {
        List<LineItem> lines = new ArrayList<>(ctx.lines(Category.NETWORKING).stream()
                .filter(l -> !Set.of("vpc-link", "cloud-map").contains(l.id())).toList());
        if (addNat && ctx.env().network().natGateways() == 0) {
            lines.addAll(Formulas.nat(ctx.prices(), ctx.periodHours(),
                    ctx.env().usage().dataOutGbPerMonth().multiply(ctx.monthShare())));
        }
        return lines;
    }
}
