package dev.bella.capacity;

import dev.bella.spec.Autoscaling.Block;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * From weekly peaks to minimum task counts. Rounds up (the seed's floor division would leave calls without a
 * task), never below one task, and merges adjacent hours of a day with the same minimum into one block, then
 * identical blocks across days into one, so the stack needs as few scheduled actions as possible.
 */
final class CapacityPlanner {

    /** The profile, the minimum outside the blocks, and the blocks. */
    record Plan(List<CapacityReport.Hour> hours, int base, List<Block> blocks, int unsampledHours) {
    }

    private CapacityPlanner() {
    }

    /** Nearest-rank percentile (no interpolation: a prediction is a number of calls that happened). */
    static int percentile(List<Integer> samples, int percentile) {
        List<Integer> sorted = samples.stream().sorted().toList();
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(1, rank) - 1);
    }

    static int tasks(int predicted, int callsPerTask) {
        return Math.max(1, Math.ceilDiv(predicted, callsPerTask));
    }

    static Plan plan(List<List<Integer>> samples, int percentile, int callsPerTask) {
        int[] predicted = new int[HourOfWeekLoad.HOURS];
        int[] tasks = new int[HourOfWeekLoad.HOURS];
        int base = Integer.MAX_VALUE;
        int unsampled = 0;
        for (int i = 0; i < predicted.length; i++) {
            List<Integer> s = samples.get(i);
            predicted[i] = s.isEmpty() ? -1 : percentile(s, percentile);
            tasks[i] = s.isEmpty() ? -1 : tasks(predicted[i], callsPerTask);
            if (s.isEmpty()) {
                unsampled++;
            } else {
                base = Math.min(base, tasks[i]);
            }
        }
        base = base == Integer.MAX_VALUE ? 1 : base;
        List<CapacityReport.Hour> hours = new ArrayList<>();
        for (int i = 0; i < predicted.length; i++) {
            // an hour with no sample (every occurrence a holiday) gets the base: nothing says it needs more
            tasks[i] = tasks[i] < 0 ? base : tasks[i];
            List<Integer> s = samples.get(i);
            hours.add(new CapacityReport.Hour(DayOfWeek.of(i / 24 + 1), i % 24, predicted[i], s.size(),
                    s.stream().mapToInt(Integer::intValue).max().orElse(-1), tasks[i]));
        }
        return new Plan(hours, base, blocks(tasks, base), unsampled);
    }

    /** Runs of equal minimum above or below {@code base}, per day, merged across days with the same run. */
    static List<Block> blocks(int[] tasks, int base) {
        record Run(int from, int to, int min) {
        }
        Map<Run, Set<DayOfWeek>> runs = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            int offset = HourOfWeekLoad.index(day, 0);
            int h = 0;
            while (h < 24) {
                int value = tasks[offset + h];
                int end = h;
                while (end < 24 && tasks[offset + end] == value) {
                    end++;
                }
                if (value != base) {
                    runs.computeIfAbsent(new Run(h, end, value), r -> EnumSet.noneOf(DayOfWeek.class)).add(day);
                }
                h = end;
            }
        }
        List<Block> blocks = new ArrayList<>();
        runs.forEach((run, days) -> blocks.add(new Block(days, LocalTime.of(run.from(), 0),
                run.to() == 24 ? LocalTime.MIDNIGHT : LocalTime.of(run.to(), 0), run.min())));
        return blocks;
    }
}
