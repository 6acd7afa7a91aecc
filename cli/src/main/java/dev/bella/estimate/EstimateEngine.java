package dev.bella.estimate;

import dev.bella.report.Category;
import dev.bella.report.CostReport;
import dev.bella.report.CostReport.BudgetStatus;
import dev.bella.report.CostReport.CostPerCall;
import dev.bella.report.EnvironmentCost;
import dev.bella.report.Money;
import dev.bella.spec.Environment;
import dev.bella.spec.Spec;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The offline estimate: the spec's environments priced from its price table for one period. Pure
 * arithmetic over the spec, so the same spec and period always give the same report.
 */
public final class EstimateEngine {

    private static final MathContext MC = MathContext.DECIMAL64;

    /** Prices every environment, or only {@code only} when given. */
    public CostReport estimate(Spec spec, EstimatePeriod period, Optional<String> only) {
        return priced(spec, period, only).report();
    }

    /**
     * What the schedule of {@code environment} saves in the period, net of its scheduler's runs; empty when the
     * environment has no schedule.
     */
    public Optional<ScheduleSaving> scheduleSaving(Spec spec, EstimatePeriod period, String environment) {
        return priced(spec, period, Optional.of(environment)).savings().stream().findFirst();
    }

    private record Priced(CostReport report, List<ScheduleSaving> savings) {
    }

    private Priced priced(Spec spec, EstimatePeriod period, Optional<String> only) {
        List<Environment> envs = spec.environments().values().stream()
                .filter(e -> only.map(e.name()::equals).orElse(true)).toList();
        BigDecimal monthShare = period.hours().divide(EstimatePeriod.AVERAGE_MONTH_HOURS, MC);
        List<FreeAllowance> free = shareFreeAllowances(spec, envs, monthShare);
        EnvironmentEstimator estimator = new EnvironmentEstimator(spec.prices(), period.hours());
        List<EnvironmentCost> costs = new ArrayList<>();
        List<ScheduleSaving> savings = new ArrayList<>();
        for (int i = 0; i < envs.size(); i++) {
            Environment env = envs.get(i);
            Optional<BigDecimal> running = spec.scheduleOf(env).map(period::runningHours);
            EnvironmentCost cost = ComputeSavingsPlanPricing.apply(env,
                    estimator.estimate(env, running.orElse(period.hours()), free.get(i)), spec.prices(), period.hours());
            costs.add(cost);
            if (running.isPresent()) {
                // the same environment running all period, with the same share of the free allowances
                Environment always = ScheduleSaving.unscheduled(env);
                savings.add(ScheduleSaving.of(cost, ComputeSavingsPlanPricing.apply(always,
                        estimator.estimate(always, period.hours(), free.get(i)), spec.prices(), period.hours())));
            }
        }
        List<String> notes = new ArrayList<>();
        notes.add("prices: " + spec.prices().name());
        for (int i = 0; i < envs.size(); i++) {
            ScheduledProfile.utilizationNote(envs.get(i), costs.get(i).runningHours()).ifPresent(notes::add);
        }
        savings.forEach(s -> notes.add(s.note()));
        return new Priced(report(spec, period, costs, notes), savings);
    }

    /** The report of priced environments: totals, cost per call and budget status as every estimate shows them. */
    static CostReport report(Spec spec, EstimatePeriod period, List<EnvironmentCost> costs, List<String> notes) {
        long calls = costs.stream().mapToLong(EnvironmentCost::calls).sum();
        BigDecimal total = Money.sum(costs, EnvironmentCost::total);
        BigDecimal aws = Money.sum(costs, EnvironmentCost::aws);
        Optional<CostPerCall> perCall = calls == 0 ? Optional.empty() : Optional.of(new CostPerCall(
                total.divide(BigDecimal.valueOf(calls), 4, RoundingMode.HALF_UP), calls,
                spec.budget().costPerCallTarget()));
        BudgetStatus budget = new BudgetStatus(aws, spec.budget().monthlyLimit(),
                Money.cents(aws.divide(period.days(), MC)), spec.budget().dailyLimit());
        return new CostReport("estimate", "USD", period.period(), spec.source().label(), costs, perCall,
                Optional.of(budget), List.of(), Optional.empty(), notes);
    }

    /** AWS grants these once per account; split them by each environment's share of the usage. */
    private static List<FreeAllowance> shareFreeAllowances(Spec spec, List<Environment> envs, BigDecimal monthShare) {
        return FreeAllowance.share(spec.prices(), monthShare, envs.stream()
                .map(e -> new FreeAllowance.Use(e.usage().logGbPerMonth(), storedLogs(e), e.usage().dataOutGbPerMonth()))
                .toList());
    }

    static BigDecimal storedLogs(Environment e) {
        return EnvironmentEstimator.storedLogGb(e.usage().logGbPerMonth(), e.logs().retentionDays());
    }

    /** The report of {@code current} beside the same period's estimate of {@code baseline}. */
    public static CostReport.Comparison compare(CostReport current, CostReport baseline) {
        List<CostReport.CategoryDelta> deltas = new ArrayList<>();
        for (Category c : Category.values()) {
            BigDecimal b = baseline.categoryTotal(c);
            BigDecimal n = current.categoryTotal(c);
            if (b.signum() != 0 || n.signum() != 0) {
                deltas.add(new CostReport.CategoryDelta(c, b, n));
            }
        }
        return new CostReport.Comparison(baseline.config(), deltas, baseline.awsTotal(), baseline.total(),
                current.awsTotal(), current.total());
    }
}
