package dev.bella.schedule;

import dev.bella.estimate.ScheduleSaving;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code status}: each resource's desired and actual state, since when, and the next transition. */
public record StatusReport(String environment, Instant now, Decision schedule, List<Line> lines) {

    public record Line(String resource, String desired, String reason, String actual, Optional<String> since,
                       Optional<Instant> nextTransition) {
    }

    public StatusReport {
        lines = List.copyOf(lines);
    }

    public String table(Optional<ScheduleSaving> saving) {
        StringBuilder sb = new StringBuilder();
        sb.append("schedule-dev ").append(environment).append(" at ").append(now).append(": schedule says ")
                .append(schedule.desired().key()).append(" (").append(schedule.reason().key()).append("), next transition ")
                .append(schedule.nextTransition().map(Instant::toString).orElse("none within a year")).append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"RESOURCE", "DESIRED", "ACTUAL", "SINCE", "NEXT TRANSITION"});
        for (Line l : lines) {
            rows.add(new String[] {l.resource(), l.desired() + " (" + l.reason() + ")", l.actual(), l.since().orElse("unknown"),
                    l.nextTransition().map(Instant::toString).orElse("-")});
        }
        sb.append(Columns.render(rows));
        saving.ifPresent(s -> sb.append("estimated saving of the schedule: $").append(cents(s.net()))
                .append(" a month net: $").append(cents(s.gross())).append(" gross minus $").append(cents(s.scheduler()))
                .append(" for the scheduler's own runs (estimate engine, average month)\n"));
        return sb.toString();
    }

    public String json(Optional<ScheduleSaving> saving) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("environment", environment);
        m.put("at", now.toString());
        m.put("desired", schedule.desired().key());
        m.put("reason", schedule.reason().key());
        m.put("next-transition", schedule.nextTransition().map(Instant::toString).orElse(null));
        // the saving is net of the scheduler's runs; gross and the scheduler's cost beside it
        m.put("monthly-saving-usd", saving.map(s -> cents(s.net())).orElse(null));
        m.put("monthly-saving-gross-usd", saving.map(s -> cents(s.gross())).orElse(null));
        m.put("scheduler-monthly-cost-usd", saving.map(s -> cents(s.scheduler())).orElse(null));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Line l : lines) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("resource", l.resource());
            x.put("desired", l.desired());
            x.put("reason", l.reason());
            x.put("actual", l.actual());
            x.put("since", l.since().orElse(null));
            x.put("next-transition", l.nextTransition().map(Instant::toString).orElse(null));
            out.add(x);
        }
        m.put("resources", out);
        return Columns.json(m);
    }

    private static BigDecimal cents(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }
}
