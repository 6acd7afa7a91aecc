package dev.bella.report.render;

import static dev.bella.report.render.Html.escape;
import static dev.bella.report.render.Numbers.money;
import static dev.bella.report.render.Numbers.percent;
import static dev.bella.report.render.Numbers.price;
import static dev.bella.report.render.Numbers.quantity;

import dev.bella.report.Category;
import dev.bella.report.CategoryCost;
import dev.bella.report.CostReport;
import dev.bella.report.EnvironmentCost;
import dev.bella.report.LineItem;
import dev.bella.report.Money;
import dev.bella.report.render.SvgCharts.Bar;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One self-contained HTML page: inline CSS, inline SVG charts, no script and no external resource (its
 * Content-Security-Policy forbids both, so a regression shows up as a console error in the browser test).
 * Every chart has a table beside it with the same figures, for screen readers and for copying.
 */
final class HtmlRenderer {

    static final int TOP_ITEMS = 10;

    private static final String CSS = """
            body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111827;background:#f9fafb;margin:0}
            main{max-width:980px;margin:0 auto;padding:24px}
            h1{margin:0 0 4px;font-size:26px}h2{font-size:19px;margin:0 0 12px}
            section{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:16px 20px;margin:16px 0}
            .meta{color:#4b5563;margin:0}.cards{display:flex;flex-wrap:wrap;gap:12px}
            .card{flex:1 1 160px;border:1px solid #e5e7eb;border-radius:6px;padding:10px 12px}
            .card .k{color:#4b5563;font-size:13px}.card .v{font-size:22px;font-weight:600}
            .over{color:#b91c1c}.under{color:#047857}
            table{border-collapse:collapse;width:100%;margin-top:8px}
            th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #e5e7eb}
            td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
            .chart{max-width:100%;height:auto;font-size:12px}.chart text{fill:#374151}
            .chart .grid{stroke:#e5e7eb}.chart .spend{fill:none;stroke:#2563eb;stroke-width:2}
            .chart .final{fill:#2563eb}.chart .estimated{fill:#fff;stroke:#2563eb;stroke-width:1.5}
            .chart .limit{stroke:#b91c1c;stroke-width:1.5;stroke-dasharray:6 4}.chart .limit-label{fill:#b91c1c}
            .empty{border:1px dashed #9ca3af;border-radius:6px;padding:12px;color:#374151;background:#f3f4f6}
            details{margin-top:8px}summary{cursor:pointer;color:#1d4ed8}code{font-size:13px}
            """;

    private final StringBuilder out = new StringBuilder();

    private HtmlRenderer() {
    }

    static String render(CostReport r) {
        return new HtmlRenderer().page(r);
    }

    private String page(CostReport r) {
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
                .append("<title>Bella cost report: ").append(escape(r.period().label())).append("</title>\n<style>\n")
                .append(CSS).append("</style>\n</head>\n<body>\n<main>\n<header>\n<h1>Bella cost report</h1>\n")
                .append("<p class=\"meta\">Source: <strong>").append(escape(r.source())).append("</strong> · period: ")
                .append(escape(r.period().label())).append(" (").append(r.period().start()).append(" to ")
                .append(r.period().endExclusive()).append(", exclusive) · config: <code>").append(escape(r.config()))
                .append("</code> · ").append(escape(r.currency())).append("</p>\n");
        if (!r.notes().isEmpty()) {
            out.append("<ul class=\"meta\">");
            r.notes().forEach(n -> out.append("<li>").append(escape(n)).append("</li>"));
            out.append("</ul>\n");
        }
        out.append("</header>\n");
        summary(r);
        categories(r);
        daily(r);
        topItems(r);
        costPerCall(r);
        phases(r);
        comparison(r);
        environments(r);
        out.append("</main>\n</body>\n</html>\n");
        return out.toString();
    }

