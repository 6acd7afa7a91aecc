package dev.bella.spend;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * What a spend source found for a period, summed: never the raw rows, so its size depends on the number
 * of services, environments and days, not on the size of the bill.
 *
 * @param lines         exact (unrounded) amount per environment, service and charge kind
 * @param daily         exact amount per day; empty when the source gave only a monthly figure
 * @param estimatedDays days the provider marks as estimated (Cost Explorer's {@code Estimated})
 * @param unavailable   what the source could not provide (e.g. Cost Explorer's DataUnavailable), shown in the report
 * @param forecast      the provider's forecast for the rest of the month, when asked for and available
 */
public record Spend(String source, SpendPeriod period, Map<Key, BigDecimal> lines, SortedMap<java.time.LocalDate, BigDecimal> daily,
                   SortedSet<java.time.LocalDate> estimatedDays, List<String> notes, List<String> unavailable,
                   Optional<Forecast> forecast, Optional<Import> imported) {

    public Spend {
        lines = Map.copyOf(lines);
        daily = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(daily));
        estimatedDays = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(estimatedDays));
        notes = List.copyOf(notes);
        unavailable = List.copyOf(unavailable);
    }

    /**
     * One report line: an environment (tag value, account, or {@code all}), a service, a charge kind and the
     * provider that charges it ({@code aws}, or another cloud of a multi-provider FOCUS file), so that two clouds'
     * charges are never summed into one line.
     */
    public record Key(String environment, String service, ChargeKind kind, dev.bella.report.Category category,
                      String provider) {

        /** An AWS line (Cost Explorer, CUR). */
        public Key(String environment, String service, ChargeKind kind, dev.bella.report.Category category) {
            this(environment, service, kind, category, dev.bella.report.LineItem.AWS);
        }
    }

    /** A provider's forecast of spend from {@code start} to the end of the month. */
    public record Forecast(java.time.LocalDate start, java.time.LocalDate endExclusive, BigDecimal amount,
                           Optional<BigDecimal> low, Optional<BigDecimal> high, String method) {
    }

    /** How a file import went: rows read, rows skipped as malformed (--lenient), rows outside the period. */
    public record Import(String file, long rows, long malformed, long outsidePeriod, Optional<String> firstProblem) {
    }

    public BigDecimal total() {
        return lines.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
