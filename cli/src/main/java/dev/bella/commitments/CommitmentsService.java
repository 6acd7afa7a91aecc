package dev.bella.commitments;

import dev.bella.aws.AwsClients;
import dev.bella.aws.Throttling;
import dev.bella.commitments.CommitmentsReport.Advice;
import dev.bella.commitments.CommitmentsReport.Coverage;
import dev.bella.commitments.CommitmentsReport.Utilization;
import dev.bella.phases.LiveCoverage;
import dev.bella.rightsize.Change;
import dev.bella.spec.Spec;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.costexplorer.model.DataUnavailableException;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.savingsplans.SavingsplansClient;

/**
 * The front door of {@code bella cost commitments}: coverage and utilization over the lookback, what to buy, what
 * expires, and the spec change that makes the spec's {@code commitments} match what is held.
 */
public final class CommitmentsService implements AutoCloseable {

    private final CostExplorerClient ce;
    private final RdsClient rds;
    private final ElastiCacheClient cache;
    private final SavingsplansClient savingsPlans;
    private final Throttling throttling;

    /**
     * Clients from the one factory: Cost Explorer and Savings Plans have one endpoint, in us-east-1; RDS and
     * ElastiCache reservations are regional (the spec's region, or --region).
     */
    public CommitmentsService(AwsClients regional, AwsClients global, Duration backoff) {
        this.ce = global.create(CostExplorerClient.builder());
        this.savingsPlans = global.create(SavingsplansClient.builder());
        this.rds = regional.create(RdsClient.builder());
        this.cache = regional.create(ElastiCacheClient.builder());
        this.throttling = new Throttling(backoff);
    }

    public static CommitmentsService of(AwsClients regional, Duration backoff) {
        return new CommitmentsService(regional, new AwsClients(regional.settings().inRegion(Region.US_EAST_1)), backoff);
    }

    /** The report, and the spec edit that matches the spec's commitments to what is held. */
    public record Result(CommitmentsReport report, List<Change> changes) {
    }

    public Result run(Spec spec, CommitmentsQuery q) {
        CostExplorerCommitments explorer = new CostExplorerCommitments(ce, throttling);
        List<String> notes = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        List<Coverage> coverage = new ArrayList<>();
        List<Utilization> utilization = new ArrayList<>();
        try {
            for (String service : CostExplorerCommitments.SERVICES) {
                coverage.add(explorer.reservationCoverage(service, q));
                utilization.add(explorer.reservationUtilization(service, q));
            }
            coverage.add(explorer.savingsPlansCoverage(q));
            utilization.add(explorer.savingsPlansUtilization(q));
        } catch (DataUnavailableException e) {
            unavailable.add("coverage: Cost Explorer has no data (" + e.awsErrorDetails().errorMessage()
                    + "); is Cost Explorer enabled on the account?");
        }
        List<Coverage> reservations = coverage.stream().filter(c -> c.kind().equals("reservation")).toList();
        Optional<BigDecimal> reserved = CoverageMath.percent(CoverageMath.sum(reservations, Coverage::covered),
                CoverageMath.sum(reservations, Coverage::total));
        if (reserved.isEmpty() && unavailable.isEmpty()) {
            notes.add("no RDS or ElastiCache hours ran in the lookback: nothing to cover, so no coverage figure");
        }
        List<Advice> advice = new ArrayList<>();
        List<CostExplorerCommitments.Recommended> recommended = new ArrayList<>();
        try {
            for (String service : CostExplorerCommitments.SERVICES) {
                recommended.addAll(explorer.reservationRecommendations(service, q));
            }
            recommended.addAll(explorer.computeSavingsPlanRecommendations(q));
        } catch (DataUnavailableException e) {
            // a young account has no history to recommend from; that is not an error, but the report says so
            notes.add("Cost Explorer has no recommendation data yet (" + e.awsErrorDetails().errorMessage() + ")");
        }
        for (var r : recommended) {
            Optional<Integer> breakEven = PurchaseAdvice.breakEvenMonth(r.upfront(), r.monthlySaving(), q.term());
            advice.add(new Advice(r.kind(), r.service(), r.what(), r.quantity(), CommitmentsReport.cents(r.upfront()),
                    CommitmentsReport.cents(r.monthlyRecurring()), CommitmentsReport.cents(r.monthlyOnDemand()),
                    CommitmentsReport.cents(r.monthlySaving()), breakEven,
                    PurchaseAdvice.risks(r.kind(), r.instanceType(), r.upfront(), breakEven, q, spec)));
        }
        if (advice.isEmpty() && notes.stream().noneMatch(n -> n.startsWith("Cost Explorer has no recommendation"))) {
            notes.add("Cost Explorer recommends nothing to buy for " + q.term().id() + " " + q.payment().id() + " over "
                    + q.lookback().id());
        }
        HeldCommitments held = new HeldCommitments(rds, cache, savingsPlans, throttling);
        List<HeldCommitments.Reservation> reservationsHeld = held.reservations();
        var plans = held.savingsPlans();
        BigDecimal planSavings = utilization.stream().filter(u -> u.kind().equals("savings-plan"))
                .map(Utilization::netSavings).reduce(BigDecimal.ZERO, BigDecimal::add);
        var expiring = HeldCommitments.expiring(reservationsHeld, plans, planSavings, q, spec.prices());
        if (reservationsHeld.isEmpty() && plans.isEmpty()) {
            notes.add("the account holds no reservations and no Savings Plans");
        }
        notes.add("held: " + reservationsHeld.stream().filter(HeldCommitments.Reservation::active).count()
                + " active reservation(s), " + plans.stream().filter(p -> "active".equalsIgnoreCase(p.stateAsString())).count()
                + " active Savings Plan(s)");
        CommitmentsReport report = new CommitmentsReport(q, coverage, reserved, utilization, advice, expiring, notes,
                unavailable);
        return new Result(report, SpecCommitments.changes(spec, q.environment(), reservationsHeld));
    }

    /**
     * Only the reserved coverage over the lookback (one Cost Explorer call per service), for
     * {@code phases check --live}; empty with the reason when there is nothing to measure.
     */
    public LiveCoverage reservedCoverage(CommitmentsQuery q) {
        CostExplorerCommitments explorer = new CostExplorerCommitments(ce, throttling);
        String source = "Cost Explorer, " + q.start() + " to " + q.today().minusDays(1);
        try {
            List<Coverage> coverage = CostExplorerCommitments.SERVICES.stream()
                    .map(s -> explorer.reservationCoverage(s, q)).toList();
            Optional<BigDecimal> percent = CoverageMath.percent(CoverageMath.sum(coverage, Coverage::covered),
                    CoverageMath.sum(coverage, Coverage::total));
            return new LiveCoverage(percent, percent.isPresent() ? source
                    : "no RDS or ElastiCache hours ran from " + q.start() + " to " + q.today().minusDays(1));
        } catch (DataUnavailableException e) {
            return new LiveCoverage(Optional.empty(), "Cost Explorer has no data ("
                    + e.awsErrorDetails().errorMessage() + ")");
        }
    }

    @Override
    public void close() {
        ce.close();
        savingsPlans.close();
        rds.close();
        cache.close();
    }
}
