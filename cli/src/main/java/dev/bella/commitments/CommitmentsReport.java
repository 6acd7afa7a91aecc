package dev.bella.commitments;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What {@code bella cost commitments} found. Its JSON form is documented in docs/commitments.md; change both
 * together.
 *
 * @param reservedCoverage reservation-covered share (percent) of the RDS and ElastiCache running hours over the
 *                         lookback, the figure checked against {@code target}; empty when nothing reservable ran
 */
public record CommitmentsReport(CommitmentsQuery query, List<Coverage> coverage, Optional<BigDecimal> reservedCoverage,
                                List<Utilization> utilization, List<Advice> advice, List<Held> expiring,
                                List<String> notes, List<String> unavailable) {

    public CommitmentsReport {
        coverage = List.copyOf(coverage);
        utilization = List.copyOf(utilization);
        advice = List.copyOf(advice);
        expiring = List.copyOf(expiring);
        notes = List.copyOf(notes);
        unavailable = List.copyOf(unavailable);
    }

    /** Below the target; no reservable hours at all is not below (nothing to cover). */
    public boolean belowTarget() {
        return reservedCoverage.map(c -> c.compareTo(query.target()) < 0).orElse(false);
    }

    /**
     * Coverage of one service over the lookback, summed across its groups (instance types): covered and total in
     * hours for reservations, in USD of eligible spend for Savings Plans.
     */
    public record Coverage(String kind, String service, String unit, List<Group> groups, BigDecimal covered,
                           BigDecimal total) {
        public Coverage {
            groups = List.copyOf(groups);
        }

        public Optional<BigDecimal> percent() {
            return CoverageMath.percent(covered, total);
        }
    }

    /** One group's share: an instance type's reserved and running hours. */
    public record Group(String name, BigDecimal covered, BigDecimal total) {
        public Optional<BigDecimal> percent() {
            return CoverageMath.percent(covered, total);
        }
    }

    /**
     * How much of what was bought was used: hours for reservations, USD of commitment for Savings Plans.
     *
     * @param netSavings what the commitments saved over the lookback, after their own cost
     */
    public record Utilization(String kind, String service, String unit, BigDecimal used, BigDecimal purchased,
                              BigDecimal netSavings) {
        public Optional<BigDecimal> percent() {
            return CoverageMath.percent(used, purchased);
        }
    }

    /**
     * One thing to buy, with its cost and payback.
     *
     * @param quantity        instances to reserve, or USD per hour of Savings Plans commitment
     * @param breakEvenMonth  the month in which the commitment has paid back what it cost up front; empty when it
     *                        never does
     */
    public record Advice(String kind, String service, String what, BigDecimal quantity, BigDecimal upfront,
                         BigDecimal monthlyRecurring, BigDecimal monthlyOnDemand, BigDecimal monthlySaving,
                         Optional<Integer> breakEvenMonth, List<String> risks) {
        public Advice {
            risks = List.copyOf(risks);
        }
    }

    /**
     * A commitment held that ends within 60 days, or ended inside the lookback (its hours are in the coverage
     * figure but will not be again).
     *
     * @param lapseMonthlyCost what the same usage costs more a month at on-demand rates once it ends, when known
     */
    public record Held(String kind, String id, String what, int count, LocalDate end, long daysLeft,
                       Optional<BigDecimal> lapseMonthlyCost, String note) {
        public boolean expired() {
            return daysLeft < 0;
        }
    }

    static BigDecimal cents(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }
}
