package dev.bella.spec;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Target tracking on CPU. {@code peak} is an optional profile of extra tasks the estimate adds on top
 * of the baseline, since target tracking itself says nothing about how often it scales out.
 * {@code capacity} is the scheduled minimum ({@code bella cost capacity}): target tracking stays above it.
 */
public record Autoscaling(int min, int max, int targetCpu, Duration scaleOutCooldown, Duration scaleInCooldown,
                          Optional<Peak> peak, Capacity capacity) {

    /** Target tracking with no scheduled minimum. */
    public Autoscaling(int min, int max, int targetCpu, Duration scaleOutCooldown, Duration scaleInCooldown,
                       Optional<Peak> peak) {
        this(min, max, targetCpu, scaleOutCooldown, scaleInCooldown, peak, Capacity.NONE);
    }

    /** {@code extraTasks} more than desired, for {@code hoursPerMonth} hours a month. */
    public record Peak(int extraTasks, int hoursPerMonth) {
    }

    /**
     * The scheduled minimum: outside every block the minimum is {@code min}; inside one it is the block's.
     *
     * @param zone         the zone the blocks' local times are in (the spec's {@code timezone}, else the
     *                     environment's schedule's); present whenever {@code scheduled} is not empty
     * @param callsPerTask concurrent calls one task carries, with where that figure came from
     */
    public record Capacity(List<Block> scheduled, Optional<ZoneId> zone, Optional<CallsPerTask> callsPerTask) {

        public static final Capacity NONE = new Capacity(List.of(), Optional.empty(), Optional.empty());

        public Capacity {
            scheduled = List.copyOf(scheduled);
        }

        /** The minimum at a local day and hour: the block's that covers it, else {@code base}. */
        public int minAt(DayOfWeek day, int hour, int base) {
            LocalTime at = LocalTime.of(hour, 0);
            for (Block b : scheduled) {
                if (b.days().contains(day) && !at.isBefore(b.from()) && (b.untilMidnight() || at.isBefore(b.to()))) {
                    return b.min();
                }
            }
            return base;
        }
    }

    /** From {@code from} to {@code to} (local, same day; {@code to} 00:00 means the end of the day). */
    public record Block(Set<DayOfWeek> days, LocalTime from, LocalTime to, int min) {
        public Block {
            days = Set.copyOf(days);
        }

        public boolean untilMidnight() {
            return to.equals(LocalTime.MIDNIGHT);
        }
    }

    /** @param source where the figure came from (a benchmark run, a person's estimate), for whoever changes it */
    public record CallsPerTask(int value, String source) {
    }
}
