package dev.bella.commitments;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bella.commitments.CommitmentsReport.Advice;
import dev.bella.commitments.CommitmentsReport.Coverage;
import dev.bella.commitments.CommitmentsReport.Group;
import dev.bella.commitments.CommitmentsReport.Held;
import dev.bella.commitments.CommitmentsReport.Utilization;
import dev.bella.report.render.JsonRenderer;
import dev.bella.report.render.Numbers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** The commitments report as a terminal table, JSON (schema in docs/commitments.md) or Markdown. */
public final class CommitmentsRenderer {

    static final int SCHEMA_VERSION = 1;

    private CommitmentsRenderer() {
    }

    /** The verdict the --fail-under gate acts on, in words. */
    public static String verdict(CommitmentsReport r) {
        String target = r.query().target().stripTrailingZeros().toPlainString() + "%";
        return r.reservedCoverage().map(c -> "reserved coverage " + c.toPlainString() + "% is "
                + (r.belowTarget() ? "under" : "at or above") + " the target " + target
                + " (budget.targets.commitment-coverage)").orElse("no reservable hours in the lookback; target " + target);
    }

    static String status(CommitmentsReport r) {
        return r.reservedCoverage().isEmpty() ? "no-usage" : r.belowTarget() ? "under" : "met";
    }

    public static String table(CommitmentsReport r) {
        StringBuilder out = new StringBuilder();
        CommitmentsQuery q = r.query();
        out.append("Bella commitments  lookback: ").append(q.lookback().id()).append(" (").append(q.start()).append(" to ")
                .append(q.today().minusDays(1)).append(")  advice for: ").append(q.term().id()).append(' ')
                .append(q.payment().id()).append('\n');
        out.append(verdict(r)).append("\n\nCoverage\n");
        for (Coverage c : r.coverage()) {
            out.append(share("  ", c.kind() + ": " + c.service(), c.covered(), c.total(), c.unit(), c.percent())).append('\n');
            for (Group g : c.groups()) {
                out.append(share("    ", g.name(), g.covered(), g.total(), c.unit(), g.percent())).append('\n');
            }
        }
        out.append("\nUtilization (used of purchased; net savings over the lookback)\n");
        for (Utilization u : r.utilization()) {
            out.append(share("  ", u.kind() + ": " + u.service(), u.used(), u.purchased(), u.unit(), u.percent()))
                    .append("  saved $").append(Numbers.money(u.netSavings())).append('\n');
        }
        out.append("\nRecommendations (").append(q.term().id()).append(' ').append(q.payment().id()).append(")\n");
        if (r.advice().isEmpty()) {
            out.append("  none\n");
        }
        for (Advice a : r.advice()) {
            out.append("  ").append(a.kind().equals("reservation") ? num(a.quantity()) + " x " : "").append(a.what())
                    .append(": upfront $").append(Numbers.money(a.upfront())).append(", $").append(Numbers.money(a.monthlyRecurring()))
                    .append("/month, saves $").append(Numbers.money(a.monthlySaving())).append("/month, break-even ")
                    .append(a.breakEvenMonth().map(m -> "month " + m).orElse("never")).append('\n');
            a.risks().forEach(risk -> out.append("    risk: ").append(risk).append('\n'));
        }
        out.append("\nExpiring in the next ").append(CommitmentsQuery.EXPIRING_DAYS).append(" days\n");
        if (r.expiring().isEmpty()) {
            out.append("  none\n");
        }
        for (Held h : r.expiring()) {
            out.append("  ").append(h.kind()).append(' ').append(h.id()).append(": ").append(h.count()).append(" x ")
                    .append(h.what()).append(h.expired() ? ", ended " : ", ends ").append(h.end())
                    .append(h.expired() ? "" : " (in " + h.daysLeft() + " days)")
                    .append(h.lapseMonthlyCost().map(c -> ", lapse costs $" + Numbers.money(c) + "/month").orElse(""))
                    .append("; ").append(h.note()).append('\n');
        }
        out.append('\n');
        r.notes().forEach(n -> out.append("note: ").append(n).append('\n'));
        r.unavailable().forEach(u -> out.append("UNAVAILABLE: ").append(u).append('\n'));
        return out.toString();
    }

