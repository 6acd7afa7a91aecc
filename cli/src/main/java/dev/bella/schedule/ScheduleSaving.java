package dev.bella.schedule;

import dev.bella.estimate.EstimateEngine;
import dev.bella.estimate.EstimatePeriod;
import dev.bella.spec.Environment;
import dev.bella.spec.Spec;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the schedule saves a month: the estimate engine's AWS cost of the environment running all month
 * minus its cost on the schedule, over the average month (so holidays count once a year).
 */
public final class ScheduleSaving {

    private ScheduleSaving() {
    }

    public static BigDecimal monthly(ScheduledEnvironment scheduled, Clock clock) {
        Spec spec = scheduled.spec();
        Environment env = scheduled.environment();
        // the same environment without its schedule: every other field kept, so whatever the engine prices stays
        Environment always = new Environment(env.name(), env.protectedEnv(), env.service(), env.ingress(), env.network(),
                env.database(), env.cache(), env.logs(), env.commitments(), Optional.empty(), env.usage(), env.image(),
                env.certificateArn(), env.alarms(), env.scheduler(), env.publicUrl());
        TreeMap<String, Environment> envs = new TreeMap<>(spec.environments());
        envs.put(env.name(), always);
        Spec unscheduled = new Spec(spec.source(), spec.project(), spec.region(), spec.prices(), spec.pricesFile(),
                spec.baseline(), envs, spec.schedules(), spec.budget(), spec.usage(), spec.phases(), spec.timezone());
        EstimatePeriod period = EstimatePeriod.averageMonth(clock);
        EstimateEngine engine = new EstimateEngine();
        BigDecimal scheduledCost = engine.estimate(spec, period, Optional.of(env.name())).awsTotal();
        BigDecimal fullCost = engine.estimate(unscheduled, period, Optional.of(env.name())).awsTotal();
        return fullCost.subtract(scheduledCost);
    }
}
