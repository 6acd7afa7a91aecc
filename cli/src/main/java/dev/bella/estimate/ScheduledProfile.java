package dev.bella.estimate;

import dev.bella.spec.Autoscaling;
import dev.bella.spec.Environment;
import dev.bella.spec.Service;
import dev.bella.spec.Usage;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.util.Optional;

/**
 * Task-hours of a service with a scheduled minimum ({@code service.autoscaling.scheduled}): hour by hour over the
 * week, the larger of the desired count and the minimum at that hour, averaged and applied to the running hours.
 * It replaces the {@code peak} guess: the blocks say when and how many tasks run. Also the expected utilization
 * of that capacity against the seed's 70-80% target, from the spec's own usage.
 */
final class ScheduledProfile {

    static final BigDecimal WEEK_HOURS = BigDecimal.valueOf(168);
    static final BigDecimal BAND_LOW = BigDecimal.valueOf(70);
    static final BigDecimal BAND_HIGH = BigDecimal.valueOf(80);
    private static final MathContext MC = MathContext.DECIMAL64;

    private ScheduledProfile() {
    }

    static boolean applies(Service s) {
        return !s.autoscaling().capacity().scheduled().isEmpty();
    }

    /** The weekly average task count: (sum over the 168 hours of max(desired, minimum)) / 168. */
    static BigDecimal averageTasks(Service s) {
        Autoscaling a = s.autoscaling();
        long taskHours = 0;
        for (DayOfWeek day : DayOfWeek.values()) {
            for (int hour = 0; hour < 24; hour++) {
                taskHours += Math.max(s.desired(), a.capacity().minAt(day, hour, a.min()));
            }
        }
        return BigDecimal.valueOf(taskHours).divide(WEEK_HOURS, MC);
    }

    static BigDecimal taskHours(Service s, BigDecimal runningHours) {
        return averageTasks(s).multiply(runningHours, MC);
    }

    /**
     * What share of the scheduled capacity the spec's calls use: average concurrent calls while running
     * (calls × minutes per call / running minutes) over average tasks × calls per task.
     */
    static Optional<String> utilizationNote(Environment env, BigDecimal runningHours) {
        Service s = env.service();
        if (!applies(s) || runningHours.signum() == 0) {
            return Optional.empty();
        }
        BigDecimal tasks = averageTasks(s);
        String head = env.name() + ": scheduled capacity averages " + tasks.setScale(2, RoundingMode.HALF_UP)
                + " tasks (priced hour by hour instead of peak)";
        Optional<Autoscaling.CallsPerTask> perTask = s.autoscaling().capacity().callsPerTask();
        if (perTask.isEmpty()) {
            return Optional.of(head + "; utilization unknown: the spec has no service.autoscaling.calls-per-task");
        }
        Usage u = env.usage();
        BigDecimal concurrent = BigDecimal.valueOf(u.callsPerMonth()).multiply(u.minutesPerCall())
                .divide(runningHours.multiply(BigDecimal.valueOf(60)), MC);
        BigDecimal percent = concurrent.multiply(BigDecimal.valueOf(100))
                .divide(tasks.multiply(BigDecimal.valueOf(perTask.get().value())), MC).setScale(1, RoundingMode.HALF_UP);
        String band = percent.compareTo(BAND_LOW) < 0 ? "below" : percent.compareTo(BAND_HIGH) > 0 ? "above" : "within";
        return Optional.of(head + "; expected utilization " + percent.toPlainString() + "% (" + concurrent.setScale(3,
                RoundingMode.HALF_UP) + " concurrent calls on average, " + perTask.get().value() + " calls per task), "
                + band + " the seed's 70-80% target");
    }
}
