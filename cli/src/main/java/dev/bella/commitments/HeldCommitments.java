package dev.bella.commitments;

import dev.bella.aws.Throttling;
import dev.bella.commitments.CommitmentsReport.Held;
import dev.bella.prices.PriceKeys;
import dev.bella.prices.PriceTable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.elasticache.model.ReservedCacheNode;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.ReservedDBInstance;
import software.amazon.awssdk.services.savingsplans.SavingsplansClient;
import software.amazon.awssdk.services.savingsplans.model.DescribeSavingsPlansResponse;
import software.amazon.awssdk.services.savingsplans.model.SavingsPlan;

/**
 * The commitments the account holds (RDS reserved instances, ElastiCache reserved nodes, Savings Plans), those that
 * end within 60 days or ended inside the lookback, and what a lapse costs a month: the on-demand price from the
 * spec's price table against the reservation's own effective rate.
 */
final class HeldCommitments {

    static final BigDecimal HOURS_PER_MONTH = BigDecimal.valueOf(730);

    /** One reservation as held, reduced to what coverage and lapse pricing need. */
    record Reservation(String kind, String id, String instanceType, String engine, boolean multiAz, int count,
                       LocalDate end, String state, BigDecimal effectiveHourly) {
        boolean active() {
            return state.equalsIgnoreCase("active");
        }
    }

    private final RdsClient rds;
    private final ElastiCacheClient cache;
    private final SavingsplansClient savingsPlans;
    private final Throttling throttling;

    HeldCommitments(RdsClient rds, ElastiCacheClient cache, SavingsplansClient savingsPlans, Throttling throttling) {
        this.rds = rds;
        this.cache = cache;
        this.savingsPlans = savingsPlans;
        this.throttling = throttling;
    }

    /** RDS and ElastiCache reservations, every page (the SDK's paginators follow Marker). */
    List<Reservation> reservations() {
        List<Reservation> out = new ArrayList<>();
        for (ReservedDBInstance r : rds.describeReservedDBInstancesPaginator(b -> { }).reservedDBInstances()) {
            out.add(new Reservation("rds", r.reservedDBInstanceId(), r.dbInstanceClass(), engine(r.productDescription()),
                    Boolean.TRUE.equals(r.multiAZ()), orOne(r.dbInstanceCount()), end(r.startTime(), r.duration()),
                    String.valueOf(r.state()), effective(r.fixedPrice(), r.usagePrice(), r.duration(),
                    r.recurringCharges().stream().map(c -> c.recurringChargeAmount()).toList())));
        }
        for (ReservedCacheNode n : cache.describeReservedCacheNodesPaginator(b -> { }).reservedCacheNodes()) {
            out.add(new Reservation("elasticache", n.reservedCacheNodeId(), n.cacheNodeType(), n.productDescription(), false,
                    orOne(n.cacheNodeCount()), end(n.startTime(), n.duration()), String.valueOf(n.state()),
                    effective(n.fixedPrice(), n.usagePrice(), n.duration(),
                            n.recurringCharges().stream().map(c -> c.recurringChargeAmount()).toList())));
        }
        return out;
    }

    List<SavingsPlan> savingsPlans() {
        List<SavingsPlan> out = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            DescribeSavingsPlansResponse page = throttling.retry(() -> savingsPlans.describeSavingsPlans(b -> b.nextToken(next)));
            out.addAll(page.savingsPlans());
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return out;
    }

