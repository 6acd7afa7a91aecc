package dev.bella.spend;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.costexplorer.model.DataUnavailableException;
import software.amazon.awssdk.services.costexplorer.model.DateInterval;
import software.amazon.awssdk.services.costexplorer.model.Expression;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageRequest;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageResponse;
import software.amazon.awssdk.services.costexplorer.model.GetCostForecastResponse;
import software.amazon.awssdk.services.costexplorer.model.Granularity;
import software.amazon.awssdk.services.costexplorer.model.Group;
import software.amazon.awssdk.services.costexplorer.model.LimitExceededException;
import software.amazon.awssdk.services.costexplorer.model.GroupDefinition;
import software.amazon.awssdk.services.costexplorer.model.GroupDefinitionType;
import software.amazon.awssdk.services.costexplorer.model.MetricValue;
import software.amazon.awssdk.services.costexplorer.model.ResultByTime;
import software.amazon.awssdk.services.costexplorer.model.TagValues;

/**
 * Actual spend from Cost Explorer (ce:GetCostAndUsage, ce:GetCostForecast). Grouped by SERVICE and, in the
 * second group-by slot, by RECORD_TYPE so credits, refunds, taxes and commitment purchases stay separate
 * lines; splitting by the Environment tag or by linked account takes that slot instead.
 * Cost Explorer throttles with LimitExceededException, which the SDK's standard strategy does not
 * count as throttling, so it is retried here with exponential backoff and jitter.
 */
public final class CostExplorerSpend implements SpendSource {

    /** The cost-allocation tag the spec's stacks put on every resource. */
    public static final String ENVIRONMENT_TAG = "Environment";

    private final CostExplorerClient ce;
    private final ServiceCategories categories;
    private final Clock clock;
    private final Duration backoff;

    public CostExplorerSpend(CostExplorerClient ce, ServiceCategories categories, Clock clock) {
        this(ce, categories, clock, Duration.ofSeconds(1));
    }

    CostExplorerSpend(CostExplorerClient ce, ServiceCategories categories, Clock clock, Duration backoff) {
        this.ce = ce;
        this.categories = categories;
        this.clock = clock;
        this.backoff = backoff;
    }

    static final int ATTEMPTS = 6;

