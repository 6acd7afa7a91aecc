package dev.bella.capacity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.bella.spec.Autoscaling.Block;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;

/** The capacity report as a terminal heat map, JSON, Markdown or one self-contained HTML page. */
public final class CapacityRenderer {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CapacityRenderer() {
    }

    public static String table(CapacityReport r, boolean color) {
        StringBuilder out = new StringBuilder();
        out.append(header(r)).append('\n');
        out.append('\n').append("predicted concurrent calls (p").append(r.percentile()).append(" of weekly peaks)\n");
        grid(out, r, CapacityReport.Hour::predicted, color);
        out.append('\n').append("minimum tasks (").append(r.callsPerTask()).append(" calls per task, rounded up)\n");
        grid(out, r, CapacityReport.Hour::tasks, color);
        int fewest = r.hours().stream().mapToInt(CapacityReport.Hour::samples).min().orElse(0);
        int most = r.hours().stream().mapToInt(CapacityReport.Hour::samples).max().orElse(0);
        out.append("samples per hour: ").append(fewest == most ? String.valueOf(most) : fewest + "-" + most).append('\n');
        out.append('\n').append("suggested: autoscaling min ").append(r.base()).append(", scheduled:")
                .append(r.blocks().isEmpty() ? " none (the same minimum all week)" : "").append('\n');
        for (Block b : r.blocks()) {
            out.append("  ").append(String.format("%-16s %s-%s  min %d", Days.format(b.days()), b.from(),
                    b.untilMidnight() ? "24:00" : b.to(), b.min())).append('\n');
        }
        out.append("spec now: autoscaling min ").append(r.currentMin()).append(", scheduled ")
                .append(r.currentBlocks().isEmpty() ? "none" : CapacityService.yaml(r.currentBlocks())).append('\n');
        r.notes().forEach(n -> out.append("note: ").append(n).append('\n'));
        return out.toString();
    }

    private static String header(CapacityReport r) {
        return "capacity " + r.environment() + " (" + r.zone() + "): " + r.source() + ", " + r.days() + " days from "
                + r.from().atZone(r.zone()).toLocalDate() + ", " + r.calls() + " calls; calls per task "
                + r.callsPerTask() + " (" + r.callsPerTaskSource() + ")"
                + (r.holidaysExcluded().isEmpty() ? "" : "; holidays left out: " + r.holidaysExcluded().stream()
                .map(Object::toString).reduce((a, b) -> a + ", " + b).orElse(""));
    }

    private static void grid(StringBuilder out, CapacityReport r, ToIntFunction<CapacityReport.Hour> value, boolean color) {
        int max = Math.max(1, r.hours().stream().mapToInt(value).max().orElse(1));
        out.append("    ");
        for (int h = 0; h < 24; h++) {
            out.append(String.format("%3d", h));
        }
        out.append('\n');
        for (int d = 0; d < 7; d++) {
            out.append(Days.name(d + 1)).append(' ');
            for (int h = 0; h < 24; h++) {
                int v = value.applyAsInt(r.hours().get(d * 24 + h));
                String cell = String.format("%3s", v < 0 ? "-" : String.valueOf(v));
                if (color && v > 0) {
                    // 256-colour ramp from pale yellow to red, by share of the busiest hour
                    int[] ramp = {230, 229, 222, 215, 209, 203, 196};
                    out.append("\u001b[48;5;").append(ramp[Math.min(ramp.length - 1, v * (ramp.length - 1) / max)])
                            .append(";30m").append(cell).append("\u001b[0m");
                } else {
                    out.append(cell);
                }
            }
            out.append('\n');
        }
    }

