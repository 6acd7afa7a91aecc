package dev.bella.alternatives;

import dev.bella.alternatives.AlternativesReport.AreaResult;
import dev.bella.alternatives.AlternativesReport.SeedRow;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

/** The ranked table for a terminal and the same content as Markdown. */
final class AlternativesText {

    private AlternativesText() {
    }

    static String table(AlternativesReport r) {
        StringBuilder out = new StringBuilder();
        out.append("Alternatives for ").append(r.environment()).append(" (").append(r.config()).append("), ")
                .append(r.period()).append('\n');
        out.append("Current design: ").append(usd(r.current())).append(" a month (AWS, Twilio, OpenAI)\n\n");
        String fmt = "%-4s %-20s %-58s %11s %11s  %s%n";
        out.append(String.format(Locale.ROOT, fmt, "RANK", "AREA", "ALTERNATIVE", "MONTHLY", "DIFFERENCE", "WORST RISK"));
        List<Option> ranked = r.ranked();
        for (int i = 0; i < ranked.size(); i++) {
            Option o = ranked.get(i);
            out.append(String.format(Locale.ROOT, fmt, i + 1, o.area().id(), cut(o.name(), 58), usd(o.monthly()),
                    signed(o.difference()), o.worstRisk().map(k -> k.level().id() + ": " + k.constraint().label())
                            .orElse("-")));
        }
        out.append("\nCurrent design by area:\n");
        for (AreaResult a : r.areas()) {
            a.options().stream().filter(Option::current).forEach(o -> out.append("  ").append(a.area().id())
                    .append(": ").append(o.name()).append('\n'));
        }
        out.append("\nRisks and notes:\n");
        for (AreaResult a : r.areas()) {
            for (Option o : a.options()) {
                if (o.risks().isEmpty() && o.notes().isEmpty()) {
                    continue;
                }
                out.append("  [").append(a.area().id()).append("] ").append(o.name()).append(o.current() ? " (current)" : "")
                        .append('\n');
                o.risks().forEach(k -> out.append("    - ").append(k.constraint().label()).append(", ")
                        .append(k.level().id()).append(": ").append(k.text()).append('\n'));
                o.notes().forEach(n -> out.append("    - note: ").append(n).append('\n'));
            }
        }
        if (!r.seedTable().isEmpty()) {
            out.append("\nThe seed's own table, with Bella's figures for ").append(r.environment())
                    .append(" (the categories each swap touches):\n");
            String sf = "  %-18s %-13s -> %-19s %-13s %-8s | %10s %10s %8s  %s%n";
            out.append(String.format(Locale.ROOT, sf, "SEED CURRENT", "SEED COST", "SEED ALTERNATIVE", "SEED COST",
                    "CLAIM", "BELLA NOW", "BELLA ALT", "SAVING", "VERDICT"));
            for (SeedRow s : r.seedTable()) {
                out.append(String.format(Locale.ROOT, sf, s.seedCurrent(), s.seedCurrentCost(), s.seedAlternative(),
                        s.seedNewCost(), s.seedSavings(), usd(s.bellaCurrent()), usd(s.bellaNew()),
                        s.bellaSavingPercent().toPlainString() + "%", s.verdict()));
            }
        }
        out.append("\nAssumptions:\n");
        r.assumptions().forEach(a -> out.append("  - ").append(a).append('\n'));
        diffs(r, out);
        return out.toString();
    }

    static String markdown(AlternativesReport r) {
        StringBuilder out = new StringBuilder("### Alternatives for ").append(r.environment()).append("\n\n");
        out.append("Current design: **").append(usd(r.current())).append("** a month (AWS, Twilio, OpenAI) · `")
                .append(r.config()).append("` · ").append(r.period()).append("\n\n");
        out.append("| # | Area | Alternative | Monthly | Difference | Risks |\n|---:|---|---|---:|---:|---|\n");
        List<Option> ranked = r.ranked();
        for (int i = 0; i < ranked.size(); i++) {
            Option o = ranked.get(i);
            out.append("| ").append(i + 1).append(" | ").append(o.area().id()).append(" | ").append(esc(o.name()))
                    .append(" | ").append(usd(o.monthly())).append(" | ").append(signed(o.difference())).append(" | ")
                    .append(esc(String.join("; ", o.risks().stream().map(k -> k.level().id() + " (" + k.constraint()
                            .label() + "): " + k.text()).toList()))).append(" |\n");
        }
        if (!r.seedTable().isEmpty()) {
            out.append("\n#### The seed's table with Bella's figures\n\n| Seed current | Seed cost | Seed alternative | "
                    + "Seed cost | Claim | Bella now | Bella alternative | Saving | Verdict |\n"
                    + "|---|---|---|---|---|---:|---:|---:|---|\n");
            for (SeedRow s : r.seedTable()) {
                out.append("| ").append(s.seedCurrent()).append(" | ").append(s.seedCurrentCost()).append(" | ")
                        .append(s.seedAlternative()).append(" | ").append(s.seedNewCost()).append(" | ")
                        .append(s.seedSavings()).append(" | ").append(usd(s.bellaCurrent())).append(" | ")
                        .append(usd(s.bellaNew())).append(" | ").append(s.bellaSavingPercent().toPlainString())
                        .append("% | ").append(esc(s.verdict())).append(" |\n");
            }
        }
        out.append("\n<details><summary>Notes and assumptions</summary>\n\n");
        for (AreaResult a : r.areas()) {
            for (Option o : a.options()) {
                o.notes().forEach(n -> out.append("- ").append(a.area().id()).append(", ").append(esc(o.name()))
                        .append(": ").append(esc(n)).append('\n'));
            }
        }
        r.assumptions().forEach(a -> out.append("- assumption: ").append(esc(a)).append('\n'));
        out.append("\n</details>\n");
        if (!r.diffs().isEmpty()) {
            out.append("\n```diff\n");
            r.diffs().forEach(out::append);
            out.append("```\n");
        }
        return out.toString();
    }

    private static void diffs(AlternativesReport r, StringBuilder out) {
        if (!r.diffs().isEmpty()) {
            out.append("\nSpec changes (--diff):\n");
            r.diffs().forEach(out::append);
        }
    }

    private static String esc(String s) {
        return s.replace("|", "\\|");
    }

    private static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }

    static String usd(BigDecimal amount) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return (amount.signum() < 0 ? "-$" : "$") + f.format(amount.abs());
    }

    static String signed(BigDecimal amount) {
        return (amount.signum() > 0 ? "+" : "") + usd(amount);
    }
}