    /** Retries Cost Explorer's throttling (about 1, 2, 4, 8, 16 s with jitter); other errors go through. */
    private <T> T retrying(Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (LimitExceededException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                long base = backoff.toMillis() << (attempt - 1);
                try {
                    Thread.sleep(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    @Override
    public String id() {
        return "aws";
    }

    @Override
    public Spend fetch(SpendQuery q) {
        SpendPeriod p = q.period();
        SpendAccumulator acc = new SpendAccumulator();
        List<String> notes = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        notes.add("Cost Explorer " + q.metric().costExplorerName() + ", " + (q.daily() ? "daily" : "monthly")
                + " figures" + (q.split() == SpendQuery.Split.NONE ? "" : ", split by " + q.split().id()));
        GroupDefinition second = switch (q.split()) {
            case NONE -> dimension("RECORD_TYPE");
            case ENVIRONMENT -> GroupDefinition.builder().type(GroupDefinitionType.TAG).key(ENVIRONMENT_TAG).build();
            case ACCOUNT -> dimension("LINKED_ACCOUNT");
        };
        GetCostAndUsageRequest.Builder request = GetCostAndUsageRequest.builder()
                .timePeriod(interval(p.start(), p.endExclusive()))
                .granularity(q.daily() ? Granularity.DAILY : Granularity.MONTHLY)
                .metrics(q.metric().costExplorerName())
                .groupBy(dimension("SERVICE"), second);
        q.environment().ifPresent(env -> request.filter(Expression.builder()
                .tags(TagValues.builder().key(ENVIRONMENT_TAG).values(env).build()).build()));
        java.util.Map<String, String> accountNames = new java.util.HashMap<>();
        LocalDate firstEstimated = null;
        LocalDate lastEstimated = null;
        try {
            String token = null;
            int pages = 0;
            do {
                GetCostAndUsageRequest next = request.nextPageToken(token).build();
                GetCostAndUsageResponse page = retrying(() -> ce.getCostAndUsage(next));
                pages++;
                // LINKED_ACCOUNT answers name the accounts beside their ids
                page.dimensionValueAttributes().forEach(a -> {
                    String name = a.attributes().get("description");
                    if (name != null && !name.isBlank()) {
                        accountNames.put(a.value(), name);
                    }
                });
                for (ResultByTime r : page.resultsByTime()) {
                    LocalDate day = LocalDate.parse(r.timePeriod().start());
                    if (Boolean.TRUE.equals(r.estimated())) {
                        LocalDate end = LocalDate.parse(r.timePeriod().end());
                        for (LocalDate d = day; d.isBefore(end); d = d.plusDays(1)) {
                            acc.estimated(d);
                        }
                        firstEstimated = firstEstimated == null || day.isBefore(firstEstimated) ? day : firstEstimated;
                        lastEstimated = lastEstimated == null || end.isAfter(lastEstimated) ? end : lastEstimated;
                    }
                    for (Group g : r.groups()) {
                        add(acc, q, q.daily() ? day : null, g);
                    }
                    if (q.daily() && r.groups().isEmpty()) {
                        acc.daily().merge(day, BigDecimal.ZERO, BigDecimal::add);
                    }
                }
                token = page.nextPageToken();
            } while (token != null && !token.isEmpty());
            if (pages > 1) {
                notes.add("Cost Explorer answered in " + pages + " pages");
            }
        } catch (DataUnavailableException e) {
            unavailable.add("Cost Explorer has no data for " + p.label() + ": " + e.awsErrorDetails().errorMessage()
                    + " (Cost Explorer must be enabled; new accounts get data after about 24 hours)");
        }
        SpendAccumulator named = accountNames.isEmpty() ? acc : renameAccounts(acc, accountNames);
        if (firstEstimated != null) {
            notes.add("estimated: figures from " + firstEstimated + " to " + lastEstimated.minusDays(1)
                    + " are provisional; AWS may still revise them");
        }
        if (p.open() && p.start().getDayOfMonth() == 1 && p.endExclusive().getDayOfMonth() != 1) {
            lastFullMonth(q, p.start().minusMonths(1), p.start()).ifPresent(notes::add);
        }
        Optional<Spend.Forecast> forecast = q.forecast() ? forecast(q, unavailable) : Optional.empty();
        return new Spend(id(), p, named.lines(), named.daily(), named.estimatedDays(), notes, unavailable, forecast,
                Optional.empty());
    }

    private static SpendAccumulator renameAccounts(SpendAccumulator acc, java.util.Map<String, String> names) {
        SpendAccumulator out = new SpendAccumulator();
        acc.lines().forEach((k, v) -> out.add(null, new Spend.Key(names.containsKey(k.environment())
                ? k.environment() + " (" + names.get(k.environment()) + ")" : k.environment(), k.service(), k.kind(),
                k.category()), v));
        out.daily().putAll(acc.daily());
        acc.estimatedDays().forEach(out::estimated);
        return out;
    }

    private void add(SpendAccumulator acc, SpendQuery q, LocalDate day, Group g) {
        String service = g.keys().getFirst();
        // a response grouped by SERVICE alone (one key) is plain usage
        String second = g.keys().size() > 1 ? g.keys().get(1) : "Usage";
        MetricValue v = g.metrics().get(q.metric().costExplorerName());
        if (v == null || v.amount() == null) {
            return;
        }
        if (v.unit() != null && !v.unit().equals("USD")) {
            throw new SpendException("Cost Explorer reports this account in " + v.unit() + "; the report is in USD");
        }
        BigDecimal amount = new BigDecimal(v.amount());
        ChargeKind kind = q.split() == SpendQuery.Split.NONE ? ChargeKind.fromRecordType(second) : ChargeKind.USAGE;
        String env = switch (q.split()) {
            case NONE -> SpendQuery.ALL;
            // tag groups come back as "Environment$prod", and "Environment$" for untagged spend
            case ENVIRONMENT -> {
                String value = second.contains("$") ? second.substring(second.indexOf('$') + 1) : second;
                yield value.isEmpty() ? SpendQuery.UNTAGGED : value;
            }
            case ACCOUNT -> second;
        };
        var category = kind == ChargeKind.TAX ? dev.bella.report.Category.OTHER : categories.of(service);
        acc.add(day, new Spend.Key(env, service, kind, category), amount);
    }

    /**
     * The default period is month to date; the last full month's total is shown beside it so a reader
     * has a complete month to compare with, at the cost of one ungrouped query.
     */
    private Optional<String> lastFullMonth(SpendQuery q, LocalDate start, LocalDate end) {
        GetCostAndUsageRequest.Builder request = GetCostAndUsageRequest.builder().timePeriod(interval(start, end))
                .granularity(Granularity.MONTHLY).metrics(q.metric().costExplorerName());
        q.environment().ifPresent(env -> request.filter(Expression.builder()
                .tags(TagValues.builder().key(ENVIRONMENT_TAG).values(env).build()).build()));
        try {
            GetCostAndUsageResponse r = retrying(() -> ce.getCostAndUsage(request.build()));
            BigDecimal total = BigDecimal.ZERO;
            boolean estimated = false;
            for (ResultByTime t : r.resultsByTime()) {
                MetricValue v = t.total().get(q.metric().costExplorerName());
                total = v == null || v.amount() == null ? total : total.add(new BigDecimal(v.amount()));
                estimated |= Boolean.TRUE.equals(t.estimated());
            }
            return Optional.of("last full month (" + java.time.YearMonth.from(start) + "): $"
                    + dev.bella.report.Money.cents(total).toPlainString() + (estimated ? " (estimated)" : ""));
        } catch (DataUnavailableException e) {
            return Optional.of("last full month (" + java.time.YearMonth.from(start) + "): no data");
        }
    }

    /** The rest of the period's month, if the period reaches into the current month. */
    private Optional<Spend.Forecast> forecast(SpendQuery q, List<String> unavailable) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate end = q.period().monthEnd();
        // Cost Explorer forecasts from today at the earliest; the forecast starts where the actual period ends, so a
        // period that ends today (its figures include today) is forecast from tomorrow and no day is counted twice
        LocalDate start = q.period().endExclusive().isAfter(today) ? q.period().endExclusive() : today;
        if (!start.isBefore(end)) {
            unavailable.add("forecast: the period's month is over; a forecast covers the current month only");
            return Optional.empty();
        }
        var metric = switch (q.metric()) {
            case UNBLENDED -> software.amazon.awssdk.services.costexplorer.model.Metric.UNBLENDED_COST;
            case AMORTIZED -> software.amazon.awssdk.services.costexplorer.model.Metric.AMORTIZED_COST;
            case NET_AMORTIZED -> software.amazon.awssdk.services.costexplorer.model.Metric.NET_AMORTIZED_COST;
        };
        try {
            GetCostForecastResponse r = retrying(() -> ce.getCostForecast(b -> {
                b.timePeriod(interval(start, end)).metric(metric).granularity(Granularity.MONTHLY)
                        .predictionIntervalLevel(80);
                q.environment().ifPresent(env -> b.filter(Expression.builder()
                        .tags(TagValues.builder().key(ENVIRONMENT_TAG).values(env).build()).build()));
            }));
            Optional<BigDecimal> low = Optional.empty();
            Optional<BigDecimal> high = Optional.empty();
            for (var f : r.forecastResultsByTime()) {
                low = Optional.ofNullable(f.predictionIntervalLowerBound()).map(BigDecimal::new);
                high = Optional.ofNullable(f.predictionIntervalUpperBound()).map(BigDecimal::new);
            }
            return Optional.of(new Spend.Forecast(start, end, new BigDecimal(r.total().amount()), low, high,
                    "cost-explorer"));
        } catch (DataUnavailableException e) {
            unavailable.add("forecast: Cost Explorer cannot forecast yet: " + e.awsErrorDetails().errorMessage()
                    + " (it needs some weeks of history)");
            return Optional.empty();
        }
    }

    private static GroupDefinition dimension(String key) {
        return GroupDefinition.builder().type(GroupDefinitionType.DIMENSION).key(key).build();
    }

    private static DateInterval interval(LocalDate start, LocalDate endExclusive) {
        return DateInterval.builder().start(start.toString()).end(endExclusive.toString()).build();
    }
}