    public static String markdown(CommitmentsReport r) {
        StringBuilder out = new StringBuilder();
        CommitmentsQuery q = r.query();
        out.append("# Commitments, ").append(q.start()).append(" to ").append(q.today().minusDays(1)).append(" (")
                .append(q.lookback().id()).append(")\n\n**").append(verdict(r)).append("**\n\n");
        out.append("| coverage | covered | total | unit | % |\n|---|---:|---:|---|---:|\n");
        for (Coverage c : r.coverage()) {
            out.append(shareCells(c.kind() + ": " + esc(c.service()), c.covered(), c.total(), c.unit(), c.percent()))
                    .append('\n');
            for (Group g : c.groups()) {
                out.append(shareCells("&nbsp;&nbsp;" + esc(g.name()), g.covered(), g.total(), c.unit(), g.percent()))
                        .append('\n');
            }
        }
        out.append("\n| utilization | used | purchased | unit | % | net savings |\n|---|---:|---:|---|---:|---:|\n");
        for (Utilization u : r.utilization()) {
            out.append(shareCells(u.kind() + ": " + esc(u.service()), u.used(), u.purchased(), u.unit(), u.percent()))
                    .append(' ').append(Numbers.money(u.netSavings())).append(" |\n");
        }
        out.append("\n## Recommendations (").append(q.term().id()).append(' ').append(q.payment().id()).append(")\n\n");
        out.append("| what | quantity | upfront | monthly | saves/month | break-even | risks |\n|---|---:|---:|---:|---:|---|---|\n");
        for (Advice a : r.advice()) {
            out.append("| ").append(esc(a.what())).append(" | ").append(num(a.quantity())).append(" | ").append(Numbers.money(a.upfront()))
                    .append(" | ").append(Numbers.money(a.monthlyRecurring())).append(" | ").append(Numbers.money(a.monthlySaving()))
                    .append(" | ").append(a.breakEvenMonth().map(m -> "month " + m).orElse("never")).append(" | ")
                    .append(esc(String.join("; ", a.risks()))).append(" |\n");
        }
        out.append("\n## Expiring in the next ").append(CommitmentsQuery.EXPIRING_DAYS).append(" days\n\n");
        out.append("| commitment | what | end | lapse cost/month | note |\n|---|---|---|---:|---|\n");
        for (Held h : r.expiring()) {
            out.append("| ").append(h.kind()).append(' ').append(esc(h.id())).append(" | ").append(h.count()).append(" x ")
                    .append(esc(h.what())).append(" | ").append(h.end()).append(" | ")
                    .append(h.lapseMonthlyCost().map(Numbers::money).orElse("unknown")).append(" | ")
                    .append(esc(h.note())).append(" |\n");
        }
        out.append('\n');
        r.notes().forEach(n -> out.append("- ").append(esc(n)).append('\n'));
        r.unavailable().forEach(u -> out.append("- **Unavailable:** ").append(esc(u)).append('\n'));
        return out.toString();
    }

    public static String json(CommitmentsReport r) {
        CommitmentsQuery q = r.query();
        ObjectNode root = JsonRenderer.object();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("currency", "USD");
        ObjectNode lookback = root.putObject("lookback");
        lookback.put("id", q.lookback().id());
        lookback.put("start", q.start().toString());
        lookback.put("end", q.today().toString());
        root.put("term", q.term().id());
        root.put("payment", q.payment().id());
        root.put("environment", q.environment());
        root.put("target", q.target());
        Numbers.putOptional(root, "reservedCoverage", r.reservedCoverage());
        root.put("status", status(r));
        ArrayNode coverage = root.putArray("coverage");
        for (Coverage c : r.coverage()) {
            ObjectNode n = coverage.addObject().put("kind", c.kind()).put("service", c.service()).put("unit", c.unit());
            putShare(n, "covered", c.covered(), "total", c.total(), c.percent());
            ArrayNode groups = n.putArray("groups");
            for (Group g : c.groups()) {
                putShare(groups.addObject().put("name", g.name()), "covered", g.covered(), "total", g.total(), g.percent());
            }
        }
        ArrayNode utilization = root.putArray("utilization");
        for (Utilization u : r.utilization()) {
            ObjectNode n = utilization.addObject().put("kind", u.kind()).put("service", u.service()).put("unit", u.unit());
            putShare(n, "used", u.used(), "purchased", u.purchased(), u.percent());
            n.put("netSavings", u.netSavings());
        }
        ArrayNode advice = root.putArray("recommendations");
        for (Advice a : r.advice()) {
            ObjectNode n = advice.addObject();
            n.put("kind", a.kind());
            n.put("service", a.service());
            n.put("what", a.what());
            n.put("quantity", a.quantity());
            n.put("upfront", a.upfront());
            n.put("monthlyRecurring", a.monthlyRecurring());
            n.put("monthlyOnDemand", a.monthlyOnDemand());
            n.put("monthlySaving", a.monthlySaving());
            a.breakEvenMonth().ifPresentOrElse(m -> n.put("breakEvenMonth", m), () -> n.putNull("breakEvenMonth"));
            JsonRenderer.putStrings(n, "risks", a.risks());
        }
        ArrayNode expiring = root.putArray("expiring");
        for (Held h : r.expiring()) {
            ObjectNode n = expiring.addObject();
            n.put("kind", h.kind());
            n.put("id", h.id());
            n.put("what", h.what());
            n.put("count", h.count());
            n.put("end", h.end().toString());
            n.put("daysLeft", h.daysLeft());
            n.put("expired", h.expired());
            Numbers.putOptional(n, "lapseMonthlyCost", h.lapseMonthlyCost());
            n.put("note", h.note());
        }
        JsonRenderer.putStrings(root, "notes", r.notes());
        JsonRenderer.putStrings(root, "unavailable", r.unavailable());
        return JsonRenderer.write(root);
    }

    // A share of a whole (hours covered of those run, commitment used of purchased) prints alike for a service's
    // coverage, each of its groups and utilization: one row form per format keeps their columns in step.
    private static String share(String indent, String label, BigDecimal part, BigDecimal whole, String unit,
                                Optional<BigDecimal> percent) {
        return String.format("%s%-" + (64 - indent.length()) + "s %12s of %12s %-5s %7s", indent, label, num(part),
                num(whole), unit, pct(percent));
    }

    private static String shareCells(String label, BigDecimal part, BigDecimal whole, String unit, Optional<BigDecimal> percent) {
        return "| " + label + " | " + num(part) + " | " + num(whole) + " | " + unit + " | " + pct(percent) + " |";
    }

    private static void putShare(ObjectNode n, String partKey, BigDecimal part, String wholeKey, BigDecimal whole,
                                 Optional<BigDecimal> percent) {
        Numbers.putOptional(n.put(partKey, part).put(wholeKey, whole), "percent", percent);
    }

    private static String num(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() > 2 ? v.setScale(2, RoundingMode.HALF_UP) : s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    private static String pct(Optional<BigDecimal> p) {
        return p.map(v -> v.toPlainString() + "%").orElse("n/a");
    }

    private static String esc(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