    public static String json(CapacityReport r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schemaVersion", 1);
        root.put("environment", r.environment());
        root.put("timezone", r.zone().getId());
        root.put("source", r.source());
        root.put("from", r.from().toString());
        root.put("to", r.to().toString());
        root.put("days", r.days());
        root.put("calls", r.calls());
        root.put("percentile", r.percentile());
        // not Map.of: its order changes from one JVM to the next, and so would the JSON
        Map<String, Object> callsPerTask = new LinkedHashMap<>();
        callsPerTask.put("value", r.callsPerTask());
        callsPerTask.put("source", r.callsPerTaskSource());
        root.put("callsPerTask", callsPerTask);
        root.put("holidaysExcluded", r.holidaysExcluded().stream().map(Object::toString).toList());
        root.put("suggested", suggested(r.base(), r.blocks(), Math.max(r.max(), r.highest())));
        root.put("current", suggested(r.currentMin(), r.currentBlocks(), r.max()));
        List<Map<String, Object>> hours = new ArrayList<>();
        for (CapacityReport.Hour h : r.hours()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("day", Days.name(h.day().getValue()));
            m.put("hour", h.hour());
            m.put("predicted", h.predicted() < 0 ? null : h.predicted());
            m.put("peak", h.peak() < 0 ? null : h.peak());
            m.put("samples", h.samples());
            m.put("tasks", h.tasks());
            hours.add(m);
        }
        root.put("hours", hours);
        root.put("notes", r.notes());
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> suggested(int min, List<Block> blocks, int max) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("min", min);
        m.put("max", max);
        m.put("scheduled", blocks.stream().map(b -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("days", Days.format(b.days()));
            x.put("from", b.from().toString());
            x.put("to", b.untilMidnight() ? "24:00" : b.to().toString());
            x.put("min", b.min());
            return x;
        }).toList());
        return m;
    }

    public static String markdown(CapacityReport r) {
        StringBuilder out = new StringBuilder("## Capacity: ").append(r.environment()).append("\n\n")
                .append(header(r)).append("\n\n");
        for (String title : List.of("Predicted concurrent calls (p" + r.percentile() + ")", "Minimum tasks")) {
            ToIntFunction<CapacityReport.Hour> value = title.startsWith("Minimum") ? CapacityReport.Hour::tasks
                    : CapacityReport.Hour::predicted;
            out.append("### ").append(title).append("\n\n| day |");
            for (int h = 0; h < 24; h++) {
                out.append(' ').append(String.format("%02d", h)).append(" |");
            }
            out.append("\n|---|").append("---:|".repeat(24)).append('\n');
            for (int d = 0; d < 7; d++) {
                out.append("| ").append(Days.name(d + 1)).append(" |");
                for (int h = 0; h < 24; h++) {
                    int v = value.applyAsInt(r.hours().get(d * 24 + h));
                    out.append(' ').append(v < 0 ? "-" : String.valueOf(v)).append(" |");
                }
                out.append('\n');
            }
            out.append('\n');
        }
        out.append("### Suggested scheduled minimum\n\nautoscaling min ").append(r.base()).append("\n\n");
        out.append("| days | from | to | min |\n|---|---|---|---:|\n");
        for (Block b : r.blocks()) {
            out.append("| ").append(Days.format(b.days())).append(" | ").append(b.from()).append(" | ")
                    .append(b.untilMidnight() ? "24:00" : b.to()).append(" | ").append(b.min()).append(" |\n");
        }
        r.notes().forEach(n -> out.append("\n> ").append(n).append('\n'));
        return out.toString();
    }

    public static String html(CapacityReport r) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Capacity ").append(escape(r.environment())).append("</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}")
                .append("td,th{border:1px solid #ddd;padding:2px 6px;text-align:right;font-size:13px}")
                .append("</style></head><body>\n<h1>Capacity: ").append(escape(r.environment())).append("</h1>\n<p>")
                .append(escape(header(r))).append("</p>\n");
        heat(out, r, "Predicted concurrent calls (p" + r.percentile() + " of weekly peaks)", CapacityReport.Hour::predicted);
        heat(out, r, "Minimum tasks", CapacityReport.Hour::tasks);
        out.append("<h2>Suggested scheduled minimum</h2>\n<p>autoscaling min ").append(r.base()).append("</p>\n")
                .append("<table><tr><th>days</th><th>from</th><th>to</th><th>min</th></tr>\n");
        for (Block b : r.blocks()) {
            out.append("<tr><td>").append(Days.format(b.days())).append("</td><td>").append(b.from()).append("</td><td>")
                    .append(b.untilMidnight() ? "24:00" : b.to()).append("</td><td>").append(b.min()).append("</td></tr>\n");
        }
        out.append("</table>\n");
        r.notes().forEach(n -> out.append("<p>Note: ").append(escape(n)).append("</p>\n"));
        return out.append("</body></html>\n").toString();
    }

    private static void heat(StringBuilder out, CapacityReport r, String title, ToIntFunction<CapacityReport.Hour> value) {
        int max = Math.max(1, r.hours().stream().mapToInt(value).max().orElse(1));
        out.append("<h2>").append(escape(title)).append("</h2>\n<table class=\"heat\"><tr><th></th>");
        for (int h = 0; h < 24; h++) {
            out.append("<th>").append(String.format("%02d", h)).append("</th>");
        }
        out.append("</tr>\n");
        for (int d = 0; d < 7; d++) {
            out.append("<tr><th>").append(Days.name(d + 1)).append("</th>");
            for (int h = 0; h < 24; h++) {
                CapacityReport.Hour hour = r.hours().get(d * 24 + h);
                int v = value.applyAsInt(hour);
                String alpha = String.format(Locale.ROOT, "%.2f", Math.max(0, v) / (double) max);
                out.append("<td style=\"background:rgba(220,60,30,").append(alpha).append(")\" title=\"")
                        .append(hour.samples()).append(" samples\">").append(v < 0 ? "-" : v).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</table>\n");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
