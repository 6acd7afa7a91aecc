package dev.bella.rightsize;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bella.report.render.JsonRenderer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The rightsizing report as a terminal table or as JSON (schema in docs/rightsize.md). The JSON is built
 * node by node so a renamed Java field never changes the published schema.
 */
public final class RightsizeRenderer {

    public static final int SCHEMA_VERSION = 1;

    private RightsizeRenderer() {
    }

    public static String table(RightsizeReport r) {
        StringBuilder out = new StringBuilder();
        out.append("Bella rightsize  environment: ").append(r.environment()).append("  source: ").append(r.source())
                .append("  lookback: ").append(r.lookback().toDays()).append(" d  headroom: ")
                .append(r.headroomPercent().stripTrailingZeros().toPlainString()).append("%\n");
        out.append("config: ").append(r.config()).append("\n");
        String fmt = "%-10s %-20s %-20s %-18s %-9s %12s%n";
        out.append('\n').append(String.format(Locale.ROOT, fmt, "resource", "current", "recommended", "finding", "risk",
                r.currency() + "/month"));
        for (Recommendation rec : r.recommendations()) {
            out.append(String.format(Locale.ROOT, fmt, rec.kind().id, rec.current(), rec.recommended().orElse("-"),
                    rec.finding().id, rec.risk().id, rec.recommendedMonthly().isEmpty() ? "-" : signed(rec.monthlySavings())));
        }
        out.append(String.format(Locale.ROOT, "%-81s %12s%n", "total monthly savings", signed(r.monthlySavings())));
        for (Recommendation rec : r.recommendations()) {
            out.append('\n').append(rec.kind().id).append(" (").append(rec.resource()).append(")\n");
            out.append("  cost now       ").append(money(rec.currentMonthly())).append(' ').append(r.currency()).append("/month\n");
            rec.recommendedMonthly().ifPresent(m -> out.append("  cost after     ").append(money(m)).append(' ')
                    .append(r.currency()).append("/month\n"));
            if (!rec.used().isEmpty()) {
                out.append("  used           ").append(figures(rec.used())).append('\n');
            }
            if (!rec.projected().isEmpty()) {
                out.append("  projected      ").append(figures(rec.projected())).append('\n');
            }
            rec.notes().forEach(n -> out.append("  - ").append(n).append('\n'));
        }
        r.computeOptimizer().ifPresent(c -> out.append("\nAWS Compute Optimizer (service): ").append(c.unavailable()
                .orElseGet(() -> c.finding().orElse("?") + ", " + c.recommended().orElse("no option") + c.monthlySavings()
                        .map(m -> ", saves " + money(m).toPlainString() + " " + c.currency().orElse("") + "/month").orElse("")))
                .append('\n'));
        if (!r.notes().isEmpty()) {
            out.append('\n');
            r.notes().forEach(n -> out.append("note: ").append(n).append('\n'));
        }
        return out.toString();
    }

    public static String json(RightsizeReport r) {
        ObjectNode root = JsonRenderer.object();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("environment", r.environment());
        root.put("config", r.config());
        root.put("source", r.source());
        root.put("lookbackDays", r.lookback().toDays());
        root.put("headroomPercent", r.headroomPercent());
        root.put("currency", r.currency());
        ArrayNode resources = root.putArray("resources");
        for (Recommendation rec : r.recommendations()) {
            ObjectNode o = resources.addObject();
            o.put("kind", rec.kind().id);
            o.put("resource", rec.resource());
            o.put("current", rec.current());
            if (rec.recommended().isPresent()) {
                o.put("recommended", rec.recommended().get());
            } else {
                o.putNull("recommended");
            }
            ObjectNode spec = o.putObject("recommendedSpec");
            rec.recommendedSpec().forEach((k, v) -> {
                if (v.matches("\\d+")) {
                    spec.put(k, Integer.parseInt(v));
                } else {
                    spec.put(k, v);
                }
            });
            o.put("finding", rec.finding().id);
            o.put("performanceRisk", rec.risk().id);
            figureNodes(o.putArray("utilization"), rec.used());
            figureNodes(o.putArray("projectedUtilization"), rec.projected());
            ObjectNode monthly = o.putObject("monthly");
            monthly.put("current", money(rec.currentMonthly()));
            if (rec.recommendedMonthly().isPresent()) {
                monthly.put("recommended", money(rec.recommendedMonthly().get()));
            } else {
                monthly.putNull("recommended");
            }
            monthly.put("savings", money(rec.monthlySavings()));
            ArrayNode changes = o.putArray("specChanges");
            for (Change c : rec.changes()) {
                changes.addObject().put("key", c.key()).put("from", c.from()).put("to", c.to());
            }
            JsonRenderer.putStrings(o, "notes", rec.notes());
        }
        root.put("totalMonthlySavings", money(r.monthlySavings()));
        r.computeOptimizer().ifPresent(c -> {
            ObjectNode co = root.putObject("computeOptimizer");
            co.put("finding", c.finding().orElse(null));
            co.put("recommended", c.recommended().orElse(null));
            co.put("monthlySavings", c.monthlySavings().map(RightsizeRenderer::money).orElse(null));
            co.put("currency", c.currency().orElse(null));
            co.put("unavailable", c.unavailable().orElse(null));
        });
        JsonRenderer.putStrings(root, "notes", r.notes());
        return JsonRenderer.write(root);
    }

    private static void figureNodes(ArrayNode out, List<Figure> figures) {
        for (Figure f : figures) {
            out.addObject().put("name", f.name()).put("value", BigDecimal.valueOf(f.value())).put("unit", f.unit());
        }
    }

    private static String figures(List<Figure> figures) {
        return figures.stream().map(f -> f.name() + " " + number(f.value()) + ("%".equals(f.unit()) ? "%" : " " + f.unit()))
                .collect(Collectors.joining(", "));
    }

    private static String number(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    static BigDecimal money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    private static String signed(BigDecimal v) {
        return money(v).toPlainString();
    }
}