    private void summary(CostReport r) {
        open("summary", "Summary");
        out.append("<div class=\"cards\">");
        card("AWS", "$" + money(r.awsTotal()), "");
        card("Third-party APIs", "$" + money(r.thirdPartyTotal()), "");
        card("Total", "$" + money(r.total()), "");
        r.costPerCall().ifPresent(c -> card("Cost per call", "$" + c.value().toPlainString(),
                c.withinTarget().map(ok -> ok ? "under" : "over").orElse("")));
        r.budget().ifPresent(b -> b.monthlyLimit().ifPresent(l -> card("AWS vs monthly limit $" + money(l),
                percent(b.monthlyPercent().orElseThrow()), b.overMonthly() ? "over" : "under")));
        r.gate().ifPresent(g -> card("Budget gate (" + g.limit() + ", " + g.basis() + ")", g.over() ? "OVER" : "passed",
                g.over() ? "over" : "under"));
        out.append("</div>\n");
        Numbers.otherClouds(r).ifPresent(d -> out.append("<p>").append(escape(d)).append("</p>\n"));
        Numbers.gate(r).ifPresent(d -> out.append("<p>").append(escape(d)).append("</p>\n"));
        close();
    }

    private void categories(CostReport r) {
        open("categories", "Cost by category");
        List<Category> present = List.of(Category.values()).stream()
                .filter(c -> r.environments().stream().anyMatch(e -> e.category(c).isPresent())).toList();
        List<Bar> bars = present.stream().map(c -> new Bar(c.label(), r.categoryTotal(c))).toList();
        out.append(SvgCharts.bars("chart-categories", "Cost by category", "Monthly cost per category, all "
                + "environments, in USD; the table below has the same figures.", List.of("USD"), bars));
        out.append("<table><caption class=\"meta\">Cost by category</caption><thead><tr><th>category</th>")
                .append("<th class=\"n\">USD</th><th class=\"n\">share</th></tr></thead><tbody>");
        for (Category c : present) {
            BigDecimal v = r.categoryTotal(c);
            out.append("<tr><td>").append(escape(c.label())).append("</td>").append(num(money(v))).append(num(percent(
                    Money.percent(v, r.total())))).append("</tr>");
        }
        out.append("</tbody><tfoot><tr><th>total</th>").append(num(money(r.total()))).append("<td></td></tr></tfoot></table>\n");
        close();
    }

    private void daily(CostReport r) {
        open("daily", "Daily AWS spend");
        var limit = r.budget().flatMap(CostReport.BudgetStatus::dailyLimit);
        if (r.daily().isEmpty()) {
            BigDecimal flat = r.budget().map(CostReport.BudgetStatus::dailySpend).orElseGet(() -> r.period().hours()
                    .signum() == 0 ? BigDecimal.ZERO : r.awsTotal().multiply(BigDecimal.valueOf(24))
                    .divide(r.period().hours(), 2, RoundingMode.HALF_UP));
            out.append("<div class=\"empty\" role=\"note\"><strong>No daily data for this source (")
                    .append(escape(r.source())).append(").</strong> The ").append(escape(r.source()))
                    .append(" source gives a month, not days: its flat daily figure is <strong>$").append(money(flat))
                    .append("</strong> a day").append(limit.map(l -> " against a daily limit of $" + money(l) + " ("
                            + (flat.compareTo(l) > 0 ? "over" : "under") + ")").orElse(" (no daily limit set)"))
                    .append(". Daily spend comes from the <code>aws</code>, FOCUS and CUR sources.</div>\n");
            close();
            return;
        }
        out.append(SvgCharts.daily("chart-daily", "Daily AWS spend", "AWS spend per day from " + r.daily().get(0).day()
                + " to " + r.daily().get(r.daily().size() - 1).day() + limit.map(l -> ", with the daily limit of $"
                + money(l) + " as a dashed line").orElse("") + "; hollow points are estimated days.", r.daily(), limit));
        out.append("<details><summary>Daily figures</summary><table><thead><tr><th>day</th><th class=\"n\">USD</th>")
                .append("<th>status</th></tr></thead><tbody>");
        for (CostReport.DailySpend d : r.daily()) {
            boolean over = limit.map(l -> d.aws().compareTo(l) > 0).orElse(false);
            out.append("<tr><td>").append(d.day()).append("</td>").append(num(money(d.aws()))).append("<td")
                    .append(over ? " class=\"over\">over the limit" : ">").append(d.estimated() ? " (estimated)" : "")
                    .append("</td></tr>");
        }
        out.append("</tbody></table></details>\n");
        close();
    }

