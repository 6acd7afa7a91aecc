package dev.bella.report.render;

import static dev.bella.report.render.Numbers.money;
import static dev.bella.report.render.Numbers.percent;
import static dev.bella.report.render.Numbers.price;
import static dev.bella.report.render.Numbers.quantity;

import dev.bella.report.CategoryCost;
import dev.bella.report.CostReport;
import dev.bella.report.EnvironmentCost;
import dev.bella.report.LineItem;

/** GitHub-flavoured Markdown, for pull-request comments from CI and for docs. */
final class MarkdownRenderer {

    private MarkdownRenderer() {
    }

    static String render(CostReport r) {
        StringBuilder out = new StringBuilder();
        out.append("# Bella cost report\n\n");
        out.append("Source: **").append(r.source()).append("** · period: ").append(escape(r.period().label()))
                .append(" · config: `").append(r.config()).append("`\n\n");
        out.append("| | AWS | third-party APIs | total |\n|---|---:|---:|---:|\n");
        for (EnvironmentCost e : r.environments()) {
            out.append("| ").append(escape(e.name())).append(" | ").append(money(e.aws())).append(" | ")
                    .append(money(e.thirdParty())).append(" | ").append(money(e.total())).append(" |\n");
        }
        out.append("| **total** | **").append(money(r.awsTotal())).append("** | **").append(money(r.thirdPartyTotal()))
                .append("** | **").append(money(r.total())).append("** |\n\n");
        r.costPerCall().ifPresent(c -> out.append("Cost per call: **$").append(c.value().toPlainString())
                .append("** over ").append(c.calls()).append(" calls").append(c.target().map(t -> " (target $"
                        + t.toPlainString() + ": " + (c.withinTarget().orElse(false) ? "met" : "over") + ")").orElse(""))
                .append("\n\n"));
        r.budget().ifPresent(b -> b.monthlyLimit().ifPresent(l -> out.append("Budget: AWS $").append(money(b.monthlySpend()))
                .append(" of $").append(money(l)).append(" monthly (").append(percent(b.monthlyPercent().orElseThrow()))
                .append(", ").append(b.overMonthly() ? "over" : "under").append(")\n\n")));
        r.forecast().ifPresent(f -> out.append("Forecast (").append(f.method()).append("): $").append(money(f.amount()))
                .append(" from ").append(f.start()).append(" to ").append(f.endExclusive().minusDays(1))
                .append("; month total **$").append(money(f.monthTotal())).append("**\n\n"));
        Numbers.dailySummary(r).ifPresent(d -> out.append(d).append("\n\n"));
        Numbers.otherClouds(r).ifPresent(d -> out.append(escape(d)).append("\n\n"));
        Numbers.gate(r).ifPresent(d -> out.append("**").append(escape(d)).append("**\n\n"));
        if (r.estimated()) {
            out.append("_Some figures are estimated: AWS may still revise them._\n\n");
        }
        r.unavailable().forEach(u -> out.append("**Unavailable:** ").append(escape(u)).append("\n\n"));
        for (EnvironmentCost e : r.environments()) {
            out.append("## ").append(escape(e.name())).append("\n\n");
            out.append("| category | item | quantity | unit price | ").append(Numbers.amountHeader(r))
                    .append(" |\n|---|---|---:|---:|---:|\n");
            for (CategoryCost c : e.categories()) {
                for (LineItem i : c.items()) {
                    out.append("| ").append(c.category().id()).append(" | ").append(escape(i.description())).append(" | ")
                            .append(quantity(i.quantity())).append(' ').append(escape(i.unit())).append(" | ")
                            .append(price(i.unitPrice())).append(" | ").append(money(i.amount())).append(" |\n");
                }
                out.append("| **").append(c.category().id()).append("** | | | | **").append(money(c.subtotal()))
                        .append("** |\n");
            }
            out.append('\n');
        }
        r.comparison().ifPresent(c -> {
            out.append("## Compared with `").append(c.baseline()).append("`\n\n");
            out.append("| category | baseline | this spec | reduction |\n|---|---:|---:|---:|\n");
            c.categories().forEach(d -> out.append("| ").append(d.category().id()).append(" | ").append(money(d.baseline()))
                    .append(" | ").append(money(d.current())).append(" | ").append(percent(d.reductionPercent())).append(" |\n"));
            out.append("| **AWS** | ").append(money(c.baselineAws())).append(" | ").append(money(c.aws())).append(" | ")
                    .append(percent(c.awsReductionPercent())).append(" |\n");
            out.append("| **total** | ").append(money(c.baselineTotal())).append(" | ").append(money(c.total()))
                    .append(" | ").append(percent(c.totalReductionPercent())).append(" |\n\n");
        });
        if (!r.phases().isEmpty()) {
            out.append("## Roadmap projection\n\n| phase | status | AWS | total | saved | cumulative | seed's target |\n")
                    .append("|---|---|---:|---:|---:|---:|---:|\n");
            for (CostReport.PhaseProjection p : r.phases()) {
                out.append("| ").append(escape(p.id() + " " + p.title())).append(" | ").append(p.status()).append(" | ")
                        .append(money(p.aws())).append(" | ").append(money(p.total())).append(" | ")
                        .append(money(p.savings())).append(" | ").append(money(p.cumulativeSavings())).append(" | ")
                        .append(p.targetSavingsMin().map(m -> money(m) + p.targetSavingsMax().map(x -> "-" + money(x))
                                .orElse("")).orElse("")).append(" |\n");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String escape(String s) {
        return s.replace("|", "\\|");
    }
}
