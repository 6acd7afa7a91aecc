package dev.bella.commitments;

import static dev.bella.commitments.CoverageMath.number;

import dev.bella.aws.Throttling;
import dev.bella.commitments.CommitmentsReport.Coverage;
import dev.bella.commitments.CommitmentsReport.Group;
import dev.bella.commitments.CommitmentsReport.Utilization;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.costexplorer.model.CoverageByTime;
import software.amazon.awssdk.services.costexplorer.model.DataUnavailableException;
import software.amazon.awssdk.services.costexplorer.model.DateInterval;
import software.amazon.awssdk.services.costexplorer.model.DimensionValues;
import software.amazon.awssdk.services.costexplorer.model.Expression;
import software.amazon.awssdk.services.costexplorer.model.GetReservationCoverageResponse;
import software.amazon.awssdk.services.costexplorer.model.GetReservationPurchaseRecommendationResponse;
import software.amazon.awssdk.services.costexplorer.model.GetReservationUtilizationResponse;
import software.amazon.awssdk.services.costexplorer.model.GetSavingsPlansCoverageResponse;
import software.amazon.awssdk.services.costexplorer.model.GetSavingsPlansPurchaseRecommendationResponse;
import software.amazon.awssdk.services.costexplorer.model.GetSavingsPlansUtilizationResponse;
import software.amazon.awssdk.services.costexplorer.model.GroupDefinition;
import software.amazon.awssdk.services.costexplorer.model.GroupDefinitionType;
import software.amazon.awssdk.services.costexplorer.model.ReservationCoverageGroup;
import software.amazon.awssdk.services.costexplorer.model.ReservationPurchaseRecommendationDetail;
import software.amazon.awssdk.services.costexplorer.model.SavingsPlansCoverage;
import software.amazon.awssdk.services.costexplorer.model.SavingsPlansPurchaseRecommendationDetail;
import software.amazon.awssdk.services.costexplorer.model.SupportedSavingsPlansType;
import software.amazon.awssdk.services.costexplorer.model.UtilizationByTime;

/**
 * The Cost Explorer side: coverage and utilization of reservations (per service, grouped by instance type) and of
 * Savings Plans, and the purchase recommendations. Every paginated call follows its token; throttling is retried.
 */
final class CostExplorerCommitments {

    /** The reservable services Bella's stacks use, by Cost Explorer's SERVICE dimension value. */
    static final List<String> SERVICES = List.of("Amazon Relational Database Service", "Amazon ElastiCache");

    private final CostExplorerClient ce;
    private final Throttling throttling;

    CostExplorerCommitments(CostExplorerClient ce, Throttling throttling) {
        this.ce = ce;
        this.throttling = throttling;
    }

    /** A recommendation as Cost Explorer states it, before Bella adds payback and risks. */
    record Recommended(String kind, String service, String instanceType, String what, BigDecimal quantity,
                       BigDecimal upfront, BigDecimal monthlyRecurring, BigDecimal monthlyOnDemand,
                       BigDecimal monthlySaving) {
    }