    /**
     * Held commitments ending in the next 60 days (active ones) or that ended inside the lookback. A Savings Plan's
     * lapse cost is its share (by commitment) of the plans' net savings over the lookback, per 30 days.
     */
    static List<Held> expiring(List<Reservation> reservations, List<SavingsPlan> plans, BigDecimal planSavings,
                               CommitmentsQuery q, PriceTable prices) {
        List<Held> out = new ArrayList<>();
        for (Reservation r : reservations) {
            long days = ChronoUnit.DAYS.between(q.today(), r.end());
            if (!relevant(days, r.active(), r.end(), q)) {
                continue;
            }
            Optional<BigDecimal> onDemand = onDemandHourly(r, prices);
            Optional<BigDecimal> lapse = onDemand.map(od -> CommitmentsReport.cents(od.subtract(r.effectiveHourly())
                    .multiply(HOURS_PER_MONTH).multiply(BigDecimal.valueOf(r.count()))));
            String note = days < 0 ? "ended inside the lookback: its hours are in the coverage figure, and will not be again"
                    : onDemand.isPresent() ? "renew, or its usage goes to on-demand rates"
                    : "no on-demand price for " + r.instanceType() + " in " + prices.name() + "; lapse cost unknown";
            out.add(new Held(r.kind(), r.id(), r.instanceType() + " " + r.engine() + (r.multiAz() ? " multi-az" : ""),
                    r.count(), r.end(), days, lapse, note));
        }
        BigDecimal totalCommitment = plans.stream().filter(p -> "active".equalsIgnoreCase(p.stateAsString()))
                .map(p -> CoverageMath.number(p.commitment())).reduce(BigDecimal.ZERO, BigDecimal::add);
        for (SavingsPlan p : plans) {
            // the API writes end as an ISO timestamp ("2026-12-20T00:00:00.000Z"); its UTC day is what matters
            LocalDate end = LocalDate.parse(p.end().substring(0, 10));
            long days = ChronoUnit.DAYS.between(q.today(), end);
            boolean active = "active".equalsIgnoreCase(p.stateAsString());
            if (!relevant(days, active, end, q)) {
                continue;
            }
            BigDecimal commitment = CoverageMath.number(p.commitment());
            Optional<BigDecimal> lapse = totalCommitment.signum() == 0 ? Optional.empty()
                    : Optional.of(CommitmentsReport.cents(planSavings.multiply(commitment).multiply(BigDecimal.valueOf(30))
                    .divide(totalCommitment.multiply(BigDecimal.valueOf(q.lookback().days())), 10, RoundingMode.HALF_UP)));
            out.add(new Held("savings-plan", p.savingsPlanId(), p.savingsPlanTypeAsString() + " $"
                    + commitment.stripTrailingZeros().toPlainString() + "/hour " + p.paymentOptionAsString(), 1, end, days,
                    lapse, days < 0 ? "ended inside the lookback: its savings are in the figures, and will not be again"
                    : "renew, or the usage it covers goes to on-demand rates"));
        }
        out.sort(Comparator.comparing(Held::end));
        return out;
    }

    private static boolean relevant(long days, boolean active, LocalDate end, CommitmentsQuery q) {
        return active && days >= 0 && days <= CommitmentsQuery.EXPIRING_DAYS
                || days < 0 && !end.isBefore(q.start());
    }

    /** The on-demand hourly price the usage falls back to, from the price table (the one source of prices). */
    static Optional<BigDecimal> onDemandHourly(Reservation r, PriceTable prices) {
        String key = r.kind().equals("rds") ? PriceKeys.rdsHour(r.engine(), r.instanceType(), r.multiAz() ? "multi-az" : "single-az")
                : PriceKeys.cacheHour(r.instanceType());
        return prices.find(key).map(e -> e.price());
    }

    /** RDS names the engine "postgresql"; the price table keys it "postgres". */
    static String engine(String productDescription) {
        String p = productDescription == null ? "" : productDescription.toLowerCase(Locale.ROOT);
        return p.startsWith("postgres") ? "postgres" : p;
    }

    /** The reservation's hourly cost: its upfront spread over its hours, plus the usage and recurring hourly charges. */
    static BigDecimal effective(Double fixed, Double usage, Integer durationSeconds, List<Double> recurringHourly) {
        BigDecimal hours = BigDecimal.valueOf(durationSeconds == null ? 0 : durationSeconds / 3600);
        BigDecimal upfront = fixed == null || hours.signum() == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(fixed).divide(hours, 10, RoundingMode.HALF_UP);
        BigDecimal recurring = recurringHourly.stream().filter(Objects::nonNull).map(BigDecimal::valueOf)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return upfront.add(usage == null ? BigDecimal.ZERO : BigDecimal.valueOf(usage)).add(recurring);
    }

    private static LocalDate end(Instant start, Integer durationSeconds) {
        return LocalDate.ofInstant(start.plusSeconds(durationSeconds == null ? 0 : durationSeconds), ZoneOffset.UTC);
    }

    private static int orOne(Integer count) {
        return count == null ? 1 : count;
    }
}
