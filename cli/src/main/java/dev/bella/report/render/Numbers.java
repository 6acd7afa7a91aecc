package dev.bella.report.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bella.report.CostReport;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.Optional;

/**
 * Number formatting shared by the text formats (plain, dot decimal, never locale-dependent), and by the other
 * reports that print money the same way (bella cost commitments).
 */
public final class Numbers {

    private Numbers() {
    }

    public static String money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String quantity(BigDecimal v) {
        BigDecimal scaled = v.abs().compareTo(BigDecimal.ONE) < 0 ? v.setScale(4, RoundingMode.HALF_UP)
                : v.setScale(2, RoundingMode.HALF_UP);
        return scaled.toPlainString();
    }

    static String price(BigDecimal v) {
        return v.stripTrailingZeros().scale() <= 0 ? v.setScale(2, RoundingMode.HALF_UP).toPlainString()
                : v.stripTrailingZeros().toPlainString();
    }

    static String percent(BigDecimal v) {
        return v.setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** One line on the daily figures (the HTML report charts them): the highest day and the last one. */
    static Optional<String> dailySummary(CostReport r) {
        if (r.daily().isEmpty()) {
            return Optional.empty();
        }
        var max = r.daily().stream().max(Comparator.comparing(CostReport.DailySpend::aws))
                .orElseThrow();
        var last = r.daily().getLast();
        return Optional.of("Daily spend: " + r.daily().size() + " days, highest $" + money(max.aws()) + " on "
                + max.day() + ", last $" + money(last.aws()) + " on " + last.day() + (last.estimated() ? " (estimated)" : ""));
    }

    /**
     * Other clouds' totals, when a multi-provider FOCUS file has them: they are in TOTAL but never in AWS, so the
     * reader sees where the difference goes.
     */
    static Optional<String> otherClouds(CostReport r) {
        var others = r.providerTotals().entrySet().stream()
                .filter(e -> !e.getKey().equals("aws") && !e.getKey().equals("twilio") && !e.getKey().equals("openai"))
                .map(e -> e.getKey() + " $" + money(e.getValue())).toList();
        return others.isEmpty() ? Optional.empty() : Optional.of("Other clouds (in the total, not in AWS): "
                + String.join(", ", others));
    }

    /** The --fail-over verdict, stated in the report itself (the exit code acts on it). */
    static Optional<String> gate(CostReport r) {
        return r.gate().map(g -> "Budget gate (--fail-over " + g.limit() + ", " + g.basis() + "): "
                + (g.over() ? "OVER" : "passed") + ": " + g.message());
    }

    /** An estimate prices a month; actual spend covers whatever period was asked for. */
    static String amountHeader(CostReport r) {
        return r.source().equals("estimate") ? "USD/month" : "USD";
    }

    /** A JSON amount that may be absent: the number, or an explicit null (the schema lists every key). */
    public static void putOptional(ObjectNode n, String key, Optional<BigDecimal> v) {
        v.ifPresentOrElse(x -> n.put(key, x), () -> n.putNull(key));
    }
}
