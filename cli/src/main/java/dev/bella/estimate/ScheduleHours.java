package dev.bella.estimate;

import dev.bella.spec.Schedule;
import dev.bella.spec.Schedule.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * How long a schedule keeps resources running between two instants. Windows are local times, turned
 * into instants day by day, so a DST change shortens or lengthens that day's window as it does on the
 * bill; a window starting in a spring-forward gap starts at the first valid instant after it.
 */
final class ScheduleHours {

    private ScheduleHours() {
    }

    static Duration running(Schedule schedule, Instant from, Instant to) {
        Duration total = Duration.ZERO;
        // start a day early: a window that crosses midnight may begin before the period does
        LocalDate day = from.atZone(schedule.zone()).toLocalDate().minusDays(1);
        LocalDate last = to.atZone(schedule.zone()).toLocalDate();
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            if (schedule.holidays().contains(day)) {
                continue;
            }
            for (Window w : schedule.running()) {
                if (!w.days().contains(day.getDayOfWeek())) {
                    continue;
                }
                Instant start = instant(day, w.from(), schedule.zone());
                LocalDate endDay = w.crossesMidnight() ? day.plusDays(1) : day;
                Instant end = instant(endDay, w.to(), schedule.zone());
                Instant s = start.isBefore(from) ? from : start;
                Instant e = end.isAfter(to) ? to : end;
                if (e.isAfter(s)) {
                    total = total.plus(Duration.between(s, e));
                }
            }
        }
        return total;
    }

    /**
     * A local time as an instant. In a spring-forward gap the first valid instant is the transition
     * itself (ZonedDateTime would shift by the gap's length instead); in a fall-back overlap the
     * earlier offset is used, so a window is counted once.
     */
    static Instant instant(LocalDate day, java.time.LocalTime time, java.time.ZoneId zone) {
        java.time.LocalDateTime local = day.atTime(time);
        java.time.zone.ZoneRules rules = zone.getRules();
        if (rules.getValidOffsets(local).isEmpty()) {
            return rules.getTransition(local).getInstant();
        }
        return ZonedDateTime.ofLocal(local, zone, null).toInstant();
    }
}
