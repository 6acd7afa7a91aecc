package dev.bella.spec;

import dev.bella.spec.Schedule.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The calendar arithmetic of a {@link Schedule}: when it runs between two instants. The estimate counts
 * running hours with it and schedule-dev decides with it, so a bill and a stop never disagree about when
 * dev runs; it lives beside the spec so neither of them depends on the other.
 *
 * <p>Windows are local times turned into instants day by day, so a DST change shortens or lengthens
 * that day's window as it does on the bill. A window starting (or ending) in a spring-forward gap
 * starts at the first valid instant after it; in a fall-back overlap the earlier offset is used, so
 * the repeated hour never toggles a resource twice. A window that starts on a holiday does not run.
 */
public final class ScheduleWindows {

    private final Schedule schedule;

    public ScheduleWindows(Schedule schedule) {
        this.schedule = schedule;
    }

    /** A half-open running interval [start, end). */
    public record Interval(Instant start, Instant end) {
        public boolean contains(Instant t) {
            return !t.isBefore(start) && t.isBefore(end);
        }
    }

    /** The running intervals that overlap [from, to), merged where they touch, not clipped. */
    public List<Interval> running(Instant from, Instant to) {
        List<Interval> raw = new ArrayList<>();
        ZoneId zone = schedule.zone();
        // start a day early: a window that crosses midnight may begin before the period does
        LocalDate day = from.atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = to.atZone(zone).toLocalDate();
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            if (schedule.holidays().contains(day)) {
                continue;
            }
            for (Window w : schedule.running()) {
                if (!w.days().contains(day.getDayOfWeek())) {
                    continue;
                }
                Instant start = instant(day, w.from(), zone);
                Instant end = instant(w.crossesMidnight() ? day.plusDays(1) : day, w.to(), zone);
                if (end.isAfter(start) && end.isAfter(from) && start.isBefore(to)) {
                    raw.add(new Interval(start, end));
                }
            }
        }
        raw.sort(Comparator.comparing(Interval::start));
        List<Interval> merged = new ArrayList<>();
        for (Interval i : raw) {
            Interval prev = merged.isEmpty() ? null : merged.getLast();
            if (prev != null && !i.start().isAfter(prev.end())) {
                merged.set(merged.size() - 1, new Interval(prev.start(),
                        i.end().isAfter(prev.end()) ? i.end() : prev.end()));
            } else {
                merged.add(i);
            }
        }
        return merged;
    }

    /** How long the schedule keeps resources running between two instants. */
    public Duration runningTime(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        for (Interval i : running(from, to)) {
            Instant s = i.start().isBefore(from) ? from : i.start();
            Instant e = i.end().isAfter(to) ? to : i.end();
            if (e.isAfter(s)) {
                total = total.plus(Duration.between(s, e));
            }
        }
        return total;
    }

    /**
     * A local time as an instant. In a spring-forward gap the first valid instant is the transition
     * itself (ZonedDateTime would shift by the gap's length instead); in a fall-back overlap the
     * earlier offset is used.
     */
    public static Instant instant(LocalDate day, LocalTime time, ZoneId zone) {
        LocalDateTime local = day.atTime(time);
        ZoneRules rules = zone.getRules();
        if (rules.getValidOffsets(local).isEmpty()) {
            return rules.getTransition(local).getInstant();
        }
        return ZonedDateTime.ofLocal(local, zone, null).toInstant();
    }
}
