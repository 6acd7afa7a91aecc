package dev.bella.spend;

import dev.bella.report.Category;
import dev.bella.report.CategoryCost;
import dev.bella.report.CostReport;
import dev.bella.report.CostReport.BudgetStatus;
import dev.bella.report.CostReport.CostPerCall;
import dev.bella.report.CostReport.DailySpend;
import dev.bella.report.EnvironmentCost;
import dev.bella.report.LineItem;
import dev.bella.report.Money;
import dev.bella.spec.Budget;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns summed spend and third-party costs into the report every format renders. Each (service, charge
 * kind) is one line, rounded to the cent once; a category's subtotal is the sum of its lines.
 */
final class SpendReportBuilder {

    private SpendReportBuilder() {
    }

    static CostReport build(Spend spend, ThirdPartyCosts third, Budget budget, String config, Optional<String> thirdPartyEnv) {
        SpendPeriod p = spend.period();
        BigDecimal hours = BigDecimal.valueOf(p.days() * 24);
        Map<String, Map<Category, List<LineItem>>> byEnv = new TreeMap<>();
        spend.lines().entrySet().stream()
                .sorted(Map.Entry.<Spend.Key, BigDecimal>comparingByValue().reversed()
                        .thenComparing(e -> e.getKey().service()).thenComparing(e -> e.getKey().kind()))
                .forEach(e -> byEnv.computeIfAbsent(e.getKey().environment(), k -> new EnumMap<>(Category.class))
                        .computeIfAbsent(e.getKey().category(), k -> new ArrayList<>()).add(line(e.getKey(), e.getValue())));
        if (!third.lines().isEmpty()) {
            String target = thirdPartyEnv.filter(byEnv::containsKey)
                    .orElse(byEnv.size() == 1 ? byEnv.keySet().iterator().next() : thirdPartyEnv.orElse("third-party"));
            byEnv.computeIfAbsent(target, k -> new EnumMap<>(Category.class))
                    .computeIfAbsent(Category.THIRD_PARTY_APIS, k -> new ArrayList<>()).addAll(third.lines());
        }
        if (byEnv.isEmpty()) {
            byEnv.put(SpendQuery.ALL, new EnumMap<>(Category.class));
        }
        long calls = third.calls().orElse(0);
        List<EnvironmentCost> envs = new ArrayList<>();
        byEnv.forEach((name, cats) -> envs.add(new EnvironmentCost(name, hours,
                byEnv.size() == 1 ? calls : 0,
                cats.entrySet().stream().map(c -> CategoryCost.of(c.getKey(), c.getValue())).toList())));
        BigDecimal aws = Money.cents(envs.stream().map(EnvironmentCost::awsExact).reduce(BigDecimal.ZERO, BigDecimal::add));
        BigDecimal all = Money.cents(envs.stream().map(EnvironmentCost::totalExact).reduce(BigDecimal.ZERO, BigDecimal::add));
        Optional<CostPerCall> perCall = third.calls().isPresent() && calls > 0
                ? Optional.of(new CostPerCall(all.divide(BigDecimal.valueOf(calls), 4, RoundingMode.HALF_UP), calls,
                budget.costPerCallTarget())) : Optional.empty();
        List<DailySpend> daily = new ArrayList<>();
        spend.daily().forEach((day, amount) -> daily.add(new DailySpend(day, Money.cents(amount),
                spend.estimatedDays().contains(day))));
        BudgetStatus status = budgetStatus(aws, daily, p, budget);
        List<String> notes = new ArrayList<>();
        notes.add("source: " + spend.source());
        notes.addAll(spend.notes());
        notes.addAll(third.notes());
        status.highestDay().ifPresent(h -> notes.add("daily budget checked against the period's highest day ("
                + h.day() + ", $" + h.aws().toPlainString() + ")" + status.lastCompleteDay().map(l -> "; last complete day "
                + l.day() + ", $" + l.aws().toPlainString()).orElse("")));
        if (third.calls().isEmpty()) {
            notes.add("cost per call: no call count (give --ledger-url or --twilio)");
        } else if (calls == 0) {
            notes.add("cost per call: no calls in the period");
        }
        Optional<CostReport.Forecast> forecast = spend.forecast().map(f -> forecast(f, spend, aws));
        boolean estimated = !spend.estimatedDays().isEmpty();
        CostReport.Period period = new CostReport.Period(p.label(), p.start(), p.endExclusive(), hours);
        return new CostReport(spend.source(), "USD", period, config, envs, perCall, Optional.of(status), List.of(),
                Optional.empty(), notes, daily, forecast, estimated, spend.unavailable());
    }

