package dev.bella.capacity;

import dev.bella.spec.Autoscaling.Block;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A predicted load profile and the scheduled minimum it calls for.
 *
 * @param source       where the calls came from (a file, the ledger), for the reader
 * @param days         local days of history inside the window
 * @param hours        the 168 hours of the week, Monday 00:00 first
 * @param base         the minimum outside every block (the lowest hourly minimum)
 * @param blocks       the hours whose minimum differs from {@code base}, merged
 * @param max          the environment's autoscaling max; a block above it needs a higher max
 * @param currentBlocks the blocks the spec has now, for comparison
 */
public record CapacityReport(String environment, ZoneId zone, String source, Instant from, Instant to, int days,
                             long calls, int percentile, int callsPerTask, String callsPerTaskSource,
                             List<LocalDate> holidaysExcluded, List<Hour> hours, int base, List<Block> blocks, int max,
                             List<Block> currentBlocks, int currentMin, List<String> notes) {

    public CapacityReport {
        holidaysExcluded = List.copyOf(holidaysExcluded);
        hours = List.copyOf(hours);
        blocks = List.copyOf(blocks);
        currentBlocks = List.copyOf(currentBlocks);
        notes = List.copyOf(notes);
    }

    /**
     * One hour of the week.
     *
     * @param predicted the percentile of the weekly peaks of concurrent calls; -1 without samples
     * @param samples   how many occurrences of this hour the history holds (holidays and DST gaps left out)
     * @param peak      the highest weekly peak seen, for comparison with the percentile
     * @param tasks     the minimum task count: predicted / calls per task rounded up, at least 1 (base without samples)
     */
    public record Hour(DayOfWeek day, int hour, int predicted, int samples, int peak, int tasks) {
    }

    /** The largest minimum of the profile. */
    public int highest() {
        return hours.stream().mapToInt(Hour::tasks).max().orElse(base);
    }
}
