package dev.bella.spend;

import dev.bella.report.CostReport;
import dev.bella.report.CostReport.Gate;
import dev.bella.report.Money;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * The budget gate behind {@code --fail-over daily|monthly}: is the spend (or, with --forecast, the
 * forecast) over the spec's limit, and by how much. Checked on AWS spend, as the billing alarms are.
 * The verdict goes into the report itself, so the written report says what the exit code acts on.
 */
public final class BudgetCheck {

    public enum Limit { DAILY, MONTHLY }

    private BudgetCheck() {
    }

    /** Why the report fails the gate, or empty when it passes. Throws when the gate cannot be checked. */
    public static Optional<String> violation(CostReport r, Limit limit, boolean useForecast) {
        Gate g = gate(r, limit, useForecast);
        return g.over() ? Optional.of(g.message()) : Optional.empty();
    }

    /** The gate's verdict, passed or not. Throws when the gate cannot be checked. */
    public static Gate gate(CostReport r, Limit limit, boolean useForecast) {
        CostReport.BudgetStatus b = r.budget().orElseThrow(() -> new SpendException("the report has no budget status"));
        String name = limit.name().toLowerCase(Locale.ROOT);
        Optional<BigDecimal> max = limit == Limit.DAILY ? b.dailyLimit() : b.monthlyLimit();
        if (max.isEmpty()) {
            throw new SpendException("--fail-over " + name + ": the spec sets no "
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
            what = limit == Limit.DAILY ? "daily AWS spend" + b.highestDay().map(d -> " (highest day, " + d.day() + ")")
                    .orElse("") : "AWS spend for " + r.period().label();
        }
        BigDecimal over = value.subtract(max.get());
        boolean fails = over.signum() > 0;
        String message = what + " $" + Money.cents(value).toPlainString() + " is " + (fails ? "over" : "within")
                + " the " + name + " limit $" + Money.cents(max.get()).toPlainString() + (fails ? " by $"
                + Money.cents(over).toPlainString() + " (" + Money.percent(over, max.get()).toPlainString() + "%)" : "");
        return new Gate(name, useForecast ? "forecast" : "actual", Money.cents(value), max.get(), fails, message);
    }
}
