package dev.bella.report.render;

import static dev.bella.report.render.Numbers.money;
import static dev.bella.report.render.Numbers.percent;
import static dev.bella.report.render.Numbers.price;
import static dev.bella.report.render.Numbers.quantity;

import dev.bella.report.CategoryCost;
import dev.bella.report.CostReport;
import dev.bella.report.EnvironmentCost;
import dev.bella.report.LineItem;
import java.util.ArrayList;
import java.util.List;

/** The terminal table: aligned columns, category subtotals, totals, cost per call, budget, roadmap. */
final class TableRenderer {

    private static final int DESCRIPTION = 58;
    private final boolean color;
    private final StringBuilder out = new StringBuilder();

    TableRenderer(boolean color) {
        this.color = color;
    }

    String render(CostReport r) {
        line(bold("Bella cost report") + "  source: " + r.source() + "  period: " + r.period().label());
        line("config: " + r.config());
        r.notes().forEach(n -> line(n));
        for (EnvironmentCost e : r.environments()) {
            line("");
            line(bold("Environment " + e.name()) + "  (" + e.runningHours().toPlainString() + " of "
                    + r.period().hours().toPlainString() + " h running, " + e.calls() + " calls)");
            row(bold("  category / item"), "quantity", "unit price", Numbers.amountHeader(r));
            for (CategoryCost c : e.categories()) {
                row("  " + c.category().label(), "", "", money(c.subtotal()));
                for (LineItem i : c.items()) {
                    row("    " + i.description(), quantity(i.quantity()) + " " + i.unit(), price(i.unitPrice()),
                            money(i.amount()));
                }
            }
            row("  AWS", "", "", money(e.aws()));
            row("  Third-party APIs", "", "", money(e.thirdParty()));
            row(bold("  Environment total"), "", "", money(e.total()));
        }
        line("");
        row(bold("TOTAL AWS"), "", "", money(r.awsTotal()));
        row(bold("TOTAL third-party APIs"), "", "", money(r.thirdPartyTotal()));
        row(bold("TOTAL"), "", "", money(r.total()));
        r.costPerCall().ifPresent(c -> line("Cost per call: $" + c.value().toPlainString() + " over " + c.calls()
                + " calls" + c.target().map(t -> " (target $" + t.toPlainString() + ": "
                + (c.withinTarget().orElse(false) ? "met" : "over") + ")").orElse("")));
        r.budget().ifPresent(b -> {
            List<String> parts = new ArrayList<>();
            parts.add("AWS $" + money(b.monthlySpend()) + b.monthlyLimit().map(l -> " of $" + money(l)
                    + " monthly (" + percent(b.monthlyPercent().orElseThrow()) + ", " + (b.overMonthly() ? "OVER" : "under")
                    + ")").orElse(" monthly (no limit set)"));
            parts.add("$" + money(b.dailySpend()) + " a day" + b.dailyLimit().map(l -> " of $" + money(l) + " ("
                    + percent(b.dailyPercent().orElseThrow()) + ", " + (b.overDaily() ? "OVER" : "under") + ")")
                    .orElse(" (no daily limit set)"));
            line("Budget: " + String.join("; ", parts));
        });
        r.forecast().ifPresent(f -> line("Forecast (" + f.method() + "): $" + money(f.amount()) + " from " + f.start()
                + " to " + f.endExclusive().minusDays(1) + f.low().map(l -> " ($" + money(l) + "-" + f.high().map(Numbers::money)
                .orElse("?") + ")").orElse("") + "; month total $" + money(f.monthTotal())));
        Numbers.dailySummary(r).ifPresent(this::line);
        Numbers.otherClouds(r).ifPresent(this::line);
        Numbers.gate(r).ifPresent(this::line);
        if (r.estimated()) {
            line("Estimated: some figures are provisional; AWS may still revise them");
        }
        r.unavailable().forEach(u -> line("UNAVAILABLE: " + u));
        r.comparison().ifPresent(c -> {
            line("");
            line(bold("Compared with " + c.baseline()));
            row("  category", "baseline", "this spec", "reduction");
            c.categories().forEach(d -> row("  " + d.category().label(), money(d.baseline()), money(d.current()),
                    percent(d.reductionPercent())));
            row("  AWS", money(c.baselineAws()), money(c.aws()), percent(c.awsReductionPercent()));
            row("  Total", money(c.baselineTotal()), money(c.total()), percent(c.totalReductionPercent()));
        });
        if (!r.phases().isEmpty()) {
            line("");
            line(bold("Roadmap projection") + " (each phase's changes applied in order to the baseline)");
            row("  phase", "AWS / total", "saved", "seed's target");
            for (CostReport.PhaseProjection p : r.phases()) {
                String target = p.targetSavingsMin().map(min -> "$" + money(min) + p.targetSavingsMax()
                        .map(max -> "-" + money(max)).orElse("")).orElse("-");
                row("  " + p.id() + " " + p.title() + " [" + p.status() + "]",
                        money(p.aws()) + " / " + money(p.total()), money(p.savings()) + " (cum. "
                                + money(p.cumulativeSavings()) + ")", target);
            }
        }
        return out.toString();
    }

    private void row(String description, String quantity, String unitPrice, String amount) {
        String d = description.length() > DESCRIPTION + extra(description)
                ? description.substring(0, DESCRIPTION + extra(description) - 1) + "~" : description;
        out.append(String.format("%-" + (DESCRIPTION + extra(d)) + "s %26s %12s %12s", d, quantity, unitPrice, amount)
                .stripTrailing()).append('\n');
    }

    /** Width taken by invisible colour codes, so columns stay aligned with colour on. */
    private int extra(String s) {
        return s.length() - s.replaceAll("\u001B\\[[0-9;]*m", "").length();
    }

    private void line(String s) {
        out.append(s).append('\n');
    }

    private String bold(String s) {
        return color ? "\u001B[1m" + s + "\u001B[0m" : s;
    }
}