    /** A bill line keeps the provider's exact amount; only subtotals and totals round, once. */
    static LineItem line(Spend.Key key, BigDecimal amount) {
        String id = slug(key.service()) + (key.kind() == ChargeKind.USAGE ? "" : "." + key.kind().id());
        String description = key.service() + (key.kind() == ChargeKind.USAGE ? "" : " (" + key.kind().label() + ")");
        return new LineItem(id, description, BigDecimal.ONE, "total", amount, amount, Optional.empty(), key.provider());
    }

    /**
     * The daily limit is a limit on every day: a multi-day period is checked on its highest day, and also shows
     * its last complete day (the last one the provider no longer marks estimated); never the period's total as
     * one day. Without daily figures, the average day.
     */
    static BudgetStatus budgetStatus(BigDecimal aws, List<DailySpend> daily, SpendPeriod p, Budget budget) {
        if (daily.isEmpty()) {
            BigDecimal average = aws.divide(BigDecimal.valueOf(p.days()), 2, RoundingMode.HALF_UP);
            return new BudgetStatus(aws, budget.monthlyLimit(), average, budget.dailyLimit());
        }
        DailySpend highest = daily.stream().max(Comparator.comparing(DailySpend::aws)
                .thenComparing(DailySpend::day)).orElseThrow();
        Optional<DailySpend> lastComplete = daily.reversed().stream().filter(d -> !d.estimated()).findFirst();
        return new BudgetStatus(aws, budget.monthlyLimit(), highest.aws(), budget.dailyLimit(), Optional.of(highest),
                lastComplete);
    }

    static String slug(String s) {
        String slug = s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "unnamed" : slug;
    }

    /**
     * The month's total so far (the period's days inside the forecast's month, before the forecast starts: a day is
     * never counted twice) plus the forecast.
     */
    private static CostReport.Forecast forecast(Spend.Forecast f, Spend spend, BigDecimal aws) {
        LocalDate monthStart = f.endExclusive().minusDays(1).withDayOfMonth(1);
        BigDecimal soFar = spend.daily().isEmpty() ? aws : Money.cents(spend.daily().entrySet().stream()
                .filter(e -> !e.getKey().isBefore(monthStart) && e.getKey().isBefore(f.start())).map(Map.Entry::getValue)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        BigDecimal amount = Money.cents(f.amount());
        return new CostReport.Forecast(f.method(), f.start(), f.endExclusive(), amount, soFar.add(amount),
                f.low().map(Money::cents), f.high().map(Money::cents));
    }

    /**
     * For sources without a forecast of their own (files): the daily average of the period's last month
     * times the days left in it.
     */
    static Optional<Spend.Forecast> runRate(Spend spend) {
        SpendPeriod p = spend.period();
        LocalDate end = p.monthEnd();
        if (!p.endExclusive().isBefore(end) || spend.daily().isEmpty()) {
            return Optional.empty();
        }
        LocalDate monthStart = end.minusMonths(1);
        LocalDate from = p.start().isAfter(monthStart) ? p.start() : monthStart;
        long elapsed = ChronoUnit.DAYS.between(from, p.endExclusive());
        BigDecimal sum = spend.daily().entrySet().stream().filter(e -> !e.getKey().isBefore(from))
                .map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        long left = ChronoUnit.DAYS.between(p.endExclusive(), end);
        BigDecimal amount = sum.multiply(BigDecimal.valueOf(left)).divide(BigDecimal.valueOf(elapsed), 6, RoundingMode.HALF_UP);
        return Optional.of(new Spend.Forecast(p.endExclusive(), end, amount, Optional.empty(), Optional.empty(), "run-rate"));
    }
}
