package dev.bella.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The lines of a run and what they add up to. */
public record RunReport(String environment, Instant at, boolean dryRun, List<ResourceResult> results) {

    public enum Status {
        /** every resource is (or on a dry run would be) in its desired state */
        CONVERGED,
        /** some resource failed or was refused */
        FAILED,
        /** nothing failed, but something is pending or throttled: run again */
        RETRY
    }

    public RunReport {
        results = List.copyOf(results);
    }

    public Status status() {
        if (results.stream().anyMatch(r -> r.outcome().failed())) {
            return Status.FAILED;
        }
        return results.stream().anyMatch(r -> r.outcome() == ResourceResult.Outcome.PENDING) ? Status.RETRY : Status.CONVERGED;
    }

    public String table() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"RESOURCE", "DESIRED", "BEFORE", "ACTION", "OUTCOME", "ERROR", "DETAIL"});
        for (ResourceResult r : results) {
            rows.add(new String[] {r.resource(), r.desired().map(d -> d.key() + " (" + r.reason() + ")").orElse("-"),
                    r.before(), r.action(), r.outcome().key(), r.errorCode().orElse("-"), r.detail()});
        }
        StringBuilder sb = new StringBuilder();
        sb.append("schedule-dev ").append(environment).append(" at ").append(at).append(dryRun ? " (dry run: nothing changed)" : "")
                .append('\n');
        sb.append(Columns.render(rows));
        sb.append(results.size()).append(" resource(s): ").append(status().name().toLowerCase(java.util.Locale.ROOT)).append('\n');
        return sb.toString();
    }

    public String json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("environment", environment);
        m.put("at", at.toString());
        m.put("dry-run", dryRun);
        m.put("status", status().name().toLowerCase(java.util.Locale.ROOT));
        List<Map<String, Object>> lines = new ArrayList<>();
        for (ResourceResult r : results) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("resource", r.resource());
            l.put("desired", r.desired().map(DesiredState::key).orElse(null));
            l.put("reason", r.reason());
            l.put("before", r.before());
            l.put("action", r.action());
            l.put("outcome", r.outcome().key());
            l.put("error-code", r.errorCode().orElse(null));
            l.put("detail", r.detail());
            lines.add(l);
        }
        m.put("resources", lines);
        return Columns.json(m);
    }
}
