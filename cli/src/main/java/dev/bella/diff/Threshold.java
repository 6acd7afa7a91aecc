package dev.bella.diff;

import dev.bella.report.Money;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * {@code --fail-over-increase}: an increase of the monthly total above a number of dollars ({@code 25},
 * {@code $25}) or a percent of the base ({@code 10%}) is a policy violation. A decrease never is.
 */
public record Threshold(BigDecimal value, boolean percent) {

    public static Threshold parse(String text) {
        String t = text.strip();
        boolean pct = t.endsWith("%");
        String number = pct ? t.substring(0, t.length() - 1).strip() : t.startsWith("$") ? t.substring(1) : t;
        BigDecimal v;
        try {
            v = new BigDecimal(number);
        } catch (NumberFormatException e) {
            throw new DiffException("--fail-over-increase: expected USD such as 25 or a percent such as 10%, found '"
                    + text + "'");
        }
        if (v.signum() < 0) {
            throw new DiffException("--fail-over-increase: expected a threshold of 0 or more, found '" + text + "'");
        }
        return new Threshold(v, pct);
    }

    /** The violation message when the diff's increase is over the threshold. */
    public Optional<String> violation(CostDiff diff) {
        BigDecimal change = diff.change();
        if (change.signum() <= 0) {
            return Optional.empty();
        }
        Optional<BigDecimal> pct = diff.changePercent();
        boolean over = percent ? pct.map(p -> p.compareTo(value) > 0).orElse(true) : change.compareTo(value) > 0;
        if (!over) {
            return Optional.empty();
        }
        return Optional.of("monthly cost increases by $" + Money.cents(change).toPlainString()
                + pct.map(p -> " (+" + p.toPlainString() + "%)").orElse(" (from $0)")
                + ", over --fail-over-increase " + (percent ? value.toPlainString() + "%" : "$" + value.toPlainString()));
    }
}
