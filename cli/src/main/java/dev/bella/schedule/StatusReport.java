package dev.bella.schedule;

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

    public String table(Optional<BigDecimal> saving) {
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
        saving.ifPresent(s -> sb.append("estimated saving of the schedule: $").append(s.setScale(2, RoundingMode.HALF_UP))
                .append(" a month (estimate engine, average month)\n"));
        return sb.toString();
    }

    public String json(Optional<BigDecimal> saving) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("environment", environment);
        m.put("at", now.toString());
        m.put("desired", schedule.desired().key());
        m.put("reason", schedule.reason().key());
        m.put("next-transition", schedule.nextTransition().map(Instant::toString).orElse(null));
        m.put("monthly-saving-usd", saving.map(s -> s.setScale(2, RoundingMode.HALF_UP)).orElse(null));
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
}
