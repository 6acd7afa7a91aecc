package dev.bella.estimate;

import dev.bella.report.CostReport.Period;
import dev.bella.spec.Schedule;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * The month an estimate prices: either the average month (730 hours, AWS's own convention, with a
 * schedule's share of running time taken over the next twelve months so holidays count once a year),
 * or one calendar month in UTC, as AWS bills.
 */
public record EstimatePeriod(Period period, Instant sampleFrom, Instant sampleTo, boolean average) {

    public static final BigDecimal AVERAGE_MONTH_HOURS = BigDecimal.valueOf(730);

    public static EstimatePeriod averageMonth(Clock clock) {
        YearMonth start = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        Instant from = start.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = start.plusMonths(12).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Period p = new Period("average month (schedules sampled " + start + " to " + start.plusMonths(11) + ")",
                start.atDay(1), start.plusMonths(1).atDay(1), AVERAGE_MONTH_HOURS);
        return new EstimatePeriod(p, from, to, true);
    }

    public static EstimatePeriod month(YearMonth month) {
        Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        BigDecimal hours = BigDecimal.valueOf(Duration.between(from, to).toHours());
        return new EstimatePeriod(new Period(month.toString(), month.atDay(1), month.plusMonths(1).atDay(1), hours),
                from, to, false);
    }

    public BigDecimal hours() {
        return period.hours();
    }

    /** Hours a scheduled resource runs in this period. */
    public BigDecimal runningHours(Schedule schedule) {
        Duration running = ScheduleHours.running(schedule, sampleFrom, sampleTo);
        BigDecimal share = BigDecimal.valueOf(running.toSeconds())
                .divide(BigDecimal.valueOf(Duration.between(sampleFrom, sampleTo).toSeconds()), MathContext.DECIMAL64);
        return share.multiply(hours()).setScale(2, RoundingMode.HALF_UP);
    }

    /** Days in the period, for the daily budget. */
    public BigDecimal days() {
        return hours().divide(BigDecimal.valueOf(24), 4, RoundingMode.HALF_UP);
    }
}
