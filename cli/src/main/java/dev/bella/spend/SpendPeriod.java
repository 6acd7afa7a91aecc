package dev.bella.spend;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Days a spend report covers, end exclusive, in UTC as AWS bills. {@code open} means the caller gave
 * no period: a file import then covers the days the file holds.
 */
public record SpendPeriod(String label, LocalDate start, LocalDate endExclusive, boolean open) {

    public SpendPeriod {
        if (!endExclusive.isAfter(start)) {
            throw new SpendException("the period is empty: " + start + " to " + endExclusive + " (end exclusive)");
        }
    }

    /** No period given: a file import covers the days the file holds. */
    public static SpendPeriod fileDays() {
        return new SpendPeriod("the file's days", LocalDate.of(1, 1, 1), LocalDate.of(9999, 1, 1), true);
    }

    public static SpendPeriod month(YearMonth month) {
        return new SpendPeriod(month.toString(), month.atDay(1), month.plusMonths(1).atDay(1), false);
    }

    /** {@code to} is exclusive, like Cost Explorer's End. */
    public static SpendPeriod between(LocalDate from, LocalDate to) {
        return new SpendPeriod(from + " to " + to.minusDays(1), from, to, false);
    }

    /**
     * Month to date (today excluded: its figures are hours behind); on the 1st, the last full month, so a
     * cron run at midnight reports the month that just closed.
     */
    public static SpendPeriod monthToDate(Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (today.getDayOfMonth() == 1) {
            SpendPeriod last = month(YearMonth.from(today.minusDays(1)));
            return new SpendPeriod(last.label() + " (last full month)", last.start(), last.endExclusive(), true);
        }
        return new SpendPeriod(YearMonth.from(today) + " month to date", today.withDayOfMonth(1), today, true);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && day.isBefore(endExclusive);
    }

    public long days() {
        return ChronoUnit.DAYS.between(start, endExclusive);
    }

    /** The first day after the period's month ends (for the forecast). */
    public LocalDate monthEnd() {
        return YearMonth.from(endExclusive.minusDays(1)).plusMonths(1).atDay(1);
    }
}