    Coverage reservationCoverage(String service, CommitmentsQuery q) {
        Map<String, BigDecimal[]> byType = new LinkedHashMap<>();
        String token = null;
        do {
            String next = token;
            GetReservationCoverageResponse page = throttling.retry(() -> ce.getReservationCoverage(b -> b
                    .timePeriod(window(q)).filter(service(service))
                    .groupBy(GroupDefinition.builder().type(GroupDefinitionType.DIMENSION).key("INSTANCE_TYPE").build())
                    .nextPageToken(next)));
            for (CoverageByTime t : page.coveragesByTime()) {
                for (ReservationCoverageGroup g : t.groups()) {
                    String type = g.attributes().getOrDefault("instanceType", g.attributes().values().stream()
                            .findFirst().orElse("(all)"));
                    var hours = g.coverage().coverageHours();
                    BigDecimal[] acc = byType.computeIfAbsent(type, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                    acc[0] = acc[0].add(number(hours.reservedHours()));
                    acc[1] = acc[1].add(number(hours.totalRunningHours()));
                }
            }
            token = page.nextPageToken();
        } while (token != null && !token.isEmpty());
        List<Group> groups = new ArrayList<>();
        byType.forEach((type, v) -> groups.add(new Group(type, v[0], v[1])));
        return new Coverage("reservation", service, "hours", groups, CoverageMath.sum(groups, Group::covered),
                CoverageMath.sum(groups, Group::total));
    }

    Utilization reservationUtilization(String service, CommitmentsQuery q) {
        BigDecimal used = BigDecimal.ZERO;
        BigDecimal purchased = BigDecimal.ZERO;
        BigDecimal saved = BigDecimal.ZERO;
        String token = null;
        do {
            String next = token;
            GetReservationUtilizationResponse page;
            try {
                page = throttling.retry(() -> ce.getReservationUtilization(b -> b.timePeriod(window(q))
                        .filter(service(service)).nextPageToken(next)));
            } catch (DataUnavailableException e) {
                break; // Cost Explorer's answer for "no reservations of this service in the window"
            }
            for (UtilizationByTime t : page.utilizationsByTime()) {
                if (t.total() != null) {
                    used = used.add(number(t.total().totalActualHours()));
                    purchased = purchased.add(number(t.total().purchasedHours()));
                    saved = saved.add(number(t.total().netRISavings()));
                }
            }
            token = page.nextPageToken();
        } while (token != null && !token.isEmpty());
        return new Utilization("reservation", service, "hours", used, purchased, saved);
    }

    Coverage savingsPlansCoverage(CommitmentsQuery q) {
        BigDecimal covered = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
        String token = null;
        do {
            String next = token;
            GetSavingsPlansCoverageResponse page;
            try {
                page = throttling.retry(() -> ce.getSavingsPlansCoverage(b -> b.timePeriod(window(q)).nextToken(next)));
            } catch (DataUnavailableException e) {
                break; // no Savings Plans-eligible spend in the window: nothing covered of nothing
            }
            for (SavingsPlansCoverage c : page.savingsPlansCoverages()) {
                covered = covered.add(number(c.coverage().spendCoveredBySavingsPlans()));
                total = total.add(number(c.coverage().totalCost()));
            }
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return new Coverage("savings-plan", "Savings Plans eligible spend (Fargate, Lambda, EC2)", "USD", List.of(),
                covered, total);
    }

    Utilization savingsPlansUtilization(CommitmentsQuery q) {
        try {
            GetSavingsPlansUtilizationResponse r = throttling.retry(() -> ce.getSavingsPlansUtilization(b -> b
                    .timePeriod(window(q))));
            var total = r.total();
            return new Utilization("savings-plan", "Savings Plans", "USD", number(total.utilization().usedCommitment()),
                    number(total.utilization().totalCommitment()), number(total.savings().netSavings()));
        } catch (DataUnavailableException e) {
            // Cost Explorer answers this when the account holds no Savings Plan in the window
            return new Utilization("savings-plan", "Savings Plans", "USD", BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
        }
    }

    List<Recommended> reservationRecommendations(String service, CommitmentsQuery q) {
        List<Recommended> out = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            GetReservationPurchaseRecommendationResponse page = throttling.retry(() ->
                    ce.getReservationPurchaseRecommendation(b -> b.service(service)
                            .lookbackPeriodInDays(q.lookback().api()).termInYears(q.term().api())
                            .paymentOption(q.payment().api()).nextPageToken(next)));
            page.recommendations().forEach(r -> r.recommendationDetails().forEach(d -> out.add(recommended(service, d))));
            token = page.nextPageToken();
        } while (token != null && !token.isEmpty());
        return out;
    }

    private static Recommended recommended(String service, ReservationPurchaseRecommendationDetail d) {
        String type;
        String what;
        var details = d.instanceDetails();
        if (details != null && details.rdsInstanceDetails() != null) {
            var rds = details.rdsInstanceDetails();
            type = rds.instanceType();
            what = type + " " + rds.databaseEngine() + " " + rds.deploymentOption() + " (" + rds.region() + ")";
        } else if (details != null && details.elastiCacheInstanceDetails() != null) {
            var cache = details.elastiCacheInstanceDetails();
            type = cache.nodeType();
            what = type + " " + cache.productDescription() + " (" + cache.region() + ")";
        } else {
            type = null;
            what = "(instance details not given)";
        }
        return new Recommended("reservation", service, type, what, number(d.recommendedNumberOfInstancesToPurchase()),
                number(d.upfrontCost()), number(d.recurringStandardMonthlyCost()), number(d.estimatedMonthlyOnDemandCost()),
                number(d.estimatedMonthlySavingsAmount()));
    }

    List<Recommended> computeSavingsPlanRecommendations(CommitmentsQuery q) {
        List<Recommended> out = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            GetSavingsPlansPurchaseRecommendationResponse page = throttling.retry(() ->
                    ce.getSavingsPlansPurchaseRecommendation(b -> b.savingsPlansType(SupportedSavingsPlansType.COMPUTE_SP)
                            .lookbackPeriodInDays(q.lookback().api()).termInYears(q.term().api())
                            .paymentOption(q.payment().api()).nextPageToken(next)));
            var rec = page.savingsPlansPurchaseRecommendation();
            if (rec != null) {
                for (SavingsPlansPurchaseRecommendationDetail d : rec.savingsPlansPurchaseRecommendationDetails()) {
                    BigDecimal hourly = number(d.hourlyCommitmentToPurchase());
                    BigDecimal upfront = number(d.upfrontCost());
                    BigDecimal saving = number(d.estimatedMonthlySavingsAmount());
                    // a month of commitment is 730 hours of it; what is not paid up front is paid monthly
                    BigDecimal monthlyCommitment = hourly.multiply(BigDecimal.valueOf(730));
                    BigDecimal recurring = monthlyCommitment.subtract(upfront.divide(BigDecimal.valueOf(q.term().months()),
                            10, RoundingMode.HALF_UP)).max(BigDecimal.ZERO);
                    out.add(new Recommended("savings-plan", "Compute Savings Plans", null, "Compute Savings Plan, $"
                            + hourly.stripTrailingZeros().toPlainString() + "/hour", hourly, upfront, recurring,
                            monthlyCommitment.add(saving), saving));
                }
            }
            token = page.nextPageToken();
        } while (token != null && !token.isEmpty());
        return out;
    }

    private static DateInterval window(CommitmentsQuery q) {
        return DateInterval.builder().start(q.start().toString()).end(q.today().toString()).build();
    }

    private static Expression service(String service) {
        return Expression.builder().dimensions(DimensionValues.builder().key("SERVICE").values(service).build()).build();
    }
}
