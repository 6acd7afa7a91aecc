package dev.bella.spend;

import dev.bella.report.CostReport;
import dev.bella.report.Money;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The budget gate behind {@code --fail-over daily|monthly}: is the spend (or, with --forecast, the
 * forecast) over the spec's limit, and by how much. Checked on AWS spend, as the billing alarms are.
 */
public final class BudgetCheck {

    public enum Limit { DAILY, MONTHLY }

    private BudgetCheck() {
    }

    /** Why the report fails the gate, or empty when it passes. Throws when the gate cannot be checked. */
    public static Optional<String> violation(CostReport r, Limit limit, boolean useForecast) {
        CostReport.BudgetStatus b = r.budget().orElseThrow(() -> new SpendException("the report has no budget status"));
        Optional<BigDecimal> max = limit == Limit.DAILY ? b.dailyLimit() : b.monthlyLimit();
        if (max.isEmpty()) {
            throw new SpendException("--fail-over " + limit.name().toLowerCase(java.util.Locale.ROOT) + ": the spec sets no "
                    + (limit == Limit.DAILY ? "budget.daily-limit" : "budget.monthly-limit"));
        }
        BigDecimal value;
        String what;
        if (useForecast) {
            CostReport.Forecast f = r.forecast().orElseThrow(() -> new SpendException(
                    "--fail-over with --forecast: no forecast available (" + String.join("; ", r.unavailable()) + ")"));
            value = limit == Limit.DAILY ? f.perDay() : f.monthTotal();
            what = limit == Limit.DAILY ? "forecast daily spend (" + f.method() + ", " + f.start() + " to "
                    + f.endExclusive().minusDays(1) + ")" : "forecast month total (" + f.method() + ")";
        } else {
            value = limit == Limit.DAILY ? b.dailySpend() : b.monthlySpend();
            what = limit == Limit.DAILY ? "daily AWS spend" : "AWS spend for " + r.period().label();
        }
        if (value.compareTo(max.get()) <= 0) {
            return Optional.empty();
        }
        BigDecimal over = value.subtract(max.get());
        return Optional.of(what + " $" + Money.cents(value).toPlainString() + " is over the "
                + limit.name().toLowerCase(java.util.Locale.ROOT) + " limit $" + Money.cents(max.get()).toPlainString()
                + " by $" + Money.cents(over).toPlainString() + " (" + Money.percent(over, max.get()).toPlainString() + "%)");
    }
}
