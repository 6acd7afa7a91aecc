package dev.bella.schedule;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What the schedule alone says at an instant: {@code plan --schedule-only}, no AWS calls. */
public record SchedulePlan(String environment, String schedule, String zone, Decision decision) {

    public static SchedulePlan of(ScheduledEnvironment env, Instant at, Optional<StateOverride> until) {
        return new SchedulePlan(env.name(), env.schedule().name(), env.schedule().zone().getId(),
                env.calendar().at(at, until, Reason.UNTIL));
    }

    public String json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("environment", environment);
        m.put("schedule", schedule);
        m.put("timezone", zone);
        m.put("at", decision.at().toString());
        m.put("desired", decision.desired().key());
        m.put("reason", decision.reason().key());
        m.put("next-transition", decision.nextTransition().map(Instant::toString).orElse(null));
        m.put("next-desired", decision.nextTransition().map(t -> flip(decision.desired()).key()).orElse(null));
        return Columns.json(m);
    }

    public String table() {
        java.time.ZoneId z = java.time.ZoneId.of(zone);
        return "environment      " + environment + " (schedule " + schedule + ", " + zone + ")\n"
                + "at               " + decision.at() + " (" + decision.at().atZone(z).toLocalDateTime() + " local)\n"
                + "desired          " + decision.desired().key() + " (" + decision.reason().key() + ")\n"
                + "next transition  " + decision.nextTransition().map(t -> t + " (" + t.atZone(z).toLocalDateTime()
                + " local) -> " + flip(decision.desired()).key()).orElse("none within a year") + "\n";
    }

    static DesiredState flip(DesiredState s) {
        return s == DesiredState.RUNNING ? DesiredState.STOPPED : DesiredState.RUNNING;
    }
}