    private record Item(String environment, Category category, LineItem item) {
    }

    private void topItems(CostReport r) {
        List<Item> items = new ArrayList<>();
        for (EnvironmentCost e : r.environments()) {
            for (CategoryCost c : e.categories()) {
                c.items().forEach(i -> items.add(new Item(e.name(), c.category(), i)));
            }
        }
        List<Item> top = items.stream().sorted(Comparator.comparing((Item i) -> i.item().amount()).reversed())
                .limit(TOP_ITEMS).toList();
        open("top", "Top " + top.size() + " line items");
        out.append(SvgCharts.bars("chart-top", "Top line items", "The " + top.size() + " largest line items, in USD a "
                + "month.", List.of("USD"), top.stream().map(i -> new Bar(i.environment() + ": " + i.item().description(),
                i.item().amount())).toList()));
        out.append("<table><thead><tr><th>environment</th><th>category</th><th>item</th><th class=\"n\">USD</th>")
                .append("</tr></thead><tbody>");
        top.forEach(i -> out.append("<tr><td>").append(escape(i.environment())).append("</td><td>")
                .append(escape(i.category().label())).append("</td><td>").append(escape(i.item().description()))
                .append("</td>").append(num(money(i.item().amount()))).append("</tr>"));
        out.append("</tbody></table>\n");
        close();
    }

    private void costPerCall(CostReport r) {
        r.costPerCall().ifPresent(c -> {
            open("per-call", "Cost per call");
            out.append("<p>(AWS + Twilio + OpenAI) / ").append(c.calls()).append(" calls = <strong>$")
                    .append(escape(c.value().toPlainString())).append("</strong>").append(c.target().map(t -> ", target $"
                            + t.toPlainString() + ": <strong class=\"" + (c.withinTarget().orElseThrow() ? "under\">met"
                            : "over\">over") + "</strong>").orElse(" (no target set)")).append("</p>\n");
            List<Bar> bars = new ArrayList<>(List.of(new Bar("cost per call", c.value())));
            c.target().ifPresent(t -> bars.add(new Bar("target", t)));
            out.append(SvgCharts.bars("chart-per-call", "Cost per call against the target", "Cost per call $"
                    + c.value().toPlainString() + c.target().map(t -> " and the target $" + t.toPlainString()).orElse(""),
                    List.of("USD"), bars, v -> "$" + Money.fine(v).toPlainString())).append('\n');
            close();
        });
    }

    private void phases(CostReport r) {
        if (r.phases().isEmpty()) {
            return;
        }
        open("phases", "Roadmap projection");
        out.append("<p class=\"meta\">The estimated month after each phase, its changes and every earlier phase's applied.</p>");
        out.append(SvgCharts.bars("chart-phases", "Monthly total after each phase", "Estimated monthly total (AWS and "
                + "third-party) after each roadmap phase, in USD.", List.of("USD"), r.phases().stream()
                .map(p -> new Bar(p.id() + " " + p.title(), p.total())).toList()));
        out.append("<table><thead><tr><th>phase</th><th>status</th><th class=\"n\">AWS</th><th class=\"n\">total</th>")
                .append("<th class=\"n\">saved</th><th class=\"n\">cumulative</th><th class=\"n\">seed's target</th>")
                .append("</tr></thead><tbody>");
        for (CostReport.PhaseProjection p : r.phases()) {
            out.append("<tr><td>").append(escape(p.id() + " " + p.title())).append("</td><td>").append(escape(p.status()))
                    .append("</td>").append(num(money(p.aws()))).append(num(money(p.total()))).append(num(money(p.savings())))
                    .append(num(money(p.cumulativeSavings()))).append(num(p.targetSavingsMin().map(m -> money(m)
                            + p.targetSavingsMax().map(x -> "-" + money(x)).orElse("")).orElse(""))).append("</tr>");
        }
        out.append("</tbody></table>\n");
        close();
    }

