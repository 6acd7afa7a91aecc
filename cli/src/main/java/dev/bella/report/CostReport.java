package dev.bella.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The report every source produces (estimate today; Cost Explorer, FOCUS and CUR later) and every
 * format renders. Its JSON form is documented in {@code docs/report-schema.md}; change both together.
 *
 * @param source  which source produced the numbers ({@code estimate}, {@code aws}, ...), always shown
 * @param config  the spec the report was made from
 * @param daily   AWS spend per day of the period, oldest first; empty when the source has no daily
 *                figures (an estimate is a flat month)
 * @param forecast    spend expected from the period's end to the end of its month (Cost Explorer's
 *                    forecast, or a run-rate for files), when asked for
 * @param estimated   some figures are provisional: the provider may still revise them
 * @param unavailable what the source could not provide (Cost Explorer's DataUnavailable, a forecast
 *                    refused); a report with gaps says so instead of showing zeros
 */
public record CostReport(String source, String currency, Period period, String config,
                         List<EnvironmentCost> environments, Optional<CostPerCall> costPerCall,
                         Optional<BudgetStatus> budget, List<PhaseProjection> phases,
                         Optional<Comparison> comparison, List<String> notes, List<DailySpend> daily,
                         Optional<Forecast> forecast, boolean estimated, List<String> unavailable,
                         Optional<Gate> gate) {

    public CostReport {
        environments = List.copyOf(environments);
        phases = List.copyOf(phases);
        notes = List.copyOf(notes);
        daily = List.copyOf(daily);
        unavailable = List.copyOf(unavailable);
    }

    /** A report before any budget gate was checked against it. */
    public CostReport(String source, String currency, Period period, String config,
                      List<EnvironmentCost> environments, Optional<CostPerCall> costPerCall,
                      Optional<BudgetStatus> budget, List<PhaseProjection> phases,
                      Optional<Comparison> comparison, List<String> notes, List<DailySpend> daily,
                      Optional<Forecast> forecast, boolean estimated, List<String> unavailable) {
        this(source, currency, period, config, environments, costPerCall, budget, phases, comparison, notes, daily,
                forecast, estimated, unavailable, Optional.empty());
    }

    /** A report with daily figures but no forecast (the estimate, before the actual-spend sources). */
    public CostReport(String source, String currency, Period period, String config,
                      List<EnvironmentCost> environments, Optional<CostPerCall> costPerCall,
                      Optional<BudgetStatus> budget, List<PhaseProjection> phases,
                      Optional<Comparison> comparison, List<String> notes, List<DailySpend> daily) {
        this(source, currency, period, config, environments, costPerCall, budget, phases, comparison, notes, daily,
                Optional.empty(), false, List.of());
    }

    /** The same report with other notes. */
    public CostReport withNotes(List<String> newNotes) {
        return new CostReport(source, currency, period, config, environments, costPerCall, budget, phases, comparison,
                newNotes, daily, forecast, estimated, unavailable, gate);
    }

    /** The same report carrying the verdict of {@code --fail-over}, so what it says is what the exit code acts on. */
    public CostReport withGate(Gate newGate) {
        return new CostReport(source, currency, period, config, environments, costPerCall, budget, phases, comparison,
                notes, daily, forecast, estimated, unavailable, Optional.of(newGate));
    }

    /** A report without daily figures. */
    public CostReport(String source, String currency, Period period, String config,
                      List<EnvironmentCost> environments, Optional<CostPerCall> costPerCall,
                      Optional<BudgetStatus> budget, List<PhaseProjection> phases,
                      Optional<Comparison> comparison, List<String> notes) {
        this(source, currency, period, config, environments, costPerCall, budget, phases, comparison, notes, List.of());
    }

    // totals are the exact sums of the lines, rounded once: summing rounded subtotals drifts a cent per line

    /** AWS alone (never another cloud of a multi-provider FOCUS file). */
    public BigDecimal awsTotal() {
        return exactSum(EnvironmentCost::awsExact);
    }

    public BigDecimal thirdPartyTotal() {
        return exactSum(EnvironmentCost::thirdPartyExact);
    }

    /** Other clouds' charges (Microsoft, Oracle, ... in a FOCUS file); zero for every other source. */
    public BigDecimal otherCloudsTotal() {
        return exactSum(EnvironmentCost::otherCloudsExact);
    }

    public BigDecimal total() {
        return exactSum(EnvironmentCost::totalExact);
    }

    public BigDecimal categoryTotal(Category c) {
        return exactSum(e -> e.category(c).map(CategoryCost::exact).orElse(BigDecimal.ZERO));
    }

    /** Each provider's total ({@code aws} first), each rounded once from its exact sum. */
    public Map<String, BigDecimal> providerTotals() {
        Map<String, BigDecimal> exact = new TreeMap<>(
                Comparator.comparing((String p) -> !p.equals(LineItem.AWS)).thenComparing(p -> p));
        environments.forEach(e -> e.byProviderExact().forEach((p, v) -> exact.merge(p, v, BigDecimal::add)));
        exact.replaceAll((p, v) -> Money.cents(v));
        return exact;
    }

    private BigDecimal exactSum(Function<EnvironmentCost, BigDecimal> part) {
        return Money.cents(environments.stream().map(part).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /**
     * The verdict of a budget gate ({@code --fail-over}): which limit, checked on what (the period's spend or the
     * forecast), the figure, the limit, and whether the run fails.
     */
    public record Gate(String limit, String basis, BigDecimal value, BigDecimal max, boolean over, String message) {
    }

    /** One day's AWS spend ({@code estimated} while the provider may still revise it). */
    public record DailySpend(LocalDate day, BigDecimal aws, boolean estimated) {
    }

    /**
     * Spend expected after the period, to the end of its month.
     *
     * @param method     {@code cost-explorer} (AWS's forecast) or {@code run-rate} (the period's daily average)
     * @param monthTotal the month's spend so far plus {@code amount}: what the monthly budget is checked against
     * @param low        lower bound of AWS's 80% prediction interval, when given
     */
    public record Forecast(String method, LocalDate start, LocalDate endExclusive, BigDecimal amount,
                           BigDecimal monthTotal, Optional<BigDecimal> low, Optional<BigDecimal> high) {

        /** Average forecast spend per remaining day, for the daily budget. */
        public BigDecimal perDay() {
            long days = java.time.temporal.ChronoUnit.DAYS.between(start, endExclusive);
            return days <= 0 ? BigDecimal.ZERO.setScale(2)
                    : amount.divide(BigDecimal.valueOf(days), 2, java.math.RoundingMode.HALF_UP);
        }
    }

    /** The period a report covers; {@code hours} is what a 24/7 resource runs in it. */
    public record Period(String label, LocalDate start, LocalDate endExclusive, BigDecimal hours) {
    }

    /** (AWS + Twilio + OpenAI) / calls, against the spec's target. */
    public record CostPerCall(BigDecimal value, long calls, Optional<BigDecimal> target) {
        public Optional<Boolean> withinTarget() {
            return target.map(t -> value.compareTo(t) <= 0);
        }
    }

    /**
     * AWS spend against the spec's limits; the limits are on AWS spend because that is what the
     * billing alarms (EstimatedCharges) watch.
     */
    public record BudgetStatus(BigDecimal monthlySpend, Optional<BigDecimal> monthlyLimit,
                               BigDecimal dailySpend, Optional<BigDecimal> dailyLimit,
                               Optional<DailySpend> highestDay, Optional<DailySpend> lastCompleteDay) {

        /**
         * Without daily figures (the estimate, monthly figures): {@code dailySpend} is the average day.
         */
        public BudgetStatus(BigDecimal monthlySpend, Optional<BigDecimal> monthlyLimit, BigDecimal dailySpend,
                            Optional<BigDecimal> dailyLimit) {
            this(monthlySpend, monthlyLimit, dailySpend, dailyLimit, Optional.empty(), Optional.empty());
        }

        public Optional<BigDecimal> monthlyPercent() {
            return monthlyLimit.map(l -> Money.percent(monthlySpend, l));
        }

        public Optional<BigDecimal> dailyPercent() {
            return dailyLimit.map(l -> Money.percent(dailySpend, l));
        }

        public boolean overMonthly() {
            return monthlyLimit.map(l -> monthlySpend.compareTo(l) > 0).orElse(false);
        }

        public boolean overDaily() {
            return dailyLimit.map(l -> dailySpend.compareTo(l) > 0).orElse(false);
        }
    }

    /**
     * The estimated month after a roadmap phase, everything before it applied.
     *
     * @param savings           saving of this phase over the one before (AWS + third party)
     * @param targetSavingsMin  the seed's claimed saving for the phase, to compare
     */
    public record PhaseProjection(String id, String title, String status, BigDecimal aws, BigDecimal total,
                                  BigDecimal savings, BigDecimal cumulativeSavings,
                                  Optional<BigDecimal> targetSavingsMin, Optional<BigDecimal> targetSavingsMax) {
    }

    /** This report beside a baseline's, category by category. */
    public record Comparison(String baseline, List<CategoryDelta> categories, BigDecimal baselineAws,
                             BigDecimal baselineTotal, BigDecimal aws, BigDecimal total) {

        public BigDecimal awsReductionPercent() {
            return Money.percent(baselineAws.subtract(aws), baselineAws);
        }

        public BigDecimal totalReductionPercent() {
            return Money.percent(baselineTotal.subtract(total), baselineTotal);
        }
    }

    public record CategoryDelta(Category category, BigDecimal baseline, BigDecimal current) {
        public BigDecimal reductionPercent() {
            return Money.percent(baseline.subtract(current), baseline);
        }
    }
}
