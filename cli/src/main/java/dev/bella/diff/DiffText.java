package dev.bella.diff;

import dev.bella.diff.CostDiff.CategoryDelta;
import dev.bella.diff.CostDiff.EnvironmentDelta;
import dev.bella.diff.CostDiff.LineDelta;
import dev.bella.diff.CostDiff.Status;
import dev.bella.report.Money;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** The table and the Markdown of a cost diff: what changes, largest structure first, amounts aligned. */
final class DiffText {

    private DiffText() {
    }

    static String table(CostDiff d) {
        StringBuilder out = new StringBuilder();
        out.append("Cost diff, ").append(d.period()).append('\n');
        out.append("  base: ").append(d.base()).append('\n');
        out.append("  now:  ").append(d.now()).append("\n\n");
        out.append(summary(d, false)).append("\n\n");
        if (!d.changed()) {
            return out.toString();
        }
        String fmt = "%-62s %12s %12s %12s%n";
        out.append(String.format(Locale.ROOT, fmt, "ENVIRONMENT / CATEGORY / LINE", "BASE", "NOW", "CHANGE"));
        for (EnvironmentDelta e : d.environments()) {
            out.append(String.format(Locale.ROOT, fmt, label(e.name(), e.status(), 62), usd(e.base()),
                    usd(e.now()), signed(e.change())));
            for (CategoryDelta c : e.categories()) {
                out.append(String.format(Locale.ROOT, fmt, cut("  " + c.category().label(), 62), usd(c.base()),
                        usd(c.now()), signed(c.change())));
                for (LineDelta l : c.lines()) {
                    out.append(String.format(Locale.ROOT, fmt, label("    " + l.description(), l.status(), 62),
                            usd(l.base()), usd(l.now()), signed(l.change())));
                }
            }
        }
        out.append(String.format(Locale.ROOT, fmt, "TOTAL", usd(d.baseTotal()), usd(d.nowTotal()), signed(d.change())));
        return out.toString();
    }

    /** Markdown for a pull-request comment: the verdict first, the environments, then the lines folded. */
    static String markdown(CostDiff d) {
        StringBuilder out = new StringBuilder("### Bella cost diff\n\n");
        out.append(summary(d, true)).append("\n\n");
        out.append("<sub>base: `").append(d.base()).append("` · now: `").append(d.now()).append("` · ")
                .append(d.period()).append(" · offline estimate (AWS, Twilio, OpenAI)</sub>\n");
        if (!d.changed()) {
            return out.toString();
        }
        out.append("\n| Environment | Base | Now | Change |\n|---|---:|---:|---:|\n");
        for (EnvironmentDelta e : d.environments()) {
            out.append("| ").append(e.name()).append(tag(e.status())).append(" | ").append(usd(e.base()))
                    .append(" | ").append(usd(e.now())).append(" | ").append(signed(e.change())).append(" |\n");
        }
        out.append("| **Total** | **").append(usd(d.baseTotal())).append("** | **").append(usd(d.nowTotal()))
                .append("** | **").append(signed(d.change())).append("** |\n");
        out.append("\n<details><summary>What changes, line by line</summary>\n\n")
                .append("| Environment | Category | Line | Base | Now | Change |\n|---|---|---|---:|---:|---:|\n");
        for (EnvironmentDelta e : d.environments()) {
            for (CategoryDelta c : e.categories()) {
                for (LineDelta l : c.lines()) {
                    out.append("| ").append(e.name()).append(" | ").append(c.category().label()).append(" | ")
                            .append(l.description().replace("|", "\\|")).append(tag(l.status())).append(" | ")
                            .append(usd(l.base())).append(" | ").append(usd(l.now())).append(" | ")
                            .append(signed(l.change())).append(" |\n");
                }
            }
        }
        return out.append("\n</details>\n").toString();
    }

    private static String summary(CostDiff d, boolean bold) {
        if (d.change().signum() == 0) {
            return (d.changed() ? "The monthly total does not change" : "No change in the monthly cost")
                    + ": " + usd(d.nowTotal()) + ".";
        }
        String verb = d.change().signum() > 0 ? "increases" : "decreases";
        String amount = usd(d.change().abs()) + d.changePercent().map(p -> " (" + (p.signum() > 0 ? "+" : "")
                + p.toPlainString() + "%)").orElse("");
        return "Monthly cost " + (bold ? "**" + verb + " by " + amount + "**" : verb + " by " + amount) + ": "
                + usd(d.baseTotal()) + " -> " + usd(d.nowTotal()) + ".";
    }

    private static String tag(Status s) {
        return switch (s) {
            case CHANGED -> "";
            case ADDED -> " (added)";
            case REMOVED -> " (removed)";
        };
    }

    /** The name cut to fit, its added or removed tag kept whole. */
    private static String label(String name, Status s, int width) {
        String tag = tag(s);
        return cut(name, width - tag.length()) + tag;
    }

    private static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }

    static String usd(BigDecimal amount) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        String s = f.format(Money.cents(amount.abs()));
        return (amount.signum() < 0 ? "-$" : "$") + s;
    }

    static String signed(BigDecimal amount) {
        return (amount.signum() > 0 ? "+" : "") + usd(amount);
    }
}
