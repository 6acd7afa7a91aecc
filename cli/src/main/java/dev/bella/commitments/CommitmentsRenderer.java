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
            out.append(String.format("  %-62s %12s of %12s %-5s %7s%n", c.kind() + ": " + c.service(), num(c.covered()),
                    num(c.total()), c.unit(), pct(c.percent())));
            for (Group g : c.groups()) {
                out.append(String.format("    %-60s %12s of %12s %-5s %7s%n", g.name(), num(g.covered()), num(g.total()),
                        c.unit(), pct(g.percent())));
            }
        }
        out.append("\nUtilization (used of purchased; net savings over the lookback)\n");
        for (Utilization u : r.utilization()) {
            out.append(String.format("  %-62s %12s of %12s %-5s %7s  saved $%s%n", u.kind() + ": " + u.service(),
                    num(u.used()), num(u.purchased()), u.unit(), pct(u.percent()), Numbers.money(u.netSavings())));
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
            out.append("| ").append(c.kind()).append(": ").append(esc(c.service())).append(" | ").append(num(c.covered()))
                    .append(" | ").append(num(c.total())).append(" | ").append(c.unit()).append(" | ").append(pct(c.percent()))
                    .append(" |\n");
            for (Group g : c.groups()) {
                out.append("| &nbsp;&nbsp;").append(esc(g.name())).append(" | ").append(num(g.covered())).append(" | ")
                        .append(num(g.total())).append(" | ").append(c.unit()).append(" | ").append(pct(g.percent())).append(" |\n");
            }
        }
        out.append("\n| utilization | used | purchased | unit | % | net savings |\n|---|---:|---:|---|---:|---:|\n");
        for (Utilization u : r.utilization()) {
            out.append("| ").append(u.kind()).append(": ").append(esc(u.service())).append(" | ").append(num(u.used()))
                    .append(" | ").append(num(u.purchased())).append(" | ").append(u.unit()).append(" | ")
                    .append(pct(u.percent())).append(" | ").append(Numbers.money(u.netSavings())).append(" |\n");
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
            ObjectNode n = coverage.addObject();
            n.put("kind", c.kind());
            n.put("service", c.service());
            n.put("unit", c.unit());
            n.put("covered", c.covered());
            n.put("total", c.total());
            Numbers.putOptional(n, "percent", c.percent());
            ArrayNode groups = n.putArray("groups");
            for (Group g : c.groups()) {
                ObjectNode gn = groups.addObject();
                gn.put("name", g.name());
                gn.put("covered", g.covered());
                gn.put("total", g.total());
                Numbers.putOptional(gn, "percent", g.percent());
            }
        }
        ArrayNode utilization = root.putArray("utilization");
        for (Utilization u : r.utilization()) {
            ObjectNode n = utilization.addObject();
            n.put("kind", u.kind());
            n.put("service", u.service());
            n.put("unit", u.unit());
            n.put("used", u.used());
            n.put("purchased", u.purchased());
            Numbers.putOptional(n, "percent", u.percent());
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
