package dev.bella.schedule;

import dev.bella.spec.Environment;
import dev.bella.spec.Schedule;
import dev.bella.spec.Spec;
import java.util.List;
import java.util.Optional;

/** The environment schedule-dev acts on, which must have a {@code schedule} in the spec. */
public record ScheduledEnvironment(Spec spec, Environment environment, Schedule schedule) {

    public String name() {
        return environment.name();
    }

    public ScheduleCalendar calendar() {
        return new ScheduleCalendar(schedule);
    }

    /**
     * {@code --env NAME}, or the one environment with a schedule when there is exactly one. Production is
     * refused even with a schedule: stopping it would drop calls.
     */
    public static ScheduledEnvironment resolve(Spec spec, Optional<String> requested) {
        String name = requested.orElseGet(() -> {
            List<String> scheduled = spec.environments().values().stream()
                    .filter(e -> e.schedule().isPresent()).map(Environment::name).toList();
            if (scheduled.size() != 1) {
                throw new ScheduleConfigException(scheduled.isEmpty()
                        ? "no environment in the spec has a schedule; add `schedule: <name>` to the dev environment"
                        : "several environments have a schedule (" + String.join(", ", scheduled) + "); pick one with --env");
            }
            return scheduled.getFirst();
        });
        Environment env = spec.environment(name).orElseThrow(() -> new ScheduleConfigException(
                "unknown environment '" + name + "'; the spec has " + String.join(", ", spec.environments().keySet())));
        if (env.protectedEnv() || name.equals("prod")) {
            throw new ScheduleConfigException("environment '" + name + "' is protected; schedule-dev never stops it");
        }
        Schedule schedule = spec.scheduleOf(env).orElseThrow(() -> new ScheduleConfigException("environment '"
                + name + "' has no schedule; add `schedule: <name>` to environments." + name + " in the spec"));
        return new ScheduledEnvironment(spec, env, schedule);
    }
}
