package dev.bella.estimate;

import dev.bella.report.EnvironmentCost;
import dev.bella.report.LineItem;
import dev.bella.spec.Environment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * What an environment's schedule saves in a period, AWS cost only: {@code gross} is the environment running all
 * period minus its cost on the schedule before its scheduler's runs, {@code scheduler} what those runs cost
 * (Fargate, public IPv4, logs), {@code net} the difference, what the account actually saves.
 */
public record ScheduleSaving(String environment, BigDecimal gross, BigDecimal scheduler, BigDecimal net) {

    static ScheduleSaving of(EnvironmentCost scheduled, EnvironmentCost always) {
        BigDecimal scheduler = scheduled.categories().stream().flatMap(c -> c.items().stream())
                .filter(i -> i.id().startsWith(SchedulerRuns.PREFIX)).map(LineItem::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal net = always.aws().subtract(scheduled.aws());
        return new ScheduleSaving(scheduled.name(), net.add(scheduler), scheduler, net);
    }

    /** The same environment without its schedule (and so without a scheduler): every other field kept. */
    static Environment unscheduled(Environment env) {
        return new Environment(env.name(), env.protectedEnv(), env.service(), env.ingress(), env.network(),
                env.database(), env.cache(), env.logs(), env.commitments(), Optional.empty(), env.usage(), env.image(),
                env.certificateArn(), env.alarms(), env.scheduler(), env.publicUrl(), env.throttle());
    }

    /** One line for the report's notes. */
    public String note() {
        return environment + ": the schedule saves $" + cents(gross) + " gross, its scheduler's runs cost $"
                + cents(scheduler) + ", net saving $" + cents(net);
    }

    private static BigDecimal cents(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }
}
