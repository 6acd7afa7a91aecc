package dev.bella.spend;

import dev.bella.report.LineItem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** Sums rows as they stream past; holds one entry per (environment, service, kind, provider) and per day (AWS). */
final class SpendAccumulator {

    private final Map<Spend.Key, BigDecimal> lines = new HashMap<>();
    private final SortedMap<LocalDate, BigDecimal> daily = new TreeMap<>();
    private final SortedSet<LocalDate> estimated = new TreeSet<>();

    void add(LocalDate day, Spend.Key key, BigDecimal amount) {
        lines.merge(key, amount, BigDecimal::add);
        // the daily figures are what the AWS daily budget is checked on: another cloud's charges stay out
        if (day != null && key.provider().equals(LineItem.AWS)) {
            daily.merge(day, amount, BigDecimal::add);
        }
    }

    void estimated(LocalDate day) {
        estimated.add(day);
    }

    Map<Spend.Key, BigDecimal> lines() {
        return lines;
    }

    SortedMap<LocalDate, BigDecimal> daily() {
        return daily;
    }

    SortedSet<LocalDate> estimatedDays() {
        return estimated;
    }
}