    private void comparison(CostReport r) {
        r.comparison().ifPresent(c -> {
            open("comparison", "Compared with the baseline");
            out.append("<p>Baseline <code>").append(escape(c.baseline())).append("</code>: AWS $").append(money(c.baselineAws()))
                    .append(" → $").append(money(c.aws())).append(" (").append(percent(c.awsReductionPercent()))
                    .append(" less); total $").append(money(c.baselineTotal())).append(" → $").append(money(c.total()))
                    .append(" (").append(percent(c.totalReductionPercent())).append(" less).</p>\n");
            out.append(SvgCharts.bars("chart-comparison", "Cost by category, baseline and this spec", "Monthly cost per "
                    + "category of the baseline and of this spec, in USD.", List.of("this spec", "baseline"),
                    c.categories().stream().map(d -> new Bar(d.category().label(), List.of(d.current(), d.baseline())))
                            .toList()));
            out.append("<table><thead><tr><th>category</th><th class=\"n\">baseline</th><th class=\"n\">this spec</th>")
                    .append("<th class=\"n\">reduction</th></tr></thead><tbody>");
            c.categories().forEach(d -> out.append("<tr><td>").append(escape(d.category().label())).append("</td>")
                    .append(num(money(d.baseline()))).append(num(money(d.current())))
                    .append(num(percent(d.reductionPercent()))).append("</tr>"));
            out.append("</tbody></table>\n");
            close();
        });
    }

    private void environments(CostReport r) {
        open("details", "Line items by environment");
        for (EnvironmentCost e : r.environments()) {
            out.append("<details><summary>").append(escape(e.name())).append(": $").append(money(e.total()))
                    .append(" (").append(e.runningHours().toPlainString()).append(" h running, ").append(e.calls())
                    .append(" calls)</summary><table><thead><tr><th>category</th><th>item</th><th class=\"n\">quantity</th>")
                    .append("<th class=\"n\">unit price</th><th class=\"n\">USD</th></tr></thead><tbody>");
            for (CategoryCost c : e.categories()) {
                for (LineItem i : c.items()) {
                    out.append("<tr><td>").append(escape(c.category().label())).append("</td><td>")
                            .append(escape(i.description())).append("</td>").append(num(quantity(i.quantity()) + " "
                                    + escape(i.unit()))).append(num(price(i.unitPrice()))).append(num(money(i.amount())))
                            .append("</tr>");
                }
            }
            out.append("</tbody></table></details>\n");
        }
        close();
    }

    private void open(String id, String heading) {
        out.append("<section id=\"").append(id).append("\" aria-labelledby=\"").append(id).append("-h\">\n<h2 id=\"")
                .append(id).append("-h\">").append(escape(heading)).append("</h2>\n");
    }

    private void close() {
        out.append("</section>\n");
    }

    private void card(String key, String value, String cssClass) {
        out.append("<div class=\"card\"><div class=\"k\">").append(escape(key)).append("</div><div class=\"v")
                .append(cssClass.isEmpty() ? "" : " " + cssClass).append("\">").append(escape(value)).append("</div></div>");
    }

    /** A right-aligned cell; callers pass text that is already safe (formatted numbers or escaped text). */
    private static String num(String text) {
        return "<td class=\"n\">" + text + "</td>";
    }
}
