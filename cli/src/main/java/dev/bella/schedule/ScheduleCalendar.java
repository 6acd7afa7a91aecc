package dev.bella.schedule;

import dev.bella.spec.Schedule;
import dev.bella.spec.ScheduleWindows;
import dev.bella.spec.ScheduleWindows.Interval;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * What a spec {@link Schedule} wants at an instant (running or stopped, why, and the next transition), with
 * schedule-dev's overrides applied. The window arithmetic is {@link ScheduleWindows}', the same the estimate
 * counts running hours with, so a bill and a stop never disagree about when dev runs.
 */
public final class ScheduleCalendar {

    /** How far ahead the next transition is looked for; holidays never span a year. */
    static final Duration HORIZON = Duration.ofDays(400);

    private final Schedule schedule;
    private final ScheduleWindows windows;

    public ScheduleCalendar(Schedule schedule) {
        this.schedule = schedule;
        this.windows = new ScheduleWindows(schedule);
    }

    public Schedule schedule() {
        return schedule;
    }

    /** The running intervals that overlap [from, to), merged where they touch, not clipped. */
    public List<Interval> running(Instant from, Instant to) {
        return windows.running(from, to);
    }

    /** How long the schedule keeps resources running between two instants. */
    public Duration runningTime(Instant from, Instant to) {
        return windows.runningTime(from, to);
    }

    /** What the schedule alone says at {@code t}. */
    public Decision at(Instant t) {
        List<Interval> ahead = running(t, t.plus(HORIZON));
        for (Interval i : ahead) {
            if (i.contains(t)) {
                Optional<Instant> end = i.end().isBefore(t.plus(HORIZON)) ? Optional.of(i.end()) : Optional.empty();
                return new Decision(t, DesiredState.RUNNING, Reason.WINDOW, end);
            }
        }
        Optional<Instant> next = ahead.stream().map(Interval::start).filter(s -> s.isAfter(t)).findFirst();
        return new Decision(t, DesiredState.STOPPED, stoppedReason(t), next);
    }

    /**
     * The decision with an override applied: an active override wins until it ends; the next
     * transition is then the first instant from its end at which the schedule differs from it.
     */
    public Decision at(Instant t, Optional<StateOverride> override, Reason overrideReason) {
        Optional<StateOverride> active = StateOverride.active(override, t);
        if (active.isEmpty()) {
            return at(t);
        }
        StateOverride o = active.get();
        Decision after = at(o.until());
        Optional<Instant> next = after.desired() != o.state() ? Optional.of(o.until()) : after.nextTransition();
        return new Decision(t, o.state(), overrideReason, next);
    }

    private Reason stoppedReason(Instant t) {
        LocalDate day = t.atZone(schedule.zone()).toLocalDate();
        if (schedule.holidays().contains(day)) {
            return Reason.HOLIDAY;
        }
        DayOfWeek dow = day.getDayOfWeek();
        boolean hasWindow = schedule.running().stream().anyMatch(w -> w.days().contains(dow));
        return hasWindow ? Reason.OFF_HOURS : Reason.WEEKEND;
    }

    public static Instant instant(LocalDate day, LocalTime time, ZoneId zone) {
        return ScheduleWindows.instant(day, time, zone);
    }
}
