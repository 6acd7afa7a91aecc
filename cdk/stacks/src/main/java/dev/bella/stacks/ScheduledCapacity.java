package dev.bella.stacks;

import dev.bella.spec.Autoscaling;
import dev.bella.spec.Autoscaling.Block;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awscdk.TimeZone;
import software.amazon.awscdk.services.applicationautoscaling.CronOptions;
import software.amazon.awscdk.services.applicationautoscaling.Schedule;
import software.amazon.awscdk.services.applicationautoscaling.ScalingSchedule;
import software.amazon.awscdk.services.ecs.ScalableTaskCount;

/**
 * The spec's scheduled minimum ({@code service.autoscaling.scheduled}) as Application Auto Scaling scheduled
 * actions in the blocks' own time zone, so daylight saving moves with the callers' clock. Target tracking stays
 * on the same scalable target and adds tasks above the minimum. One action per change of minimum, not two per
 * block: where one block ends as another starts there is a single action, never two firing at the same minute with
 * different values.
 */
final class ScheduledCapacity {

    /** One change of the minimum: at {@code at} on {@code days}, the minimum becomes {@code min}. */
    record Action(Set<DayOfWeek> days, LocalTime at, int min) {
    }

    private ScheduledCapacity() {
    }

    static void addTo(ScalableTaskCount count, Autoscaling scaling) {
        Autoscaling.Capacity capacity = scaling.capacity();
        if (capacity.scheduled().isEmpty()) {
            return;
        }
        ZoneId zone = capacity.zone().orElseThrow(); // the spec reader requires one with blocks
        for (Action a : actions(capacity.scheduled(), scaling.min())) {
            String days = cronDays(a.days());
            count.scaleOnSchedule("Min" + a.min() + "At" + a.at().toString().replace(":", "")
                    + days.replaceAll("[,-]", "").toLowerCase(Locale.ROOT), ScalingSchedule.builder()
                    .schedule(Schedule.cron(CronOptions.builder().minute(String.valueOf(a.at().getMinute()))
                            .hour(String.valueOf(a.at().getHour())).weekDay(days).build()))
                    .minCapacity(a.min())
                    .timeZone(TimeZone.of(zone.getId()))
                    .build());
        }
    }

    /** The changes of minimum over the week, grouped by time and value across days. */
    static List<Action> actions(List<Block> blocks, int base) {
        Set<Integer> boundaries = new TreeSet<>();
        for (Block b : blocks) {
            for (DayOfWeek d : b.days()) {
                boundaries.add(minuteOfWeek(d, b.from()));
                boundaries.add(b.untilMidnight() ? minuteOfWeek(d.plus(1), LocalTime.MIDNIGHT) : minuteOfWeek(d, b.to()));
            }
        }
        Map<String, Action> grouped = new LinkedHashMap<>();
        for (int m : boundaries) {
            int now = minAt(blocks, base, m);
            if (now == minAt(blocks, base, Math.floorMod(m - 1, WEEK))) {
                continue;
            }
            DayOfWeek day = DayOfWeek.of(m / DAY + 1);
            LocalTime at = LocalTime.ofSecondOfDay((m % DAY) * 60L);
            grouped.merge(at + "/" + now, new Action(EnumSet.of(day), at, now), (x, y) -> {
                Set<DayOfWeek> days = EnumSet.copyOf(x.days());
                days.addAll(y.days());
                return new Action(days, x.at(), x.min());
            });
        }
        return List.copyOf(grouped.values());
    }

    /**
     * Cron's day-of-week field: consecutive days as a range ({@code MON-FRI}), else a list. Sunday is never the end
     * of a range: cron counts it as day 1, so {@code SAT-SUN} would run backwards.
     */
    static String cronDays(Set<DayOfWeek> days) {
        List<String> parts = new ArrayList<>();
        int d = 1;
        while (d <= 7) {
            if (!days.contains(DayOfWeek.of(d))) {
                d++;
                continue;
            }
            int end = d;
            while (end < 6 && days.contains(DayOfWeek.of(end + 1))) {
                end++;
            }
            String first = DayOfWeek.of(d).name().substring(0, 3);
            parts.add(end == d ? first : first + "-" + DayOfWeek.of(end).name().substring(0, 3));
            d = end + 1;
        }
        return String.join(",", parts);
    }

    private static final int DAY = 24 * 60;
    private static final int WEEK = 7 * DAY;

    private static int minuteOfWeek(DayOfWeek day, LocalTime t) {
        return ((day.getValue() - 1) * DAY + t.getHour() * 60 + t.getMinute()) % WEEK;
    }

    private static int minAt(List<Block> blocks, int base, int minuteOfWeek) {
        DayOfWeek day = DayOfWeek.of(minuteOfWeek / DAY + 1);
        int minute = minuteOfWeek % DAY;
        for (Block b : blocks) {
            int from = b.from().getHour() * 60 + b.from().getMinute();
            int to = b.untilMidnight() ? DAY : b.to().getHour() * 60 + b.to().getMinute();
            if (b.days().contains(day) && minute >= from && minute < to) {
                return b.min();
            }
        }
        return base;
    }
}
